import { z } from 'zod';
import { about, creates } from '../audit/spec';
import { proc, reads, writes } from '../procedures/define';
import { DEAL_SORTS, DEAL_STATUSES, dealCreate, dealFilter, dealPatch, stageFields } from './schemas';
import { historyCursor, id, limit, name, offset, optionalText } from '../validation/rules';
import { createDeal, setDealArchived, updateDeal } from './write';
import { closeDeal, moveClosing, reopenDeal } from './closing';
import { openTasksOnClose } from '../tasks/deal-close';
import { requireClientVisible, requireDealVisible, requireLinksVisible } from '../access/visibility';
import { boardTotals, cardById, columnPage, getBoard, matchesFilter } from './board';
import { clientDeals, dealHistory, getDealCard } from './read';
import { dealSources, listDeals } from './list';
import {
  archiveLostReason,
  archivePipeline,
  createLostReason,
  createPipeline,
  createStage,
  deleteStage,
  listLostReasons,
  listPipelines,
  renameLostReason,
  renamePipeline,
  reorderStages,
  requireLiveStage,
  updateStage,
} from './pipelines';

const cursor = z.object({ position: z.string().max(200), id }).nullish();
const lostComment = optionalText(2000);

export const dealProcedures = {
  'pipelines.list': proc(reads('view'), z.object({}), (s) => listPipelines(s.ctx())),
  'pipelines.create': proc(writes('settings', { audit: creates('pipeline') }), z.object({ name, stages: z.array(stageFields).min(1, 'deal.open_stage_required').max(30), won: stageFields, lost: stageFields }), (s, i) =>
    createPipeline(s.ctx(), i),
  ),
  'pipelines.rename': proc(writes('settings', { audit: about('pipeline', (i) => i.id) }), z.object({ id, name }), (s, i) => renamePipeline(s.ctx(), i.id, i.name)),
  'pipelines.archive': proc(writes('settings', { audit: about('pipeline', (i) => i.id) }), z.object({ id }), (s, i) => archivePipeline(s.ctx(), i.id)),
  'stages.create': proc(writes('settings', { audit: creates('stage') }), z.object({ pipelineId: id, fields: stageFields }), (s, i) => createStage(s.ctx(), i.pipelineId, i.fields)),
  'stages.update': proc(writes('settings', { audit: about('stage', (i) => i.id) }), z.object({ id, fields: stageFields }), (s, i) => updateStage(s.ctx(), i.id, i.fields)),
  'stages.reorder': proc(writes('settings', { audit: about('stage', (i) => i.ids) }), z.object({ pipelineId: id, ids: z.array(id).min(1).max(30) }), (s, i) => reorderStages(s.ctx(), i.pipelineId, i.ids)),
  'stages.delete': proc(writes('settings', { audit: about('stage', (i) => i.id) }), z.object({ id, moveToStageId: id.nullish() }), (s, i) => deleteStage(s.ctx(), i.id, i.moveToStageId ?? null)),
  'lostReasons.list': proc(reads('view'), z.object({}), (s) => listLostReasons(s.ctx())),
  'lostReasons.create': proc(writes('settings', { audit: creates('lost_reason') }), z.object({ name }), (s, i) => createLostReason(s.ctx(), i.name)),
  'lostReasons.rename': proc(writes('settings', { audit: about('lost_reason', (i) => i.id) }), z.object({ id, name }), (s, i) => renameLostReason(s.ctx(), i.id, i.name)),
  'lostReasons.archive': proc(writes('settings', { audit: about('lost_reason', (i) => i.id) }), z.object({ id }), (s, i) => archiveLostReason(s.ctx(), i.id)),

  'deals.create': proc(writes('change', { audit: creates('deal') }), dealCreate, (s, i) => {
    requireClientVisible(s.ctx(), i.clientId);
    return createDeal(s.ctx(), i);
  }),
  'deals.update': proc(writes('change', { audit: about('deal', (i) => i.id) }), z.object({ id, patch: dealPatch }), (s, i) => {
    requireDealVisible(s.ctx(), i.id);
    const now = s.workspace.sqlite.prepare<[string], { clientId: string }>('SELECT client_id AS clientId FROM deals WHERE id = ?').get(i.id);
    requireLinksVisible(s.ctx(), { clientId: i.patch.clientId }, now ?? null);
    return updateDeal(s.ctx(), i.id, i.patch);
  }),
  'deals.archive': proc(writes('archive', { audit: about('deal', (i) => i.id) }), z.object({ id, archived: z.boolean().default(true) }), (s, i) => {
    requireDealVisible(s.ctx(), i.id);
    return setDealArchived(s.ctx(), i.id, i.archived);
  }),
  'deals.get': proc(reads('view'), z.object({ id }), (s, i) => getDealCard(s.ctx(), i.id)),
  /**
   * Moves a card; answers with the card as it now is, whether the board's filter still shows it,
   * and how many open tasks a closing move completed or cancelled (as `openTasks` said).
   */
  'deals.move': proc(writes('change', { audit: about('deal', (i) => i.id) }), 
    z.object({
      id,
      stageId: id,
      afterId: id.nullish(),
      beforeId: id.nullish(),
      lostReasonId: id.nullish(),
      lostComment,
      filter: dealFilter,
      openTasks: openTasksOnClose,
    }),
    (s, i) => {
      const ctx = s.ctx();
      requireDealVisible(ctx, i.id);
      const { tasks } = moveClosing(ctx, i.id, requireLiveStage(ctx, i.stageId), i, i.openTasks);
      return { card: cardById(ctx, i.id)!, matchesFilter: matchesFilter(ctx, i.id, i.filter), tasks };
    },
  ),
  'deals.close': proc(writes('change', { audit: about('deal', (i) => i.id) }), 
    z.discriminatedUnion('outcome', [
      z.object({ id, outcome: z.literal('won'), openTasks: openTasksOnClose }),
      z.object({ id, outcome: z.literal('lost'), lostReasonId: id.nullish(), lostComment, openTasks: openTasksOnClose }),
    ]),
    (s, i) => {
      requireDealVisible(s.ctx(), i.id);
      return closeDeal(s.ctx(), i.id, i.outcome, i.outcome === 'lost' ? i : {}, i.openTasks);
    },
  ),
  'deals.reopen': proc(writes('change', { audit: about('deal', (i) => i.id) }), z.object({ id, stageId: id.nullish() }), (s, i) => {
    requireDealVisible(s.ctx(), i.id);
    return reopenDeal(s.ctx(), i.id, i.stageId ?? null);
  }),
  'deals.board': proc(reads('view'), z.object({ pipelineId: id, filter: dealFilter, pageSize: limit(200, 30) }), (s, i) =>
    getBoard(s.ctx(), i.pipelineId, i.filter, i.pageSize),
  ),
  'deals.boardTotals': proc(reads('view'), z.object({ pipelineId: id, filter: dealFilter }), (s, i) => boardTotals(s.ctx(), i.pipelineId, i.filter)),
  'deals.column': proc(reads('view'), z.object({ stageId: id, filter: dealFilter, after: cursor, limit: limit(200, 30) }), (s, i) =>
    columnPage(s.ctx(), i.stageId, i.filter, i.after ?? null, i.limit),
  ),
  'deals.list': proc(reads('view'), z.object({
      pipelineId: id.nullish(),
      status: z.enum(DEAL_STATUSES).default('open'),
      filter: dealFilter,
      sort: z.enum(DEAL_SORTS).default('updatedAt'),
      desc: z.boolean().default(true),
      offset,
      limit: limit(500, 100),
      withTotals: z.boolean().default(true),
    }),
    (s, i) => listDeals(s.ctx(), { ...i, pipelineId: i.pipelineId ?? null }, i.offset, i.limit, i.withTotals),
  ),
  'deals.sources': proc(reads('view'), z.object({}), (s) => dealSources(s.ctx())),
  'deals.byClient': proc(reads('view'), z.object({ clientId: id }), (s, i) => {
    requireClientVisible(s.ctx(), i.clientId);
    return clientDeals(s.ctx(), i.clientId);
  }),
  'deals.history': proc(reads('view'), z.object({ dealId: id, before: historyCursor, limit: limit(200, 50) }), (s, i) => {
    requireDealVisible(s.ctx(), i.dealId);
    return dealHistory(s.ctx(), i.dealId, i.before ?? null, i.limit);
  }),
};
