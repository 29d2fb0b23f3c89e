import { z } from 'zod';
import { proc } from '../procedures/define';
import { DEAL_SORTS, dealCreate, dealFilter, dealPatch, id, stageFields } from './schemas';
import { createDeal, setDealArchived, updateDeal } from './write';
import { closeDeal, moveClosing, reopenDeal } from './closing';
import { openTasksOnClose } from '../tasks/deal-close';
import { boardTotals, cardById, columnPage, getBoard, matchesFilter } from './board';
import { clientDeals, dealHistory, getDealCard } from './read';
import { dealSources, listDeals } from './list';
import { forecast } from './forecast';
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

const name = z.string().trim().min(1, 'required').max(100);
const cursor = z.object({ position: z.string().max(200), id }).nullish();
const historyCursor = z.object({ occurredAt: z.string().max(40), id }).nullish();
const lostComment = z.string().max(2000).nullish();

export const dealProcedures = {
  'pipelines.list': proc(z.object({}), (s) => listPipelines(s.ctx())),
  'pipelines.create': proc(z.object({ name, stages: z.array(stageFields).min(1, 'deal.open_stage_required').max(30), won: stageFields, lost: stageFields }), (s, i) =>
    createPipeline(s.ctx(), i),
  ),
  'pipelines.rename': proc(z.object({ id, name }), (s, i) => renamePipeline(s.ctx(), i.id, i.name)),
  'pipelines.archive': proc(z.object({ id }), (s, i) => archivePipeline(s.ctx(), i.id)),
  'stages.create': proc(z.object({ pipelineId: id, fields: stageFields }), (s, i) => createStage(s.ctx(), i.pipelineId, i.fields)),
  'stages.update': proc(z.object({ id, fields: stageFields }), (s, i) => updateStage(s.ctx(), i.id, i.fields)),
  'stages.reorder': proc(z.object({ pipelineId: id, ids: z.array(id).min(1).max(30) }), (s, i) => reorderStages(s.ctx(), i.pipelineId, i.ids)),
  'stages.delete': proc(z.object({ id, moveToStageId: id.nullish() }), (s, i) => deleteStage(s.ctx(), i.id, i.moveToStageId ?? null)),
  'lostReasons.list': proc(z.object({}), (s) => listLostReasons(s.ctx())),
  'lostReasons.create': proc(z.object({ name }), (s, i) => createLostReason(s.ctx(), i.name)),
  'lostReasons.rename': proc(z.object({ id, name }), (s, i) => renameLostReason(s.ctx(), i.id, i.name)),
  'lostReasons.archive': proc(z.object({ id }), (s, i) => archiveLostReason(s.ctx(), i.id)),

  'deals.create': proc(dealCreate, (s, i) => createDeal(s.ctx(), i)),
  'deals.update': proc(z.object({ id, patch: dealPatch }), (s, i) => updateDeal(s.ctx(), i.id, i.patch)),
  'deals.archive': proc(z.object({ id, archived: z.boolean().default(true) }), (s, i) => setDealArchived(s.ctx(), i.id, i.archived)),
  'deals.get': proc(z.object({ id }), (s, i) => getDealCard(s.ctx(), i.id)),
  /**
   * Moves a card; answers with the card as it now is, whether the board's filter still shows it,
   * and how many open tasks a closing move completed or cancelled (as `openTasks` said).
   */
  'deals.move': proc(
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
      const { tasks } = moveClosing(ctx, i.id, requireLiveStage(ctx, i.stageId), i, i.openTasks);
      return { card: cardById(ctx, i.id)!, matchesFilter: matchesFilter(ctx, i.id, i.filter), tasks };
    },
  ),
  'deals.close': proc(
    z.discriminatedUnion('outcome', [
      z.object({ id, outcome: z.literal('won'), openTasks: openTasksOnClose }),
      z.object({ id, outcome: z.literal('lost'), lostReasonId: id.nullish(), lostComment, openTasks: openTasksOnClose }),
    ]),
    (s, i) => closeDeal(s.ctx(), i.id, i.outcome, i.outcome === 'lost' ? i : {}, i.openTasks),
  ),
  'deals.reopen': proc(z.object({ id, stageId: id.nullish() }), (s, i) => reopenDeal(s.ctx(), i.id, i.stageId ?? null)),
  'deals.board': proc(z.object({ pipelineId: id, filter: dealFilter, pageSize: z.number().int().min(1).max(200).default(30) }), (s, i) =>
    getBoard(s.ctx(), i.pipelineId, i.filter, i.pageSize),
  ),
  'deals.boardTotals': proc(z.object({ pipelineId: id, filter: dealFilter }), (s, i) => boardTotals(s.ctx(), i.pipelineId, i.filter)),
  'deals.column': proc(z.object({ stageId: id, filter: dealFilter, after: cursor, limit: z.number().int().min(1).max(200).default(30) }), (s, i) =>
    columnPage(s.ctx(), i.stageId, i.filter, i.after ?? null, i.limit),
  ),
  'deals.list': proc(
    z.object({
      pipelineId: id.nullish(),
      status: z.enum(['open', 'won', 'lost', 'all']).default('open'),
      filter: dealFilter,
      sort: z.enum(DEAL_SORTS).default('updatedAt'),
      desc: z.boolean().default(true),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(100),
      withTotals: z.boolean().default(true),
    }),
    (s, i) => listDeals(s.ctx(), { ...i, pipelineId: i.pipelineId ?? null }, i.offset, i.limit, i.withTotals),
  ),
  'deals.sources': proc(z.object({}), (s) => dealSources(s.ctx())),
  'deals.byClient': proc(z.object({ clientId: id }), (s, i) => clientDeals(s.ctx(), i.clientId)),
  'deals.history': proc(z.object({ dealId: id, before: historyCursor, limit: z.number().int().min(1).max(200).default(50) }), (s, i) =>
    dealHistory(s.ctx(), i.dealId, i.before ?? null, i.limit),
  ),
  'deals.forecast': proc(z.object({ pipelineId: id.nullish(), responsibleId: z.union([id, z.literal('none')]).nullish() }), (s, i) =>
    forecast(s.ctx(), { pipelineId: i.pipelineId ?? null, responsibleId: i.responsibleId ?? null }),
  ),
};
