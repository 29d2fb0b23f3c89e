import type { Ctx } from '../../context';
import { isoNow } from '../../context';
import { prepared } from '../../db/statements';
import { newId } from '../../ids';
import { contactFields, type ContactFields } from '../../clients/schemas';
import { normalizeEmails, normalizePhones, type NormalizedEmailRow, type NormalizedPhoneRow } from '../../clients/validate';
import { restoreInn } from '../../validation/requisites';
import type { FieldIssue } from '../../errors';
import { foldText, sortKey } from '../../text/fold';
import { cellCode, cellDate, cellText, splitEmails, splitPhones } from '../cells';
import type { FieldDef, ImportEntity } from './types';
import { field } from './field-kit';

// Contact persons of organisations: each row names its organisation by ИНН or name.


export const CONTACT_FIELDS: FieldDef[] = [
  field('clientName', 'text', ['Организация', 'Место работы', 'Контрагент', 'Клиент', 'Компания', 'Organization', 'Company', 'Client']),
  field('clientInn', 'code', ['ИНН организации', 'ИНН', 'INN']),
  field('name', 'text', ['ФИО', 'Контактное лицо', 'Имя', 'Наименование', 'Name', 'Full name', 'Contact']),
  field('position', 'text', ['Должность', 'Position', 'Title', 'Job title']),
  field('phones', 'phones', ['Телефоны', 'Телефон', 'Мобильный телефон', 'Мобильный', 'Phone', 'Mobile'], true),
  field('emails', 'emails', ['Электронная почта', 'E-mail', 'Email', 'Адрес электронной почты', 'Почта'], true),
  field('birthday', 'date', ['Дата рождения', 'День рождения', 'Birthday']),
  field('notes', 'text', ['Комментарий', 'Примечание', 'Notes', 'Comment']),
];

interface ContactRecord {
  clientId: string;
  c: ContactFields;
  phones: NormalizedPhoneRow[];
  emails: NormalizedEmailRow[];
}

interface ContactEnv {
  ctx: Ctx;
}

function findClient(ctx: Ctx, inn: string | null, name: string | null): string | null {
  const sqlite = ctx.ws.sqlite;
  if (inn) {
    const hit = prepared(sqlite, 'SELECT id FROM clients WHERE inn = ? AND archived_at IS NULL ORDER BY seq LIMIT 1').get(restoreInn(inn)) as { id: string } | undefined;
    if (hit) return hit.id;
  }
  if (name) {
    const hit = prepared(sqlite, 'SELECT id FROM clients WHERE name_key = ? AND archived_at IS NULL ORDER BY seq LIMIT 1').get(sortKey(name)) as { id: string } | undefined;
    if (hit) return hit.id;
  }
  return null;
}

export const contactsImport: ImportEntity<ContactRecord, ContactEnv> = {
  key: 'contacts',
  fields: () => CONTACT_FIELDS,
  prepare: (ctx) => ({ ctx }),
  build(env, get, row, issues) {
    const text = (k: string) => get(k).map(cellText).find((v) => v !== null) ?? null;
    const warn = (field: string, code: string, params?: Record<string, string | number>) => issues.push({ row, field, code, params, severity: 'warning' });
    const fail = (field: string, code: string, params?: Record<string, string | number>) => issues.push({ row, field, code, params, severity: 'error' });
    const clientName = text('clientName');
    const clientInn = get('clientInn').map(cellCode).find((v) => v !== null) ?? null;
    const name = text('name');
    if (!name) fail('name', 'required');
    const clientId = findClient(env.ctx, clientInn, clientName);
    if (!clientId) fail('clientName', 'exchange.client_not_found', { value: clientInn ?? clientName ?? '' });
    let birthday = get('birthday').map(cellDate).find((v) => v !== null) ?? null;
    if (birthday === 'invalid') {
      warn('birthday', 'exchange.date_invalid', { value: text('birthday') ?? '' });
      birthday = null;
    }
    const parsed = contactFields.safeParse({ name: name ?? '', position: text('position'), birthday, notes: text('notes') });
    if (!parsed.success) {
      for (const i of parsed.error.issues) fail(String(i.path[0] ?? ''), 'exchange.value_too_long');
      return null;
    }
    const pointIssues: FieldIssue[] = [];
    const phones = normalizePhones(get('phones').flatMap(splitPhones).map((raw) => ({ raw, label: null })), 'phones', pointIssues);
    const emails = normalizeEmails(get('emails').flatMap(splitEmails).map((address) => ({ address, label: null })), 'emails', pointIssues);
    for (const i of pointIssues) warn(i.field.split('.')[0]!, i.code, i.params);
    if (!name || !clientId) return null;
    return { clientId, c: parsed.data, phones, emails };
  },
  sameKeys: (r) => [`${r.clientId}:${foldText(r.c.name)}`],
  merge(into, other) {
    into.c.position ??= other.c.position;
    into.c.birthday ??= other.c.birthday;
    into.c.notes ??= other.c.notes;
    for (const p of other.phones) if (!into.phones.some((q) => q.digits === p.digits)) into.phones.push(p);
    for (const e of other.emails) if (!into.emails.some((q) => q.addressKey === e.addressKey)) into.emails.push(e);
  },
  applyInChunks: true,
  apply(ctx, _env, candidates, options, journal) {
    const sqlite = ctx.ws.sqlite;
    const counts = { created: 0, updated: 0, skipped: 0, outcomes: [] as { row: number; action: 'created' | 'updated' | 'skipped' | 'unchanged'; id: string | null }[] };
    const now = isoNow(ctx);
    for (const cand of candidates) {
      const r = cand.record;
      const existing =
        options.policy === 'create'
          ? undefined
          : (sqlite
              .prepare('SELECT id, name, position, birthday, notes FROM contacts WHERE client_id = ? AND archived_at IS NULL')
              .all(r.clientId) as { id: string; name: string; position: string | null; birthday: string | null; notes: string | null }[])
              .find((k) => foldText(k.name) === foldText(r.c.name));
      let id: string;
      const previous = { columns: {} as Record<string, unknown>, phoneIds: [] as string[], emailIds: [] as string[] };
      if (!existing) {
        id = newId();
        sqlite
          .prepare('INSERT INTO contacts (id, client_id, name, position, birthday, notes, created_at, updated_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
          .run(id, r.clientId, r.c.name, r.c.position, r.c.birthday, r.c.notes, now, now, ctx.userId);
      } else {
        id = existing.id;
        if (options.policy === 'skip') {
          counts.skipped++;
          counts.outcomes.push({ row: cand.row, action: 'skipped', id });
          continue;
        }
        for (const col of ['position', 'birthday', 'notes'] as const) {
          const v = r.c[col];
          if (v === null || v === existing[col] || (options.policy === 'update_empty' && existing[col] !== null)) continue;
          previous.columns[col] = existing[col];
          sqlite.prepare(`UPDATE contacts SET ${col} = ?, updated_at = ? WHERE id = ?`).run(v, now, id);
        }
      }
      const haveDigits = new Set((sqlite.prepare('SELECT digits FROM phones WHERE contact_id = ?').all(id) as { digits: string }[]).map((p) => p.digits));
      r.phones.forEach((p, i) => {
        if (haveDigits.has(p.digits)) return;
        const pid = newId();
        sqlite.prepare('INSERT INTO phones (id, client_id, contact_id, raw, digits, sort) VALUES (?, ?, ?, ?, ?, ?)').run(pid, r.clientId, id, p.raw, p.digits, i);
        previous.phoneIds.push(pid);
      });
      const haveKeys = new Set((sqlite.prepare('SELECT address_key FROM emails WHERE contact_id = ?').all(id) as { address_key: string }[]).map((e) => e.address_key));
      r.emails.forEach((e, i) => {
        if (haveKeys.has(e.addressKey)) return;
        const eid = newId();
        sqlite.prepare('INSERT INTO emails (id, client_id, contact_id, address, address_key, sort) VALUES (?, ?, ?, ?, ?, ?)').run(eid, r.clientId, id, e.address, e.addressKey, i);
        previous.emailIds.push(eid);
      });
      if (!existing) {
        journal.created('contact', id);
        counts.created++;
        counts.outcomes.push({ row: cand.row, action: 'created', id });
      } else if (Object.keys(previous.columns).length + previous.phoneIds.length + previous.emailIds.length > 0) {
        journal.updated('contact', id, previous);
        counts.updated++;
        counts.outcomes.push({ row: cand.row, action: 'updated', id });
      } else {
        counts.skipped++;
        counts.outcomes.push({ row: cand.row, action: 'unchanged', id });
      }
    }
    return counts;
  },
  revert(ctx, item) {
    const sqlite = ctx.ws.sqlite;
    if (item.action === 'created') {
      sqlite.prepare('DELETE FROM contacts WHERE id = ?').run(item.id);
      return;
    }
    const prev = item.previous as { columns: Record<string, unknown>; phoneIds: string[]; emailIds: string[] };
    for (const [col, v] of Object.entries(prev.columns)) sqlite.prepare(`UPDATE contacts SET ${col} = ? WHERE id = ?`).run(v, item.id);
    for (const pid of prev.phoneIds) sqlite.prepare('DELETE FROM phones WHERE id = ?').run(pid);
    for (const eid of prev.emailIds) sqlite.prepare('DELETE FROM emails WHERE id = ?').run(eid);
  },
};
