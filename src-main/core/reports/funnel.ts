import { z } from 'zod';
import type { Ctx } from '../context';
import { AppError } from '../errors';
import { prepared } from '../db/statements';
import { spanOf } from './period';
import { dealDrill, dealScope } from './scope';
import { median, percent, toNumber } from './numbers';
import { rowsOf, type ReportSql } from './sql';
import type { Cell, Drill, Report, ReportQuery, ReportResult } from './types';

// The funnel of one pipeline for the deals created in the period: how many reached each
// open stage (a deal that skipped a stage counts as having passed it; a won deal passed
// them all), the conversion from the stage before and overall to won, the median and
// average days spent in each stage (finished stays, from the stage history), and where
// the lost ones left (the stage they were in when lost).

interface StageRow {
  id: string;
  name: string;
  kind: 'open' | 'won' | 'lost';
  position: number;
}

function pipelineOf(ctx: Ctx, q: ReportQuery): { id: string; name: string } {
  const p = q.pipelineId
    ? prepared(ctx.ws.sqlite, 'SELECT id, name FROM pipelines WHERE id = ?').get(q.pipelineId)
    : prepared(ctx.ws.sqlite, 'SELECT id, name FROM pipelines WHERE archived_at IS NULL ORDER BY position, name LIMIT 1').get();
  if (!p) throw new AppError('deal.pipeline_not_found', 'No pipeline', { id: q.pipelineId ?? '' });
  return p as { id: string; name: string };
}

const DAY_MS = 86_400_000;

/**
 * The deals created in the period (the cohort) with their outcome, and every stage change
 * of theirs in order per deal — the (deal_id, at, id) index hands them over in that order,
 * so nothing is sorted, and stages are looked up in memory rather than joined per change.
 */
export function funnelSql(ctx: Ctx, q: ReportQuery, pipelineId: string): { cohort: ReportSql; changes: ReportSql } {
  const span = spanOf({ from: q.from, to: q.to }, q.timeZone);
  const scope = dealScope(ctx, { ...q, pipelineId });
  const cohort = `SELECT d.id FROM deals d INDEXED BY deals_created_report_idx WHERE d.created_at >= ? AND d.created_at < ? AND ${scope.where.join(' AND ')}`;
  const params = [span.start, span.end, ...scope.params];
  return {
    cohort: { sql: `SELECT d.id AS id, st.kind AS kind FROM deals d INDEXED BY deals_created_report_idx JOIN stages st ON st.id = d.stage_id WHERE ${cohort.slice(cohort.indexOf('WHERE ') + 6)}`, params },
    changes: {
      sql: `SELECT ch.deal_id AS deal, ch.to_stage_id AS stage, ch.from_stage_id AS fromStage, ch.at AS at
              FROM deal_stage_changes ch WHERE ch.deal_id IN (${cohort}) ORDER BY ch.deal_id, ch.at, ch.id`,
      params,
    },
  };
}

interface Outcome {
  total: number;
  won: number;
  lost: number;
  /** Deals not won, by the position of the furthest open stage of the pipeline they entered. */
  furthest: Map<number, number>;
  /** Lost deals by the stage they left for a lost one. */
  lostFrom: Map<string | null, number>;
  /** Finished stays in each stage, in days. */
  stays: Map<string, number[]>;
}

/**
 * One pass over the changes (in deal, time order): per deal its furthest open stage of the
 * pipeline and, for a lost one, the stage its last move to a lost stage left; per stage the
 * finished stays (from entering it to the deal's next change). 128,000 changes a year at
 * 100,000 deals: each date is parsed once and nothing is filtered per stage afterwards.
 */
function outcomeOf(
  ctx: Ctx,
  pipelineId: string,
  cohort: { id: string; kind: string }[],
  changes: { deal: string; stage: string; fromStage: string | null; at: string }[],
): Outcome {
  const stageOf = new Map(
    (prepared(ctx.ws.sqlite, 'SELECT id, kind, pipeline_id AS pipelineId, position FROM stages').all() as { id: string; kind: string; pipelineId: string; position: number }[]).map((s) => [s.id, s]),
  );
  const kindOf = new Map(cohort.map((d) => [d.id, d.kind]));
  const out: Outcome = { total: cohort.length, won: 0, lost: 0, furthest: new Map(), lostFrom: new Map(), stays: new Map() };
  for (const d of cohort) {
    if (d.kind === 'won') out.won++;
    else if (d.kind === 'lost') out.lost++;
  }
  const count = <K>(m: Map<K, number>, k: K) => m.set(k, (m.get(k) ?? 0) + 1);
  let deal: string | null = null;
  let kind: string | undefined;
  let furthest: number | null = null;
  let lostFrom: string | null | undefined;
  let entered = 0;
  let stage = '';
  const finishDeal = () => {
    if (deal === null) return;
    // A won deal passed every stage: it is counted as won, not by how far its moves went.
    if (furthest !== null && kind !== 'won') count(out.furthest, furthest);
    if (kind === 'lost' && lostFrom !== undefined) count(out.lostFrom, lostFrom);
  };
  for (const c of changes) {
    const at = Date.parse(c.at);
    if (c.deal === deal) {
      const list = out.stays.get(stage);
      if (list) list.push((at - entered) / DAY_MS);
      else out.stays.set(stage, [(at - entered) / DAY_MS]);
    } else {
      finishDeal();
      deal = c.deal;
      kind = kindOf.get(c.deal);
      furthest = null;
      lostFrom = undefined;
    }
    const s = stageOf.get(c.stage);
    if (s?.kind === 'open' && s.pipelineId === pipelineId && (furthest === null || s.position > furthest)) furthest = s.position;
    if (s?.kind === 'lost') lostFrom = c.fromStage;
    entered = at;
    stage = c.stage;
  }
  finishDeal();
  return out;
}

export const funnelReport: Report = {
  key: 'funnel',
  options: z.object({}),
  queries: (ctx, q) => Object.values(funnelSql(ctx, q, pipelineOf(ctx, q).id)),
  run(ctx, q): ReportResult {
    const pipeline = pipelineOf(ctx, q);
    const period = { from: q.from, to: q.to };
    const span = spanOf(period, q.timeZone);
    const stages = prepared(ctx.ws.sqlite, `SELECT id, name, kind, position FROM stages WHERE pipeline_id = ? AND archived_at IS NULL ORDER BY kind != 'open', kind = 'lost', position`).all(
      pipeline.id,
    ) as StageRow[];
    const open = stages.filter((s) => s.kind === 'open');
    const won = stages.find((s) => s.kind === 'won');
    const sql = funnelSql(ctx, q, pipeline.id);
    const outcome = outcomeOf(ctx, pipeline.id, rowsOf(ctx, sql.cohort), rowsOf(ctx, sql.changes));

    const total = outcome.total;
    const wonCount = outcome.won;
    const rows: Record<string, Cell>[] = [];
    const drills: Record<string, Drill>[] = [];
    let previous = total;
    for (const s of open) {
      let reached = wonCount;
      for (const [position, n] of outcome.furthest) if (position >= s.position) reached += n;
      const days = outcome.stays.get(s.id) ?? [];
      const lostHere = outcome.lostFrom.get(s.id) ?? 0;
      const m = median(days);
      rows.push({
        stage: s.name,
        stageId: s.id,
        reached,
        fromPreviousPercent: percent(reached, previous),
        ofCreatedPercent: percent(reached, total),
        medianDays: m === null ? null : Math.round(m * 10) / 10,
        avgDays: days.length ? Math.round((days.reduce((a, b) => a + b, 0) / days.length) * 10) / 10 : null,
        lostHere,
      });
      drills.push({
        reached: dealDrill(q, 'funnel', { pipelineId: pipeline.id, status: 'all', created: span, reachedStageId: s.id }),
        lostHere: dealDrill(q, 'funnel', { pipelineId: pipeline.id, status: 'lost', created: span, lostAtStageId: s.id }),
      });
      previous = reached;
    }
    if (won) {
      rows.push({ stage: won.name, stageId: won.id, reached: wonCount, fromPreviousPercent: percent(wonCount, previous), ofCreatedPercent: percent(wonCount, total), medianDays: null, avgDays: null, lostHere: null });
      drills.push({ reached: dealDrill(q, 'funnel', { pipelineId: pipeline.id, status: 'won', created: span }) });
    }
    const totals = [{ stage: pipeline.name, reached: total, ofCreatedPercent: total ? 100 : null, lostHere: outcome.lost } as Record<string, Cell>];
    return {
      report: 'funnel',
      period,
      previous: null,
      columns: [
        { key: 'stage', type: 'text', label: 'reports.dim.stage' },
        { key: 'reached', type: 'count', label: 'reports.col.reached' },
        { key: 'fromPreviousPercent', type: 'percent', label: 'reports.col.fromPrevious' },
        { key: 'ofCreatedPercent', type: 'percent', label: 'reports.col.ofCreated' },
        { key: 'medianDays', type: 'days', label: 'reports.col.medianDays' },
        { key: 'avgDays', type: 'days', label: 'reports.col.avgDays' },
        { key: 'lostHere', type: 'count', label: 'reports.col.lostHere' },
      ],
      rows,
      totals,
      drills,
      totalDrills: [
        {
          reached: dealDrill(q, 'funnel', { pipelineId: pipeline.id, status: 'all', created: span }),
          lostHere: dealDrill(q, 'funnel', { pipelineId: pipeline.id, status: 'lost', created: span }),
        },
      ],
      chart: { kind: 'funnel', labels: rows.map((r) => String(r.stage)), series: [{ label: 'reached', data: rows.map((r) => toNumber(r.reached as number)) }] },
      notes: [{ key: 'reports.notes.funnelPipeline', params: { pipeline: pipeline.name } }],
    };
  },
};
