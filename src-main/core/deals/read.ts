import type { Ctx } from '../context';
import { NotFoundError } from '../errors';
import { prepared } from '../db/statements';
import { stagesOf } from './pipelines';
import { nextTaskForDeals } from '../tasks/deal-hooks';
import { debtWarnings } from '../receivables/deal-warning';
import { historyPage, type HistoryCursor } from '../history/service';
import type { Client, Contact, Deal, DealLine, LostReason, Pipeline, Stage, User } from '../db/schema';
import type { Totals } from './board';
import { requireDealVisible } from '../access/visibility';

/** One entry into a stage, as read from deal_stage_changes. */
type StageEntry = { stageId: Stage['id']; stageName: Stage['name']; kind: Stage['kind']; enteredAt: string; byName: User['name'] | null };

export interface StagePathStep extends StageEntry {
  leftAt: string | null;
  /** Whole milliseconds spent; the renderer formats days and hours. */
  durationMs: number;
}

/** The deal card's own fields with the names of what they point at. */
type CardRow = Pick<
  Deal,
  | 'id'
  | 'title'
  | 'clientId'
  | 'contactId'
  | 'pipelineId'
  | 'stageId'
  | 'stageEnteredAt'
  | 'amountKopecks'
  | 'currency'
  | 'responsibleId'
  | 'source'
  | 'expectedClose'
  | 'description'
  | 'closedAt'
  | 'lostReasonId'
  | 'lostComment'
  | 'archivedAt'
  | 'createdAt'
  | 'updatedAt'
> & {
  clientName: Client['name'];
  contactName: Contact['name'] | null;
  pipelineName: Pipeline['name'];
  stageName: Stage['name'];
  stageKind: Stage['kind'];
  responsibleName: User['name'] | null;
  lostReasonName: LostReason['name'] | null;
};

/** A deal on the client card (before its next task is added). */
type ClientDealRow = Pick<Deal, 'id' | 'title' | 'amountKopecks' | 'currency' | 'expectedClose' | 'closedAt'> & {
  stageName: Stage['name'];
  stageKind: Stage['kind'];
  stageColor: Stage['color'];
  pipelineName: Pipeline['name'];
};

/** The deal's path through stages, oldest first, with the time spent in each. */
export function stagePath(ctx: Ctx, dealId: string): StagePathStep[] {
  const rows = prepared<StageEntry>(
    ctx.ws.sqlite,
    `SELECT ch.to_stage_id AS stageId, s.name AS stageName, s.kind, ch.at AS enteredAt, u.name AS byName
       FROM deal_stage_changes ch JOIN stages s ON s.id = ch.to_stage_id LEFT JOIN users u ON u.id = ch.by_id
      WHERE ch.deal_id = ? ORDER BY ch.at, ch.id`,
  ).all(dealId);
  const now = ctx.now().toISOString();
  return rows.map((r, i) => {
    const leftAt = rows[i + 1]?.enteredAt ?? null;
    return { ...r, leftAt, durationMs: Date.parse(leftAt ?? now) - Date.parse(r.enteredAt) };
  });
}

export function getDealCard(ctx: Ctx, id: string) {
  requireDealVisible(ctx, id);
  const s = ctx.ws.sqlite;
  const deal = prepared<CardRow>(
    s,
    `SELECT d.id, d.title, d.client_id AS clientId, c.name AS clientName, d.contact_id AS contactId, ct.name AS contactName,
        d.pipeline_id AS pipelineId, p.name AS pipelineName, d.stage_id AS stageId, st.name AS stageName, st.kind AS stageKind,
        d.stage_entered_at AS stageEnteredAt, d.amount_kopecks AS amountKopecks, d.currency, d.responsible_id AS responsibleId,
        u.name AS responsibleName, d.source, d.expected_close AS expectedClose, d.description, d.closed_at AS closedAt,
        d.lost_reason_id AS lostReasonId, lr.name AS lostReasonName, d.lost_comment AS lostComment, d.archived_at AS archivedAt,
        d.created_at AS createdAt, d.updated_at AS updatedAt
       FROM deals d JOIN clients c ON c.id = d.client_id JOIN pipelines p ON p.id = d.pipeline_id JOIN stages st ON st.id = d.stage_id
       LEFT JOIN contacts ct ON ct.id = d.contact_id LEFT JOIN users u ON u.id = d.responsible_id
       LEFT JOIN lost_reasons lr ON lr.id = d.lost_reason_id
      WHERE d.id = ?`,
  ).get(id);
  if (!deal) throw new NotFoundError('deal', id);
  const lines = prepared<Pick<DealLine, 'id' | 'name' | 'quantityMilli' | 'priceKopecks'>>(
    s,
    'SELECT id, name, quantity_milli AS quantityMilli, price_kopecks AS priceKopecks FROM deal_lines WHERE deal_id = ? ORDER BY position',
  ).all(id);
  const custom = Object.fromEntries(
    prepared<{ fieldId: string; value: string }>(s, 'SELECT field_id AS fieldId, value FROM deal_custom_values WHERE deal_id = ?')
      .all(id)
      .map((r) => [r.fieldId, r.value]),
  );
  const contacts = prepared<Pick<Contact, 'id' | 'name'>>(s, 'SELECT id, name FROM contacts WHERE client_id = ? AND archived_at IS NULL ORDER BY name').all(
    deal.clientId,
  );
  return {
    ...deal,
    contacts,
    lines,
    linesTotalKopecks: lines.reduce((sum, l) => sum + lineTotal(l.quantityMilli, l.priceKopecks), 0),
    custom,
    debtWarning: debtWarnings(ctx, [deal.clientId]).get(deal.clientId) ?? null,
    stages: stagesOf(ctx, deal.pipelineId),
    path: stagePath(ctx, id),
  };
}

/** quantity × price in kopecks, rounded half up once per line (quantity is in thousandths). */
export function lineTotal(quantityMilli: number, priceKopecks: number): number {
  return Math.floor((quantityMilli * priceKopecks + 500) / 1000);
}

const CLIENT_DEALS_LIMIT = 200;

/** A client's deals (open first, newest first) with their next steps and totals by outcome, for the client card. */
export function clientDeals(ctx: Ctx, clientId: string) {
  const s = ctx.ws.sqlite;
  const rows = prepared<ClientDealRow>(
    s,
    `SELECT d.id, d.title, d.amount_kopecks AS amountKopecks, d.currency, st.name AS stageName, st.kind AS stageKind, st.color AS stageColor,
        p.name AS pipelineName, d.expected_close AS expectedClose, d.closed_at AS closedAt
       FROM deals d JOIN stages st ON st.id = d.stage_id JOIN pipelines p ON p.id = d.pipeline_id
      WHERE d.client_id = ? AND d.archived_at IS NULL ORDER BY st.kind = 'open' DESC, d.created_at DESC, d.id DESC LIMIT ?`,
  ).all(clientId, CLIENT_DEALS_LIMIT);
  const totals = prepared<Pick<Stage, 'kind'> & Totals>(
    s,
    `SELECT st.kind, count(*) AS count, coalesce(sum(d.amount_kopecks), 0) AS sumKopecks
       FROM deals d JOIN stages st ON st.id = d.stage_id WHERE d.client_id = ? AND d.archived_at IS NULL GROUP BY st.kind`,
  ).all(clientId);
  const by = (k: Stage['kind']) => totals.find((t) => t.kind === k) ?? { count: 0, sumKopecks: 0 };
  const next = nextTaskForDeals(ctx, rows.filter((r) => r.stageKind === 'open').map((r) => r.id));
  return {
    rows: rows.map((r) => ({ ...r, nextTask: next.get(r.id) ?? null, noNextStep: r.stageKind === 'open' && !next.has(r.id) })),
    open: by('open'),
    won: by('won'),
    lost: by('lost'),
  };
}

/** History entries logged on a deal, newest first, paged by an (occurredAt, id) cursor. */
export const dealHistory = (ctx: Ctx, dealId: string, before: HistoryCursor, limit: number) => historyPage(ctx, { dealId }, before, limit);
