import type Database from 'better-sqlite3';
import type { Ctx } from '../../context';
import { isoNow } from '../../context';
import { prepared } from '../../db/statements';
import { newId } from '../../ids';
import { columnsOf } from '../../clients/write';
import { withBulkSearchIndexing } from '../../search/bulk-index';
import { foldText } from '../../text/fold';
import type { ClientEnv, ClientRecord } from './client-build';
import type { ApplyCounts, ApplyOptions, Candidate, Journal } from './types';

// Writes imported clients with prepared statements inside the import's transaction:
// the same normalised values the client card stores (columnsOf), at bulk speed.

const COLUMNS: [string, string][] = [
  ['kind', 'kind'], ['name', 'name'], ['nameKey', 'name_key'], ['fullName', 'full_name'], ['lastName', 'last_name'],
  ['firstName', 'first_name'], ['middleName', 'middle_name'], ['relation', 'relation'], ['status', 'status'],
  ['source', 'source'], ['region', 'region'], ['industry', 'industry'], ['responsibleId', 'responsible_id'],
  ['inn', 'inn'], ['kpp', 'kpp'], ['ogrn', 'ogrn'], ['legalAddress', 'legal_address'], ['actualAddress', 'actual_address'],
  ['bankName', 'bank_name'], ['bankBik', 'bank_bik'], ['bankAccount', 'bank_account'], ['bankCorrAccount', 'bank_corr_account'],
  ['birthday', 'birthday'], ['website', 'website'], ['notes', 'notes'],
];
// Never changed on an existing client by an import: its kind (but see updateExisting) and derived name key follow its own card.
const NOT_UPDATED = new Set(['kind', 'nameKey', 'relation', 'status']);

const INSERT_CLIENT = `INSERT INTO clients (id, ${COLUMNS.map((c) => c[1]).join(', ')}, created_at, updated_at, created_by)
  VALUES (@id, ${COLUMNS.map((c) => '@' + c[0]).join(', ')}, @createdAt, @updatedAt, @createdBy)`;
const INSERT_PHONE = 'INSERT INTO phones (id, client_id, contact_id, raw, digits, label, sort) VALUES (?, ?, NULL, ?, ?, NULL, ?)';
const INSERT_EMAIL = 'INSERT INTO emails (id, client_id, contact_id, address, address_key, label, sort) VALUES (?, ?, NULL, ?, ?, NULL, ?)';
const INSERT_TAG = 'INSERT OR IGNORE INTO client_tags (client_id, tag_id) VALUES (?, ?)';
const INSERT_CUSTOM = 'INSERT OR REPLACE INTO client_custom_values (client_id, field_id, value) VALUES (?, ?, ?)';
const INSERT_CONTACT = 'INSERT INTO contacts (id, client_id, name, created_at, updated_at, created_by) VALUES (?, ?, ?, ?, ?, ?)';

// Existing clients by ИНН, phone digits or e-mail key, looked up for a whole chunk of
// the file at once (one indexed IN-list query per key and chunk, not three per row).
// CROSS JOIN keeps the phone/e-mail index outermost: without statistics SQLite chose to
// walk every client and probe its phones, a full scan per chunk (O(n²) over a big file).
export const FIND_MANY: Record<ApplyOptions['matchOrder'][number], string> = {
  inn: `SELECT c.inn AS k, c.id FROM clients c WHERE c.inn IN (SELECT value FROM json_each(?)) AND c.archived_at IS NULL ORDER BY c.seq DESC`,
  phone: `SELECT p.digits AS k, c.id FROM phones p CROSS JOIN clients c ON c.id = p.client_id
          WHERE p.digits IN (SELECT value FROM json_each(?)) AND c.archived_at IS NULL ORDER BY c.seq DESC`,
  email: `SELECT e.address_key AS k, c.id FROM emails e CROSS JOIN clients c ON c.id = e.client_id
          WHERE e.address_key IN (SELECT value FROM json_each(?)) AND c.archived_at IS NULL ORDER BY c.seq DESC`,
};

const keysOf = (r: ClientRecord, key: ApplyOptions['matchOrder'][number]): string[] =>
  key === 'inn' ? (r.f.inn ? [r.f.inn] : []) : key === 'phone' ? r.phones.map((p) => p.digits) : r.emails.map((e) => e.addressKey);

/** For each candidate, the existing client it matches first in the user's order, or null. */
function findExisting(sqlite: Database.Database, chunk: Candidate<ClientRecord>[], order: ApplyOptions['matchOrder']): (string | null)[] {
  const found = new Map<string, Map<string, string>>();
  for (const key of order) {
    const values = [...new Set(chunk.flatMap((c) => keysOf(c.record, key)))];
    const hits = new Map<string, string>();
    // Newest first in the query, so the oldest matching client ends up in the map.
    if (values.length) for (const h of prepared(sqlite, FIND_MANY[key]).all(JSON.stringify(values)) as { k: string; id: string }[]) hits.set(h.k, h.id);
    found.set(key, hits);
  }
  return chunk.map((c) => {
    for (const key of order) {
      for (const v of keysOf(c.record, key)) {
        const id = found.get(key)!.get(v);
        if (id) return id;
      }
    }
    return null;
  });
}

/** Tag ids for names, creating the tags a file names that the workspace lacks. */
function tagIdsFor(ctx: Ctx, env: ClientEnv, names: string[], journal: Journal): string[] {
  return names.map((name) => {
    const key = foldText(name);
    let id = env.tags.get(key);
    if (!id) {
      id = newId();
      const now = isoNow(ctx);
      prepared(ctx.ws.sqlite, 'INSERT INTO tags (id, name, created_at, updated_at, created_by) VALUES (?, ?, ?, ?, ?)').run(id, name, now, now, ctx.userId);
      env.tags.set(key, id);
      journal.created('tag', id);
    }
    return id;
  });
}

export interface ClientPrevious {
  columns: Record<string, unknown>;
  phoneIds: string[];
  emailIds: string[];
  tagIds: string[];
  custom: Record<string, string | null>;
  contactIds: string[];
}

function insertNew(ctx: Ctx, env: ClientEnv, r: ClientRecord, journal: Journal): string {
  const sqlite = ctx.ws.sqlite;
  const id = newId();
  const now = isoNow(ctx);
  prepared(sqlite, INSERT_CLIENT).run({ id, ...columnsOf(r.f), createdAt: now, updatedAt: now, createdBy: ctx.userId });
  r.phones.forEach((p, i) => prepared(sqlite, INSERT_PHONE).run(newId(), id, p.raw, p.digits, i));
  r.emails.forEach((e, i) => prepared(sqlite, INSERT_EMAIL).run(newId(), id, e.address, e.addressKey, i));
  for (const tagId of tagIdsFor(ctx, env, r.tagNames, journal)) prepared(sqlite, INSERT_TAG).run(id, tagId);
  for (const [fieldId, value] of r.custom) prepared(sqlite, INSERT_CUSTOM).run(id, fieldId, value);
  if (r.contactName) prepared(sqlite, INSERT_CONTACT).run(newId(), id, r.contactName, now, now, ctx.userId);
  journal.created('client', id);
  return id;
}

/** Fills (update_empty) or replaces (overwrite) fields of an existing client; phones, e-mails and tags are added. */
function updateExisting(ctx: Ctx, env: ClientEnv, id: string, r: ClientRecord, overwrite: boolean, journal: Journal): boolean {
  const sqlite = ctx.ws.sqlite;
  const current = prepared(sqlite, 'SELECT * FROM clients WHERE id = ?').get(id) as Record<string, unknown>;
  const next = columnsOf(r.f) as Record<string, unknown>;
  const prev: ClientPrevious = { columns: {}, phoneIds: [], emailIds: [], tagIds: [], custom: {}, contactIds: [] };
  const sets: string[] = [];
  const params: unknown[] = [];
  // The kind follows the card, except between person and sole trader (same requisites):
  // a file that shows a sole trader corrects a «person» (1C exports them as «Физ. лицо»,
  // and earlier imports took them for persons); only overwrite turns one back.
  const kindChange = (current.kind === 'person' && r.f.kind === 'sole_trader') || (overwrite && current.kind === 'sole_trader' && r.f.kind === 'person');
  if (kindChange) {
    prev.columns.kind = current.kind;
    sets.push('kind = ?');
    params.push(r.f.kind);
  }
  for (const [key, col] of COLUMNS) {
    if (NOT_UPDATED.has(key)) continue;
    const value = next[key];
    if (value === null || value === undefined || value === '' || value === current[col]) continue;
    if (key === 'name' && r.f.kind !== current.kind && !kindChange) continue;
    if (!overwrite && current[col] !== null && current[col] !== '') continue;
    prev.columns[col] = current[col];
    sets.push(`${col} = ?`);
    params.push(value);
    if (key === 'name') {
      prev.columns.name_key = current.name_key;
      sets.push('name_key = ?');
      params.push(next.nameKey);
    }
  }
  const phoneDigits = new Set((prepared(sqlite, 'SELECT digits FROM phones WHERE client_id = ?').all(id) as { digits: string }[]).map((p) => p.digits));
  let sort = (prepared(sqlite, 'SELECT coalesce(max(sort) + 1, 0) AS n FROM phones WHERE client_id = ?').get(id) as { n: number }).n;
  for (const p of r.phones) {
    if (phoneDigits.has(p.digits)) continue;
    const pid = newId();
    prepared(sqlite, INSERT_PHONE).run(pid, id, p.raw, p.digits, sort++);
    prev.phoneIds.push(pid);
  }
  const emailKeys = new Set((prepared(sqlite, 'SELECT address_key FROM emails WHERE client_id = ?').all(id) as { address_key: string }[]).map((e) => e.address_key));
  sort = (prepared(sqlite, 'SELECT coalesce(max(sort) + 1, 0) AS n FROM emails WHERE client_id = ?').get(id) as { n: number }).n;
  for (const e of r.emails) {
    if (emailKeys.has(e.addressKey)) continue;
    const eid = newId();
    prepared(sqlite, INSERT_EMAIL).run(eid, id, e.address, e.addressKey, sort++);
    prev.emailIds.push(eid);
  }
  for (const tagId of tagIdsFor(ctx, env, r.tagNames, journal)) {
    if (prepared(sqlite, INSERT_TAG).run(id, tagId).changes > 0) prev.tagIds.push(tagId);
  }
  for (const [fieldId, value] of r.custom) {
    const old = prepared(sqlite, 'SELECT value FROM client_custom_values WHERE client_id = ? AND field_id = ?').get(id, fieldId) as { value: string } | undefined;
    if (old?.value === value || (old && !overwrite)) continue;
    prev.custom[fieldId] = old?.value ?? null;
    prepared(sqlite, INSERT_CUSTOM).run(id, fieldId, value);
  }
  if (r.contactName) {
    const has = prepared(sqlite, 'SELECT 1 FROM contacts WHERE client_id = ? AND name = ?').get(id, r.contactName);
    if (!has) {
      const cid = newId();
      const now = isoNow(ctx);
      prepared(sqlite, INSERT_CONTACT).run(cid, id, r.contactName, now, now, ctx.userId);
      prev.contactIds.push(cid);
    }
  }
  const changed =
    sets.length + prev.phoneIds.length + prev.emailIds.length + prev.tagIds.length + Object.keys(prev.custom).length + prev.contactIds.length > 0;
  if (!changed) return false;
  prev.columns.updated_at = current.updated_at;
  sqlite.prepare(`UPDATE clients SET ${[...sets, 'updated_at = ?'].join(', ')} WHERE id = ?`).run(...params, isoNow(ctx), id);
  journal.updated('client', id, prev);
  return true;
}

export function applyClients(ctx: Ctx, env: ClientEnv, candidates: Candidate<ClientRecord>[], options: ApplyOptions, journal: Journal): ApplyCounts {
  const counts: ApplyCounts = { created: 0, updated: 0, skipped: 0, outcomes: [] };
  const creates: Candidate<ClientRecord>[] = [];
  // Updates first, with the search triggers on; then all new clients in one bulk pass.
  for (let i = 0; i < candidates.length; i += 1000) {
    const chunk = candidates.slice(i, i + 1000);
    const matches = options.policy === 'create' ? chunk.map(() => null) : findExisting(ctx.ws.sqlite, chunk, options.matchOrder);
    chunk.forEach((c, k) => {
      const existing = matches[k]!;
      if (!existing) {
        creates.push(c);
        return;
      }
      if (options.policy === 'skip') {
        counts.skipped++;
        counts.outcomes.push({ row: c.row, action: 'skipped', id: existing });
        return;
      }
      const changed = updateExisting(ctx, env, existing, c.record, options.policy === 'overwrite', journal);
      if (changed) counts.updated++;
      else counts.skipped++;
      counts.outcomes.push({ row: c.row, action: changed ? 'updated' : 'unchanged', id: existing });
    });
  }
  withBulkSearchIndexing(ctx.ws.sqlite, () => {
    for (const c of creates) {
      const id = insertNew(ctx, env, c.record, journal);
      counts.created++;
      counts.outcomes.push({ row: c.row, action: 'created', id });
    }
  });
  return counts;
}

/** Undo of one journal entry: a created client is removed, an updated one gets its previous values back. */
export function revertClient(ctx: Ctx, item: { id: string; action: 'created' | 'updated'; previous: unknown }): void {
  const sqlite = ctx.ws.sqlite;
  if (item.action === 'created') {
    sqlite.prepare('DELETE FROM clients WHERE id = ?').run(item.id);
    return;
  }
  const prev = item.previous as ClientPrevious;
  const cols = Object.keys(prev.columns);
  if (cols.length > 0) {
    sqlite.prepare(`UPDATE clients SET ${cols.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`).run(...cols.map((c) => prev.columns[c]), item.id);
  }
  for (const pid of prev.phoneIds) sqlite.prepare('DELETE FROM phones WHERE id = ?').run(pid);
  for (const eid of prev.emailIds) sqlite.prepare('DELETE FROM emails WHERE id = ?').run(eid);
  for (const tid of prev.tagIds) sqlite.prepare('DELETE FROM client_tags WHERE client_id = ? AND tag_id = ?').run(item.id, tid);
  for (const cid of prev.contactIds) sqlite.prepare('DELETE FROM contacts WHERE id = ?').run(cid);
  for (const [fieldId, value] of Object.entries(prev.custom)) {
    if (value === null) sqlite.prepare('DELETE FROM client_custom_values WHERE client_id = ? AND field_id = ?').run(item.id, fieldId);
    else sqlite.prepare(INSERT_CUSTOM).run(item.id, fieldId, value);
  }
}
