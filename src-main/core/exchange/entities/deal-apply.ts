import type { Statement } from 'better-sqlite3';
import type { Ctx } from '../../context';
import { AppError, ValidationError } from '../../errors';
import { prepared } from '../../db/statements';
import { foldText, nameKey } from '../../text/fold';
import { isoNow } from '../../context';
import { createUser } from '../../users/service';
import { dealCreate, type DealPatch } from '../../deals/schemas';
import { createDeal, updateDeal } from '../../deals/write';
import { closeDeal } from '../../deals/closing';
import { moveDeal } from '../../deals/moves';
import { getStage } from '../../deals/pipelines';
import { forgetDealInSeries } from '../../tasks/deal-hooks';
import type { DealEnv, DealRecord } from './deal-build';
import type { ApplyCounts, ApplyOptions, Candidate, Journal } from './types';

// Deals are written through the deals core (createDeal, updateDeal, closeDeal,
// moveDeal), so stage history, closing rules and the client's timeline entries are
// the same as when a user does it by hand. Each call nests as a savepoint inside the
// import's one transaction.

interface DealRow {
  id: string;
  stage_id: string;
  amount_kopecks: number;
  currency: string;
  expected_close: string | null;
  responsible_id: string | null;
  source: string | null;
  description: string | null;
  [col: string]: unknown;
}

/** What an update replaced: the deal row as it was, its custom values, and the rows the update added. */
export interface DealPrevious {
  row: Record<string, unknown>;
  custom: Record<string, string>;
  stageChangeIds: string[];
  historyIds: string[];
}

// Columns an undo writes back (everything a deals import can change, directly or by a move).
const RESTORED = [
  'amount_kopecks', 'currency', 'expected_close', 'responsible_id', 'source', 'description', 'pipeline_id', 'stage_id', 'stage_entered_at',
  'position', 'closed_at', 'lost_reason_id', 'lost_comment', 'updated_at',
];

const PATCHED: [keyof DealRecord & keyof DealPatch, string][] = [
  ['amountKopecks', 'amount_kopecks'],
  ['expectedClose', 'expected_close'],
  ['responsibleId', 'responsible_id'],
  ['source', 'source'],
  ['description', 'description'],
];

const idsOf = (ctx: Ctx, sql: string, dealId: string) => new Set((prepared(ctx.ws.sqlite, sql).all(dealId) as { id: string }[]).map((r) => r.id));
const STAGE_CHANGES = 'SELECT id FROM deal_stage_changes WHERE deal_id = ?';
const HISTORY = 'SELECT id FROM history WHERE deal_id = ?';

function customOf(ctx: Ctx, dealId: string): Record<string, string> {
  const rows = prepared(ctx.ws.sqlite, 'SELECT field_id AS f, value AS v FROM deal_custom_values WHERE deal_id = ?').all(dealId) as { f: string; v: string }[];
  return Object.fromEntries(rows.map((r) => [r.f, r.v]));
}

/** The same context on another clock: what the deals core writes is dated then. */
const at = (ctx: Ctx, iso: string | null): Ctx => (iso ? { ...ctx, now: () => new Date(iso) } : ctx);

function create(ctx: Ctx, r: DealRecord): string {
  const { id } = createDeal(
    at(ctx, r.createdAt),
    dealCreate.parse({
      title: r.title,
      clientId: r.clientId,
      pipelineId: r.pipelineId,
      stageId: r.openStageId,
      amountKopecks: r.amountKopecks ?? 0,
      currency: r.currency ?? 'RUB',
      expectedClose: r.expectedClose,
      responsibleId: r.responsibleId,
      source: r.source,
      description: r.description,
      custom: Object.fromEntries(r.custom),
    }),
  );
  if (r.outcome) closeDeal(at(ctx, r.closedAt), id, r.outcome, { lostReasonId: r.lostReasonId, lostComment: r.lostComment });
  return id;
}

/** Fills (update_empty) or replaces (overwrite) an existing deal's fields; overwrite also moves it to the row's stage. */
function update(ctx: Ctx, existing: DealRow, r: DealRecord, overwrite: boolean, journal: Journal): boolean {
  const patch: DealPatch = {};
  const isEmpty = (col: string) => existing[col] === null || existing[col] === '' || (col === 'amount_kopecks' && existing[col] === 0);
  for (const [key, col] of PATCHED) {
    const v = r[key];
    if (v === null || v === existing[col] || (!overwrite && !isEmpty(col))) continue;
    (patch as Record<string, unknown>)[key] = v;
  }
  if (overwrite && r.currency && r.currency !== existing.currency) patch.currency = r.currency;
  const oldCustom = customOf(ctx, existing.id);
  const custom: Record<string, string> = {};
  for (const [fieldId, value] of r.custom) {
    if (oldCustom[fieldId] === value || (!overwrite && oldCustom[fieldId] !== undefined)) continue;
    custom[fieldId] = value;
  }
  if (Object.keys(custom).length > 0) patch.custom = custom;
  // A row that names neither a stage nor won/lost leaves the deal where it is: an open
  // deal in its pipeline keeps its stage, and a closed deal is never reopened by it. Only
  // an open deal named into another pipeline moves (to that pipeline's first stage).
  const current = getStage(ctx, existing.stage_id);
  const keepsStage = !r.stageNamed && !r.outcome && (current.kind !== 'open' || current.pipelineId === r.pipelineId);
  const move = overwrite && r.placed && !keepsStage && existing.stage_id !== r.finalStageId;
  if (Object.keys(patch).length === 0 && !move) return false;

  const stageChanges = idsOf(ctx, STAGE_CHANGES, existing.id);
  const history = idsOf(ctx, HISTORY, existing.id);
  if (Object.keys(patch).length > 0) updateDeal(ctx, existing.id, patch);
  if (move) {
    moveDeal(ctx, existing.id, getStage(ctx, r.finalStageId), { stageId: r.finalStageId, lostReasonId: r.lostReasonId, lostComment: r.lostComment });
  }
  const previous: DealPrevious = {
    row: Object.fromEntries(RESTORED.map((c) => [c, existing[c]])),
    custom: oldCustom,
    stageChangeIds: [...idsOf(ctx, STAGE_CHANGES, existing.id)].filter((id) => !stageChanges.has(id)),
    historyIds: [...idsOf(ctx, HISTORY, existing.id)].filter((id) => !history.has(id)),
  };
  journal.updated('deal', existing.id, previous);
  return true;
}

/** Managers the file names who are not users yet, in the order they first appear. */
export function unknownManagers(candidates: Candidate<DealRecord>[]): string[] {
  const names = new Map<string, string>();
  for (const c of candidates) {
    const name = c.record.responsibleName?.trim();
    if (name && !names.has(foldText(name))) names.set(foldText(name), name);
  }
  return [...names.values()];
}

// Colours for managers an import creates, so the calendar tells them apart.
const COLOURS = ['#e8590c', '#2f9e44', '#1971c2', '#9c36b5', '#f08c00', '#0c8599', '#c2255c', '#5c940d'];

/** Creates the file's unknown managers (recorded for undo) and points their rows at them. */
function createManagers(ctx: Ctx, candidates: Candidate<DealRecord>[], journal: Journal): void {
  const ids = new Map<string, string>();
  unknownManagers(candidates).forEach((name, i) => {
    const { id } = createUser(ctx.db, isoNow(ctx), { name, email: null, color: COLOURS[i % COLOURS.length]!, login: null, role: 'manager', password: null });
    journal.created('user', id);
    ids.set(foldText(name), id);
  });
  for (const c of candidates) {
    const name = c.record.responsibleName?.trim();
    if (name) c.record.responsibleId = ids.get(foldText(name)) ?? null;
  }
}

export function applyDeals(ctx: Ctx, _env: DealEnv, candidates: Candidate<DealRecord>[], options: ApplyOptions, journal: Journal): ApplyCounts {
  const counts: ApplyCounts = { created: 0, updated: 0, skipped: 0, outcomes: [] };
  if (options.createUsers) createManagers(ctx, candidates, journal);
  const find = prepared(
    ctx.ws.sqlite,
    'SELECT * FROM deals WHERE client_id = ? AND title_key = ? AND archived_at IS NULL ORDER BY created_at, id LIMIT 1',
  );
  for (const c of candidates) {
    try {
      applyOne(ctx, c, options, journal, counts, find);
    } catch (e) {
      // The deals core refused a row checked at analysis time (the workspace changed since:
      // a stage, user or lost reason removed). The whole import rolls back; say which row.
      throw atRow(e, c.row);
    }
  }
  return counts;
}

function atRow(e: unknown, row: number): unknown {
  if (e instanceof ValidationError) return new ValidationError(e.issues.map((i) => ({ ...i, params: { ...i.params, row } })));
  if (e instanceof AppError) return new AppError(e.code, `Row ${row}: ${e.message}`, { ...e.params, row }, e.issues);
  return e;
}

function applyOne(ctx: Ctx, c: Candidate<DealRecord>, options: ApplyOptions, journal: Journal, counts: ApplyCounts, find: Statement): void {
  const existing = options.policy === 'create' ? undefined : (find.get(c.record.clientId, nameKey(c.record.title)) as DealRow | undefined);
  if (!existing) {
    const id = create(ctx, c.record);
    journal.created('deal', id);
    counts.created++;
    counts.outcomes.push({ row: c.row, action: 'created', id });
  } else if (options.policy === 'skip') {
    counts.skipped++;
    counts.outcomes.push({ row: c.row, action: 'skipped', id: existing.id });
  } else {
    const changed = update(ctx, existing, c.record, options.policy === 'overwrite', journal);
    if (changed) counts.updated++;
    else counts.skipped++;
    counts.outcomes.push({ row: c.row, action: changed ? 'updated' : 'unchanged', id: existing.id });
  }
}

/**
 * Undo of one journal entry. A created deal goes with its stage history, lines and
 * custom values (cascade) and the timeline entries the import logged; a note someone
 * wrote on it since stays on the client. An updated deal gets its row and custom
 * values back, and the stage changes and timeline entries of the import's move go.
 */
export function revertDeal(ctx: Ctx, item: { id: string; action: 'created' | 'updated'; previous: unknown }): void {
  const s = ctx.ws.sqlite;
  if (item.action === 'created') {
    prepared(s, "DELETE FROM history WHERE deal_id = ? AND kind = 'system'").run(item.id);
    prepared(s, 'UPDATE history SET deal_id = NULL WHERE deal_id = ?').run(item.id);
    forgetDealInSeries(ctx, item.id); // its tasks lose the link by the foreign key
    prepared(s, 'DELETE FROM deals WHERE id = ?').run(item.id);
    return;
  }
  const prev = item.previous as DealPrevious;
  // Only the columns an import can change, whatever the stored journal says.
  const cols = Object.keys(prev.row).filter((c) => RESTORED.includes(c));
  prepared(s, `UPDATE deals SET ${cols.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`).run(...cols.map((c) => prev.row[c]), item.id);
  prepared(s, 'DELETE FROM deal_custom_values WHERE deal_id = ?').run(item.id);
  for (const [fieldId, value] of Object.entries(prev.custom)) {
    prepared(s, 'INSERT INTO deal_custom_values (deal_id, field_id, value) VALUES (?, ?, ?)').run(item.id, fieldId, value);
  }
  for (const id of prev.stageChangeIds) prepared(s, 'DELETE FROM deal_stage_changes WHERE id = ?').run(id);
  for (const id of prev.historyIds) prepared(s, 'DELETE FROM history WHERE id = ?').run(id);
}
