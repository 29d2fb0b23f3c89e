import type { Ctx } from '../context';
import { isoNow } from '../context';
import { newId } from '../ids';
import { AppError, NotFoundError, ValidationError } from '../errors';
import { prepared } from '../db/statements';
import type { StageFields } from './schemas';
import { moveDeals } from './moves';
import type { LostReason, Pipeline, Stage } from '../db/schema';
import type { StageKind } from '../db/schema/enums';

export type StageRow = Pick<Stage, 'id' | 'pipelineId' | 'name' | 'kind' | 'color' | 'probability' | 'normDays' | 'position'>;
type Count = { n: number };

const STAGE_COLUMNS = `id, pipeline_id AS pipelineId, name, kind, color, probability, norm_days AS normDays, position`;
// Open stages in the user's order, then the won and the lost stage.
const STAGE_ORDER = `CASE kind WHEN 'open' THEN 0 WHEN 'won' THEN 1 ELSE 2 END, position, id`;

export function stagesOf(ctx: Ctx, pipelineId: string): StageRow[] {
  return prepared<StageRow>(ctx.ws.sqlite, `SELECT ${STAGE_COLUMNS} FROM stages WHERE pipeline_id = ? AND archived_at IS NULL ORDER BY ${STAGE_ORDER}`).all(
    pipelineId,
  );
}

export function getStage(ctx: Ctx, stageId: string): StageRow & Pick<Stage, 'archivedAt'> {
  const row = prepared<StageRow & Pick<Stage, 'archivedAt'>>(ctx.ws.sqlite, `SELECT ${STAGE_COLUMNS}, archived_at AS archivedAt FROM stages WHERE id = ?`).get(stageId);
  if (!row) throw new AppError('deal.stage_not_found', `Stage not found: ${stageId}`, { id: stageId });
  return row;
}

/** Pipelines with their stages and how many live deals each stage holds (settings, delete dialogs). */
export function listPipelines(ctx: Ctx) {
  const s = ctx.ws.sqlite;
  const pipes = prepared<Pick<Pipeline, 'id' | 'name' | 'position'>>(s, 'SELECT id, name, position FROM pipelines WHERE archived_at IS NULL ORDER BY position, id').all();
  const counts = new Map(
    prepared<{ id: Stage['id'] } & Count>(s, 'SELECT stage_id AS id, count(*) AS n FROM deals WHERE archived_at IS NULL GROUP BY stage_id')
      .all()
      .map((r) => [r.id, r.n]),
  );
  return pipes.map((p) => ({ ...p, stages: stagesOf(ctx, p.id).map((st) => ({ ...st, deals: counts.get(st.id) ?? 0 })) }));
}

function requirePipeline(ctx: Ctx, id: string) {
  const row = prepared(ctx.ws.sqlite, 'SELECT id FROM pipelines WHERE id = ? AND archived_at IS NULL').get(id);
  if (!row) throw new AppError('deal.pipeline_not_found', `Pipeline not found: ${id}`, { id });
}

function insertStage(ctx: Ctx, pipelineId: string, kind: StageKind, f: StageFields, position: number): string {
  const id = newId();
  const now = isoNow(ctx);
  prepared(
    ctx.ws.sqlite,
    `INSERT INTO stages (id, pipeline_id, name, kind, color, probability, norm_days, position, created_at, updated_at, created_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, pipelineId, f.name, kind, f.color, f.probability, f.normDays, position, now, now, ctx.userId);
  return id;
}

/** A pipeline is born with its open stages plus one won and one lost stage. */
export function createPipeline(ctx: Ctx, input: { name: string; stages: StageFields[]; won: StageFields; lost: StageFields }) {
  if (input.stages.length === 0) throw new ValidationError([{ field: 'stages', code: 'deal.open_stage_required' }]);
  const s = ctx.ws.sqlite;
  const id = newId();
  s.transaction(() => {
    const now = isoNow(ctx);
    const position = prepared<Count>(s, 'SELECT coalesce(max(position) + 1, 0) AS n FROM pipelines').get()!.n;
    s.prepare('INSERT INTO pipelines (id, name, position, created_at, updated_at, created_by) VALUES (?, ?, ?, ?, ?, ?)').run(
      id,
      input.name,
      position,
      now,
      now,
      ctx.userId,
    );
    input.stages.forEach((st, i) => insertStage(ctx, id, 'open', st, i));
    insertStage(ctx, id, 'won', input.won, 0);
    insertStage(ctx, id, 'lost', input.lost, 0);
  })();
  return { id };
}

export function renamePipeline(ctx: Ctx, id: string, name: string) {
  const r = ctx.ws.sqlite.prepare('UPDATE pipelines SET name = ?, updated_at = ? WHERE id = ? AND archived_at IS NULL').run(name, isoNow(ctx), id);
  if (r.changes === 0) throw new AppError('deal.pipeline_not_found', `Pipeline not found: ${id}`, { id });
  return { id };
}

/** Only an empty pipeline goes away: its deals would otherwise drop off every board. */
export function archivePipeline(ctx: Ctx, id: string) {
  requirePipeline(ctx, id);
  const s = ctx.ws.sqlite;
  const n = prepared<Count>(s, 'SELECT count(*) AS n FROM deals WHERE pipeline_id = ? AND archived_at IS NULL').get(id)!.n;
  if (n > 0) throw new AppError('deal.pipeline_has_deals', `The pipeline still holds ${n} deals`, { count: n });
  const live = prepared<Count>(s, 'SELECT count(*) AS n FROM pipelines WHERE archived_at IS NULL').get()!.n;
  if (live <= 1) throw new AppError('deal.last_pipeline', 'The last pipeline cannot be deleted');
  s.prepare('UPDATE pipelines SET archived_at = ?, updated_at = ? WHERE id = ?').run(isoNow(ctx), isoNow(ctx), id);
  return { id };
}

export function createStage(ctx: Ctx, pipelineId: string, f: StageFields) {
  requirePipeline(ctx, pipelineId);
  const position = prepared<Count>(ctx.ws.sqlite, "SELECT coalesce(max(position) + 1, 0) AS n FROM stages WHERE pipeline_id = ? AND kind = 'open'").get(pipelineId)!.n;
  return { id: insertStage(ctx, pipelineId, 'open', f, position) };
}

export function updateStage(ctx: Ctx, id: string, f: StageFields) {
  const st = getStage(ctx, id);
  if (st.archivedAt) throw new AppError('deal.stage_not_found', `Stage not found: ${id}`, { id });
  ctx.ws.sqlite
    .prepare('UPDATE stages SET name = ?, color = ?, probability = ?, norm_days = ?, updated_at = ? WHERE id = ?')
    .run(f.name, f.color, f.probability, f.normDays, isoNow(ctx), id);
  return { id };
}

/** `ids` lists every open stage of the pipeline in the new order. */
export function reorderStages(ctx: Ctx, pipelineId: string, ids: string[]) {
  const open = stagesOf(ctx, pipelineId).filter((s) => s.kind === 'open');
  const known = new Set(open.map((s) => s.id));
  if (ids.length !== open.length || new Set(ids).size !== ids.length || !ids.every((i) => known.has(i))) {
    throw new ValidationError([{ field: 'ids', code: 'deal.reorder_mismatch' }]);
  }
  const s = ctx.ws.sqlite;
  const set = s.prepare('UPDATE stages SET position = ?, updated_at = ? WHERE id = ?');
  s.transaction(() => ids.forEach((stageId, i) => set.run(i, isoNow(ctx), stageId)))();
  return { ok: true };
}

/**
 * Deletes (archives) an open stage. Its deals move to `moveToStageId`, each move
 * recorded as a stage change, all in one transaction: either every deal moves and
 * the stage goes, or nothing changes.
 */
export function deleteStage(ctx: Ctx, id: string, moveToStageId: string | null) {
  const st = getStage(ctx, id);
  if (st.archivedAt) throw new AppError('deal.stage_not_found', `Stage not found: ${id}`, { id });
  if (st.kind !== 'open') throw new AppError('deal.stage_closing', 'The won and lost stages cannot be deleted');
  const siblings = stagesOf(ctx, st.pipelineId).filter((x) => x.kind === 'open');
  if (siblings.length <= 1) throw new AppError('deal.last_open_stage', 'A pipeline needs at least one open stage');
  const s = ctx.ws.sqlite;
  const dealIds = prepared<{ id: string }>(s, 'SELECT id FROM deals WHERE stage_id = ? ORDER BY position, id')
    .all(id)
    .map((r) => r.id);
  let moved = 0;
  s.transaction(() => {
    if (dealIds.length > 0) {
      if (!moveToStageId) throw new ValidationError([{ field: 'moveToStageId', code: 'deal.move_target_required' }]);
      const target = getStage(ctx, moveToStageId);
      if (target.archivedAt || target.id === id || target.kind !== 'open') {
        throw new ValidationError([{ field: 'moveToStageId', code: 'deal.move_target_invalid' }]);
      }
      moved = moveDeals(ctx, dealIds, target);
    }
    s.prepare('UPDATE stages SET archived_at = ?, updated_at = ? WHERE id = ?').run(isoNow(ctx), isoNow(ctx), id);
  })();
  return { moved };
}

export function requireLiveStage(ctx: Ctx, stageId: string): StageRow {
  const st = getStage(ctx, stageId);
  if (st.archivedAt) throw new AppError('deal.stage_not_found', `Stage not found: ${stageId}`, { id: stageId });
  return st;
}

export function listLostReasons(ctx: Ctx) {
  return prepared<Pick<LostReason, 'id' | 'name' | 'position'>>(ctx.ws.sqlite, 'SELECT id, name, position FROM lost_reasons WHERE archived_at IS NULL ORDER BY position, id').all();
}

export function createLostReason(ctx: Ctx, name: string) {
  const s = ctx.ws.sqlite;
  const id = newId();
  const now = isoNow(ctx);
  const position = prepared<Count>(s, 'SELECT coalesce(max(position) + 1, 0) AS n FROM lost_reasons').get()!.n;
  s.prepare('INSERT INTO lost_reasons (id, name, position, created_at, updated_at, created_by) VALUES (?, ?, ?, ?, ?, ?)').run(id, name, position, now, now, ctx.userId);
  return { id };
}

export function renameLostReason(ctx: Ctx, id: string, name: string) {
  const r = ctx.ws.sqlite.prepare('UPDATE lost_reasons SET name = ?, updated_at = ? WHERE id = ? AND archived_at IS NULL').run(name, isoNow(ctx), id);
  if (r.changes === 0) throw new NotFoundError('lost_reason', id);
  return { id };
}

/** Archived reasons stay on the deals that were lost for them. */
export function archiveLostReason(ctx: Ctx, id: string) {
  const r = ctx.ws.sqlite.prepare('UPDATE lost_reasons SET archived_at = ?, updated_at = ? WHERE id = ? AND archived_at IS NULL').run(isoNow(ctx), isoNow(ctx), id);
  if (r.changes === 0) throw new NotFoundError('lost_reason', id);
  return { id };
}
