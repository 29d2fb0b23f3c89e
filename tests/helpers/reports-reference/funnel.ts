// The reports as they were before issue 12's performance work (git 2775d81): one
// straightforward query per figure, probing per row. Tests compare the optimised
// reports with these on seeded workspaces; nothing in the app uses them.
import { z } from 'zod';
import type { Ctx } from '../../../src-main/core/context';
import { AppError } from '../../../src-main/core/errors';
import { prepared } from '../../../src-main/core/db/statements';
import { spanOf } from '../../../src-main/core/reports/period';
import { dealDrill, dealScope } from '../../../src-main/core/reports/scope';
import { median, percent, toNumber } from '../../../src-main/core/reports/numbers';
import type { Cell, Drill, Report, ReportQuery, ReportResult } from '../../../src-main/core/reports/types';

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

export const funnelReference = {
  key: 'funnel',
  options: z.object({}),
  run(ctx, q): ReportResult {
    const pipeline = pipelineOf(ctx, q);
    const period = { from: q.from, to: q.to };
    const span = spanOf(period, q.timeZone);
    const scope = dealScope(ctx, { ...q, pipelineId: pipeline.id });
    const stages = prepared(ctx.ws.sqlite, `SELECT id, name, kind, position FROM stages WHERE pipeline_id = ? AND archived_at IS NULL ORDER BY kind != 'open', kind = 'lost', position`).all(
      pipeline.id,
    ) as StageRow[];
    const open = stages.filter((s) => s.kind === 'open');
    const won = stages.find((s) => s.kind === 'won');
    const cohortWhere = `d.created_at >= ? AND d.created_at < ? AND ${scope.where.join(' AND ')}`;
    const cohortParams = [span.start, span.end, ...scope.params];
    // Per deal of the cohort: its outcome, the furthest open stage it entered, and where a lost one left.
    const deals = prepared(
      ctx.ws.sqlite,
      `SELECT d.id AS id, st.kind AS kind,
              (SELECT max(s.position) FROM deal_stage_changes ch JOIN stages s ON s.id = ch.to_stage_id
                WHERE ch.deal_id = d.id AND s.kind = 'open' AND s.pipeline_id = d.pipeline_id) AS furthest,
              CASE WHEN st.kind = 'lost' THEN (SELECT ch.from_stage_id FROM deal_stage_changes ch JOIN stages ls2 ON ls2.id = ch.to_stage_id
                WHERE ch.deal_id = d.id AND ls2.kind = 'lost' ORDER BY ch.at DESC, ch.id DESC LIMIT 1) END AS lostFrom
         FROM deals d JOIN stages st ON st.id = d.stage_id WHERE ${cohortWhere}`,
    ).all(...cohortParams) as { id: string; kind: string; furthest: number | null; lostFrom: string | null }[];
    // Finished stays in each stage: from entering it to the next change.
    const stays = prepared(
      ctx.ws.sqlite,
      `SELECT stage, days FROM (
         SELECT ch.to_stage_id AS stage, julianday(lead(ch.at) OVER (PARTITION BY ch.deal_id ORDER BY ch.at, ch.id)) - julianday(ch.at) AS days
           FROM deal_stage_changes ch WHERE ch.deal_id IN (SELECT d.id FROM deals d WHERE ${cohortWhere})) WHERE days IS NOT NULL`,
    ).all(...cohortParams) as { stage: string; days: number }[];

    const total = deals.length;
    const wonCount = deals.filter((d) => d.kind === 'won').length;
    const rows: Record<string, Cell>[] = [];
    const drills: Record<string, Drill>[] = [];
    let previous = total;
    for (const s of open) {
      const reached = deals.filter((d) => d.kind === 'won' || (d.furthest !== null && d.furthest >= s.position)).length;
      const days = stays.filter((x) => x.stage === s.id).map((x) => x.days);
      const lostHere = deals.filter((d) => d.kind === 'lost' && d.lostFrom === s.id).length;
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
    const totals = [{ stage: pipeline.name, reached: total, ofCreatedPercent: total ? 100 : null, lostHere: deals.filter((d) => d.kind === 'lost').length } as Record<string, Cell>];
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
} satisfies Omit<Report, 'queries'>;
