import type { Ctx } from '../../context';
import { prepared } from '../../db/statements';
import { listLostReasons, listPipelines } from '../../deals/pipelines';
import { restoreInn } from '../../validation/requisites';
import { emailKey, normalizePhone } from '../../validation/contact-points';
import { foldText, nameKey, sortKey } from '../../text/fold';
import { cellCode, cellDate, cellText, splitEmails, splitPhones } from '../cells';
import type { Cell } from '../read/types';
import { cellMoney, currencyOf, DEAL_STATUS_WORDS } from './deal-fields';
import type { RowIssue } from './types';
import { customDefs, readCustomValues, readResponsible, usersByName, type CustomDefs } from './field-kit';
import type { DealOutcome, StageKind } from '../../db/schema/enums';

type Pipeline = ReturnType<typeof listPipelines>[number];
type Stage = Pipeline['stages'][number];

export interface DealEnv {
  ctx: Ctx;
  pipelines: Pipeline[];
  lostReasons: Map<string, string>;
  /** The reason an unknown or missing one becomes («Другое»), if the workspace has it. */
  otherReason: { id: string; name: string } | null;
  users: Map<string, string>;
  custom: CustomDefs;
}

/** A deal as read from one row: references resolved to ids, money in kopecks. */
export interface DealRecord {
  title: string;
  clientId: string;
  pipelineId: string;
  /** The open stage the deal is created in (and passes through when the row closes it). */
  openStageId: string;
  /** Where the deal ends: the open stage, or the pipeline's won/lost stage. */
  finalStageId: string;
  outcome: DealOutcome | null;
  /** The row named a pipeline, a stage or won/lost: only then may an import move an existing deal. */
  placed: boolean;
  /** The row named the stage itself (not only the pipeline). */
  stageNamed: boolean;
  lostReasonId: string | null;
  lostComment: string | null;
  amountKopecks: number | null;
  currency: string | null;
  expectedClose: string | null;
  /**
   * When the deal was created and, for a won or lost row, closed (its «Дата закрытия»),
   * as instants at noon Moscow time so the date stays the same in every Russian zone;
   * null: now. The stage history and the timeline carry these, so a history imported
   * from another system reports as it happened.
   */
  createdAt: string | null;
  closedAt: string | null;
  responsibleId: string | null;
  /** A manager named in the file who is not a user (created by the import when asked). */
  responsibleName: string | null;
  source: string | null;
  description: string | null;
  custom: Map<string, string>;
}

const OTHER_REASON = ['другое', 'другая', 'прочее', 'other'];

/** A calendar date as the instant of its noon in Moscow (09:00 UTC). */
const atNoonMoscow = (date: string) => `${date}T09:00:00.000Z`;

export function prepareDealEnv(ctx: Ctx): DealEnv {
  const reasons = listLostReasons(ctx);
  const other = reasons.find((r) => OTHER_REASON.includes(foldText(r.name).trim())) ?? null;
  return {
    ctx,
    pipelines: listPipelines(ctx),
    lostReasons: new Map(reasons.map((r) => [nameKey(r.name), r.id])),
    otherReason: other ? { id: other.id, name: other.name } : null,
    users: usersByName(ctx),
    custom: customDefs(ctx, 'deal'),
  };
}

const LIVE = 'c.archived_at IS NULL';

type ClientMatch =
  | { id: string; name: string; near: boolean }
  | { error: 'ambiguous'; count: number }
  | { error: 'other_inn'; name: string; inn: string }
  | null;

/**
 * The existing client a row names: by ИНН, then name, then phone, then e-mail. A
 * deal is never put on a client silently guessed: a row whose ИНН matches nobody does
 * not fall back onto a client with another ИНН; several clients with the row's name
 * are told apart by its phone or e-mail, or the row is refused; a name that matches
 * only without its legal form («ООО Ромашка» → «АО Ромашка») is taken with a warning.
 */
function findClient(ctx: Ctx, inn: string | null, name: string | null, phones: string[], emails: string[]): ClientMatch {
  const s = ctx.ws.sqlite;
  const taxId = inn ? restoreInn(inn) : null;
  if (taxId) {
    const hit = prepared(s, `SELECT c.id, c.name FROM clients c WHERE c.inn = ? AND ${LIVE} ORDER BY c.seq LIMIT 1`).get(taxId) as { id: string; name: string } | undefined;
    if (hit) return { ...hit, near: false };
  }
  // Clients with the row's phones or e-mails: only asked for when the name does not decide.
  let contactHits: Set<string> | null = null;
  const byContact = (): Set<string> => {
    if (contactHits) return contactHits;
    contactHits = new Set<string>();
    for (const raw of phones) {
      const digits = normalizePhone(raw)?.digits;
      if (!digits) continue;
      for (const r of prepared(s, `SELECT c.id FROM phones p JOIN clients c ON c.id = p.client_id WHERE p.digits = ? AND ${LIVE}`).all(digits) as { id: string }[]) contactHits.add(r.id);
    }
    for (const address of emails) {
      for (const r of prepared(s, `SELECT c.id FROM emails e JOIN clients c ON c.id = e.client_id WHERE e.address_key = ? AND ${LIVE}`).all(emailKey(address)) as { id: string }[]) {
        contactHits.add(r.id);
      }
    }
    return contactHits;
  };
  let found: { id: string; name: string; inn: string | null; near: boolean } | null = null;
  if (name) {
    const hits = prepared(s, `SELECT c.id, c.name, c.inn FROM clients c WHERE c.name_key = ? AND ${LIVE} ORDER BY c.seq LIMIT 50`).all(sortKey(name)) as {
      id: string;
      name: string;
      inn: string | null;
    }[];
    const exact = hits.filter((h) => nameKey(h.name) === nameKey(name));
    const pool = exact.length > 0 ? exact : hits;
    const narrowed = pool.length > 1 ? pool.filter((h) => byContact().has(h.id)) : pool;
    if (narrowed.length > 1 || (pool.length > 1 && narrowed.length === 0)) return { error: 'ambiguous', count: pool.length };
    if (narrowed[0]) found = { ...narrowed[0], near: exact.length === 0 };
  }
  if (!found && byContact().size > 0) {
    const ids = [...byContact()];
    const rows = ids.map((id) => prepared(s, 'SELECT id, name, inn FROM clients WHERE id = ?').get(id) as { id: string; name: string; inn: string | null });
    if (rows.length > 1) return { error: 'ambiguous', count: rows.length };
    found = { ...rows[0]!, near: false };
  }
  if (!found) return null;
  if (taxId && found.inn && found.inn !== taxId) return { error: 'other_inn', name: found.name, inn: found.inn };
  return { id: found.id, name: found.name, near: found.near };
}

/** won/lost/open from a status cell: the usual words, or the name of a won/lost stage («Сдано»). */
function statusOf(env: DealEnv, text: string): StageKind | null {
  const k = nameKey(text);
  for (const [value, words] of Object.entries(DEAL_STATUS_WORDS) as [StageKind, string[]][]) {
    if (words.some((w) => nameKey(w) === k)) return value;
  }
  for (const p of env.pipelines) for (const st of p.stages) if (st.kind !== 'open' && nameKey(st.name) === k) return st.kind;
  return null;
}

export function buildDeal(env: DealEnv, get: (field: string) => Cell[], row: number, issues: RowIssue[]): DealRecord | null {
  const warn = (field: string, code: string, params?: Record<string, string | number>) => issues.push({ row, field, code, params, severity: 'warning' });
  const fail = (field: string, code: string, params?: Record<string, string | number>) => issues.push({ row, field, code, params, severity: 'error' });
  const text = (key: string) => get(key).map(cellText).find((v) => v !== null) ?? null;
  let ok = true;
  const error = (field: string, code: string, params?: Record<string, string | number>) => {
    fail(field, code, params);
    ok = false;
  };

  const title = text('title');
  if (!title) error('title', 'required');
  else if (title.length > 300) error('title', 'exchange.value_too_long');

  // The client: never created by a deals import, only found.
  const inn = get('clientTaxId').map(cellCode).find((v) => v !== null) ?? null;
  const clientName = text('client');
  const phones = get('clientPhone').flatMap(splitPhones);
  const emails = get('clientEmail').flatMap(splitEmails);
  const match = findClient(env.ctx, inn, clientName, phones, emails);
  const clientId = match && 'id' in match ? match.id : null;
  if (match && 'error' in match) {
    if (match.error === 'ambiguous') error('client', 'exchange.deal_client_ambiguous', { value: clientName ?? phones[0] ?? emails[0] ?? '', count: match.count });
    else error('clientTaxId', 'exchange.deal_client_other_inn', { value: restoreInn(inn!), name: match.name, inn: match.inn });
  } else if (match?.near) {
    warn('client', 'exchange.deal_client_near', { value: clientName!, name: match.name });
  } else if (!clientId) {
    if (inn) error('clientTaxId', 'exchange.deal_client_not_found', { value: restoreInn(inn) });
    else if (clientName) error('client', 'exchange.deal_client_not_found', { value: clientName });
    else if (phones.length) error('clientPhone', 'exchange.deal_client_not_found', { value: phones[0]! });
    else if (emails.length) error('clientEmail', 'exchange.deal_client_not_found', { value: emails[0]! });
    else error('client', 'exchange.deal_client_required');
  }

  // Pipeline and stage by name (case and ё folded); defaults: the first pipeline, its first stage.
  const pipelineName = text('pipeline');
  const stageName = text('stage');
  let pipeline: Pipeline | undefined = env.pipelines[0];
  let stage: Stage | undefined;
  if (pipelineName) {
    pipeline = env.pipelines.find((p) => nameKey(p.name) === nameKey(pipelineName));
    if (!pipeline) error('pipeline', 'exchange.pipeline_unknown', { value: pipelineName });
  }
  if (pipeline && stageName) {
    const named = (p: Pipeline) => p.stages.find((st) => nameKey(st.name) === nameKey(stageName));
    stage = named(pipeline);
    if (!stage && !pipelineName) {
      // No pipeline column: the first pipeline that has a stage of this name.
      pipeline = env.pipelines.find((p) => named(p)) ?? pipeline;
      stage = named(pipeline);
    }
    if (!stage) error('stage', 'exchange.stage_unknown', { value: stageName, pipeline: pipeline.name });
  }

  let outcome: DealOutcome | null = stage && stage.kind !== 'open' ? stage.kind : null;
  const statusText = text('outcome');
  if (statusText) {
    const st = statusOf(env, statusText);
    if (!st) warn('outcome', 'exchange.value_unknown', { value: statusText });
    else outcome = st === 'open' ? null : st;
  }
  const firstOpen = pipeline?.stages.find((st) => st.kind === 'open');
  const openStage = stage?.kind === 'open' ? stage : firstOpen;
  if (pipeline && !stage && !outcome && ok && firstOpen) warn('stage', 'exchange.stage_default', { stage: firstOpen.name, pipeline: pipeline.name });

  // Lost: the reason from the workspace's list; an unknown one is kept as the comment under «Другое».
  let lostReasonId: string | null = null;
  let lostComment = text('lostComment');
  if (outcome === 'lost') {
    const reasonText = text('lostReason');
    lostReasonId = reasonText ? (env.lostReasons.get(nameKey(reasonText)) ?? null) : null;
    if (!lostReasonId) {
      if (!env.otherReason) error('lostReason', 'exchange.lost_reason_unknown', { value: reasonText ?? '' });
      else {
        lostReasonId = env.otherReason.id;
        if (reasonText) {
          warn('lostReason', 'exchange.lost_reason_other', { value: reasonText, other: env.otherReason.name });
          lostComment = lostComment ? `${reasonText}: ${lostComment}` : reasonText;
        } else warn('lostReason', 'exchange.lost_reason_missing', { other: env.otherReason.name });
      }
    }
  }

  // Amount in kopecks; a currency from its own column or written after the amount.
  let amountKopecks: number | null = null;
  let currency: string | null = null;
  const amountCell = get('amount').find((c) => cellText(c) !== null) ?? null;
  const money = cellMoney(amountCell);
  if (money === 'invalid' || (money && money.kopecks > 1_000_000_000_000)) error('amount', 'exchange.amount_invalid', { value: cellText(amountCell) ?? '' });
  else if (money) {
    amountKopecks = money.kopecks;
    currency = money.currency;
  }
  const currencyText = text('currency');
  if (currencyText) {
    const code = currencyOf(currencyText);
    if (!code) warn('currency', 'exchange.value_unknown', { value: currencyText });
    else currency = code;
  }

  let expectedClose: string | null = null;
  const close = get('expectedClose').map(cellDate).find((v) => v !== null) ?? null;
  if (close === 'invalid') warn('expectedClose', 'exchange.date_invalid', { value: text('expectedClose') ?? '' });
  else expectedClose = close;

  // «Дата создания», and for a closed row «Дата закрытия» as the day it was closed.
  const created = get('createdAt').map(cellDate).find((v) => v !== null) ?? null;
  let createdAt: string | null = null;
  if (created === 'invalid') warn('createdAt', 'exchange.date_invalid', { value: text('createdAt') ?? '' });
  else if (created) createdAt = atNoonMoscow(created);
  let closedAt = outcome && expectedClose ? atNoonMoscow(expectedClose) : null;
  const today = atNoonMoscow(env.ctx.now().toISOString().slice(0, 10));
  if (createdAt && createdAt > today) {
    warn('createdAt', 'exchange.date_future', { value: text('createdAt') ?? '' });
    createdAt = null;
  }
  if (closedAt && closedAt > today) {
    warn('expectedClose', 'exchange.date_future', { value: text('expectedClose') ?? '' });
    closedAt = null;
  }
  if (createdAt && closedAt && closedAt < createdAt) {
    warn('expectedClose', 'exchange.closed_before_created', { value: text('expectedClose') ?? '' });
    createdAt = closedAt;
  }
  // A deal closed in the past with no creation date was created no later than that.
  if (closedAt && !createdAt) createdAt = closedAt;

  const responsibleText = text('responsible');
  const responsibleId = readResponsible(env.users, responsibleText, warn);

  const source = text('source');
  const description = text('description');
  if ((source?.length ?? 0) > 200) error('source', 'exchange.value_too_long');
  if ((description?.length ?? 0) > 20000) error('description', 'exchange.value_too_long');

  const custom = readCustomValues(env.custom, get, warn);

  if (!ok || !title || !clientId || !pipeline || !openStage) return null;
  const final = outcome ? pipeline.stages.find((st) => st.kind === outcome)! : openStage;
  return {
    title,
    clientId,
    pipelineId: pipeline.id,
    openStageId: openStage.id,
    finalStageId: final.id,
    outcome,
    placed: !!(pipelineName || stageName || outcome),
    stageNamed: !!stageName,
    lostReasonId,
    lostComment: outcome === 'lost' ? lostComment : null,
    amountKopecks,
    currency,
    expectedClose,
    createdAt,
    closedAt,
    responsibleId,
    responsibleName: responsibleId ? null : responsibleText,
    source,
    description,
    custom,
  };
}

/** Two rows are the same deal when they name the same client and the same title (case and ё folded). */
export const dealSameKeys = (r: DealRecord): string[] => [`${r.clientId}:${nameKey(r.title)}`];

export function mergeDealRecords(into: DealRecord, other: DealRecord): void {
  const target = into as unknown as Record<string, unknown>;
  for (const k of ['amountKopecks', 'currency', 'expectedClose', 'responsibleId', 'source', 'description'] as const) {
    if (target[k] === null && other[k] !== null) target[k] = other[k];
  }
  // A later row that places the deal (a stage, a status) wins over one that does not.
  if (!into.placed && other.placed) {
    Object.assign(into, {
      pipelineId: other.pipelineId,
      openStageId: other.openStageId,
      finalStageId: other.finalStageId,
      outcome: other.outcome,
      placed: true,
      stageNamed: other.stageNamed,
      lostReasonId: other.lostReasonId,
      lostComment: other.lostComment,
    });
  }
  for (const [k, v] of other.custom) if (!into.custom.has(k)) into.custom.set(k, v);
}
