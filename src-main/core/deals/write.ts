import type { Ctx } from '../context';
import { isoNow } from '../context';
import { newId } from '../ids';
import { AppError, NotFoundError, ValidationError, type FieldIssue } from '../errors';
import { prepared } from '../db/statements';
import { validateCustomValues, type CustomRaw } from '../custom-fields/values';
import type { DealCreate, DealPatch } from './schemas';
import { requireLiveStage, stagesOf } from './pipelines';
import { topKey } from './moves';
import { logDealEvent } from './events';
import { nameKey } from '../text/fold';
import { moveDealTasksToClient } from '../tasks/deal-hooks';
import type { Client, Contact, Deal } from '../db/schema';

function checkReferences(ctx: Ctx, clientId: string, contactId: string | null | undefined, responsibleId: string | null | undefined, issues: FieldIssue[]) {
  const s = ctx.ws.sqlite;
  const client = prepared<Pick<Client, 'archivedAt'>>(s, 'SELECT archived_at AS archivedAt FROM clients WHERE id = ?').get(clientId);
  if (!client) issues.push({ field: 'clientId', code: 'reference.missing' });
  else if (client.archivedAt) issues.push({ field: 'clientId', code: 'deal.client_archived' });
  if (contactId) {
    const c = prepared<Pick<Contact, 'clientId'>>(s, 'SELECT client_id AS clientId FROM contacts WHERE id = ? AND archived_at IS NULL').get(contactId);
    if (c?.clientId !== clientId) issues.push({ field: 'contactId', code: 'reference.missing' });
  }
  if (responsibleId && !prepared(s, 'SELECT 1 FROM users WHERE id = ?').get(responsibleId)) {
    issues.push({ field: 'responsibleId', code: 'reference.missing' });
  }
}

function writeLines(ctx: Ctx, dealId: string, lines: DealCreate['lines']) {
  const s = ctx.ws.sqlite;
  prepared(s, 'DELETE FROM deal_lines WHERE deal_id = ?').run(dealId);
  const ins = prepared(s, 'INSERT INTO deal_lines (id, deal_id, name, quantity_milli, price_kopecks, position) VALUES (?, ?, ?, ?, ?, ?)');
  lines.forEach((l, i) => ins.run(newId(), dealId, l.name, l.quantityMilli, l.priceKopecks, i));
}

function writeCustom(ctx: Ctx, dealId: string, values: Map<string, string | null>) {
  const s = ctx.ws.sqlite;
  for (const [fieldId, value] of values) {
    if (value === null) prepared(s, 'DELETE FROM deal_custom_values WHERE deal_id = ? AND field_id = ?').run(dealId, fieldId);
    else prepared(s, 'INSERT INTO deal_custom_values (deal_id, field_id, value) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET value = excluded.value').run(dealId, fieldId, value);
  }
}

export function createDeal(ctx: Ctx, input: DealCreate): { id: string } {
  const s = ctx.ws.sqlite;
  const issues: FieldIssue[] = [];
  checkReferences(ctx, input.clientId, input.contactId, input.responsibleId, issues);
  const pipelineStages = stagesOf(ctx, input.pipelineId);
  if (pipelineStages.length === 0) issues.push({ field: 'pipelineId', code: 'reference.missing' });
  const stage = input.stageId ? pipelineStages.find((st) => st.id === input.stageId) : pipelineStages.find((st) => st.kind === 'open');
  if (pipelineStages.length > 0 && stage?.kind !== 'open') issues.push({ field: 'stageId', code: 'deal.stage_not_open' });
  const custom = validateCustomValues(ctx.db, 'deal', input.custom as Record<string, CustomRaw>, issues);
  if (issues.length > 0 || !stage) throw new ValidationError(issues);
  const id = newId();
  s.transaction(() => {
    const now = isoNow(ctx);
    prepared(
      s,
      `INSERT INTO deals (id, title, title_key, client_id, contact_id, pipeline_id, stage_id, stage_entered_at, amount_kopecks, currency, responsible_id,
         source, expected_close, description, position, created_at, updated_at, created_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      id,
      input.title,
      nameKey(input.title),
      input.clientId,
      input.contactId,
      input.pipelineId,
      stage.id,
      now,
      input.amountKopecks,
      input.currency,
      input.responsibleId,
      input.source,
      input.expectedClose,
      input.description,
      topKey(ctx, stage.id),
      now,
      now,
      ctx.userId,
    );
    prepared(s, 'INSERT INTO deal_stage_changes (id, deal_id, from_stage_id, to_stage_id, at, by_id) VALUES (?, ?, NULL, ?, ?, ?)').run(
      newId(),
      id,
      stage.id,
      now,
      ctx.userId,
    );
    writeLines(ctx, id, input.lines);
    writeCustom(ctx, id, custom);
    logDealEvent(ctx, { id, clientId: input.clientId, title: input.title }, 'created', now);
  })();
  return { id };
}

const COLUMNS: Partial<Record<keyof DealPatch, string>> = {
  title: 'title',
  clientId: 'client_id',
  contactId: 'contact_id',
  amountKopecks: 'amount_kopecks',
  currency: 'currency',
  expectedClose: 'expected_close',
  responsibleId: 'responsible_id',
  source: 'source',
  description: 'description',
};

/** Changes only the fields present in the patch (inline edits send one field). */
export function updateDeal(ctx: Ctx, id: string, patch: DealPatch): { id: string } {
  const s = ctx.ws.sqlite;
  const row = prepared<Pick<Deal, 'clientId' | 'contactId' | 'archivedAt'>>(
    s,
    'SELECT client_id AS clientId, contact_id AS contactId, archived_at AS archivedAt FROM deals WHERE id = ?',
  ).get(id);
  if (!row) throw new NotFoundError('deal', id);
  if (row.archivedAt) throw new AppError('deal.archived', 'The deal is archived');
  const issues: FieldIssue[] = [];
  const clientId = patch.clientId ?? row.clientId;
  // A new client drops the old client's contact person unless the patch names one.
  const contactId = patch.contactId !== undefined ? patch.contactId : patch.clientId && patch.clientId !== row.clientId ? null : row.contactId;
  if (patch.clientId !== undefined || patch.contactId !== undefined || patch.responsibleId !== undefined) {
    checkReferences(ctx, clientId, contactId, patch.responsibleId, issues);
  }
  const custom = patch.custom ? validateCustomValues(ctx.db, 'deal', patch.custom as Record<string, CustomRaw>, issues) : new Map<string, string | null>();
  if (issues.length > 0) throw new ValidationError(issues);
  const sets: string[] = [];
  const params: unknown[] = [];
  for (const [key, col] of Object.entries(COLUMNS) as [keyof DealPatch, string][]) {
    if (patch[key] === undefined || key === 'contactId') continue;
    sets.push(`${col} = ?`);
    params.push(patch[key]);
  }
  if (patch.title !== undefined) {
    sets.push('title_key = ?');
    params.push(nameKey(patch.title));
  }
  sets.push('contact_id = ?', 'updated_at = ?');
  params.push(contactId, isoNow(ctx));
  s.transaction(() => {
    s.prepare(`UPDATE deals SET ${sets.join(', ')} WHERE id = ?`).run(...params, id);
    // History entries and tasks of the deal follow it to its new client.
    if (clientId !== row.clientId) {
      prepared(s, 'UPDATE history SET client_id = ? WHERE deal_id = ?').run(clientId, id);
      moveDealTasksToClient(ctx, id, clientId);
    }
    if (patch.lines) writeLines(ctx, id, patch.lines);
    writeCustom(ctx, id, custom);
  })();
  return { id };
}

/** Archived deals leave boards, lists and totals; restore brings them back in place. */
export function setDealArchived(ctx: Ctx, id: string, archived: boolean): { id: string } {
  const s = ctx.ws.sqlite;
  const row = prepared<Pick<Deal, 'stageId'>>(s, 'SELECT stage_id AS stageId FROM deals WHERE id = ?').get(id);
  if (!row) throw new NotFoundError('deal', id);
  if (!archived) requireLiveStage(ctx, row.stageId);
  const now = isoNow(ctx);
  prepared(s, `UPDATE deals SET archived_at = ${archived ? '?' : 'NULL'}, updated_at = ? WHERE id = ?`).run(...(archived ? [now, now, id] : [now, id]));
  return { id };
}
