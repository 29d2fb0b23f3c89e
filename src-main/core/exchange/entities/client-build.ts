import type { Ctx } from '../../context';
import { tags } from '../../db/schema';
import { clientFields, type ClientFields } from '../../clients/schemas';
import { normalizeEmails, normalizePhones, requisiteIssues, type NormalizedEmailRow, type NormalizedPhoneRow } from '../../clients/validate';
import { restoreInn } from '../../validation/requisites';
import type { FieldIssue } from '../../errors';
import { foldText } from '../../text/fold';
import { cellCode, cellDate, cellText, splitEmails, splitPhones } from '../cells';
import type { Cell } from '../read/types';
import { enumOf, KIND_WORDS, RELATION_WORDS, STATUS_WORDS } from './client-fields';
import type { RowIssue } from './types';
import { customDefs, readCustomValues, readResponsible, usersByName, type CustomDefs } from './field-kit';

export interface ClientEnv {
  custom: CustomDefs;
  users: Map<string, string>;
  tags: Map<string, string>;
}

/** A client as read from one row, normalised the way the client card stores it. */
export interface ClientRecord {
  f: ClientFields;
  phones: NormalizedPhoneRow[];
  emails: NormalizedEmailRow[];
  tagNames: string[];
  custom: Map<string, string>;
  contactName: string | null;
}

export function prepareClientEnv(ctx: Ctx): ClientEnv {
  return {
    custom: customDefs(ctx, 'client'),
    users: usersByName(ctx),
    tags: new Map(ctx.db.select().from(tags).all().map((t) => [foldText(t.name), t.id])),
  };
}

const LEGAL_FORM = /^(ооо|ао|зао|оао|пао|нко|ано|гуп|муп|фгуп|тсж|снт|llc|ltd|inc)\s/iu;
const SOLE_TRADER_PREFIX = /^(ип|индивидуальн(ый|ого) предпринимател(ь|я))\s+/iu;

/**
 * A sole trader, whatever the type column says: 1C marks them «Физ. лицо», so «ИП» or
 * «Индивидуальный предприниматель» in the name or full name, or a person's 12-digit
 * ИНН with a 15-digit ОГРНИП, decides.
 */
function isSoleTrader(name: string | null, fullName: string | null, inn: string | null, ogrn: string | null): boolean {
  return SOLE_TRADER_PREFIX.test(name ?? '') || SOLE_TRADER_PREFIX.test(fullName ?? '') || (inn?.length === 12 && ogrn?.length === 15);
}

/** Kind from the requisites and name when the file has no (readable) type column. */
function inferKind(name: string | null, fullName: string | null, inn: string | null, kpp: string | null, ogrn: string | null): ClientFields['kind'] {
  if (isSoleTrader(name, fullName, inn, ogrn)) return 'sole_trader';
  if (kpp || inn?.length === 10 || ogrn?.length === 13 || (name && LEGAL_FORM.test(name))) return 'organization';
  if (ogrn?.length === 15) return 'sole_trader';
  if (inn?.length === 12) return 'person';
  // 1C counterparty lists are mostly companies; a bare "Фамилия Имя Отчество" is a person.
  if (name && /^[А-ЯЁ][а-яё-]+\s[А-ЯЁ][а-яё-]+(\s[А-ЯЁ][а-яё-]+)?$/u.test(name)) return 'person';
  return 'organization';
}

/**
 * Surname, name and patronymic of a person or sole trader from one text: «ИП Иванов
 * Иван Иванович», «Индивидуальный предприниматель Петров П. П.», «Сидорова Анна».
 * Null when the text is not a name (quotes, digits, more than four words).
 */
export function splitPersonName(text: string | null): { lastName: string; firstName: string | null; middleName: string | null } | null {
  if (!text) return null;
  const bare = text.replace(SOLE_TRADER_PREFIX, '').replace(/([А-ЯЁA-Z]\.)\s*(?=[А-ЯЁA-Z]\.)/gu, '$1 ').trim();
  if (!bare || /[«»"\d(),;]/u.test(bare)) return null;
  const words = bare.split(/\s+/);
  if (words.length > 4 || !words.every((w) => /^[\p{L}][\p{L}.'-]*$/u.test(w))) return null;
  const [lastName, firstName = null, ...rest] = words;
  return { lastName: lastName!, firstName, middleName: rest.length ? rest.join(' ') : null };
}

export function buildClient(env: ClientEnv, get: (field: string) => Cell[], row: number, issues: RowIssue[]): ClientRecord | null {
  const warn = (field: string, code: string, params?: Record<string, string | number>) => issues.push({ row, field, code, params, severity: 'warning' });
  const fail = (field: string, code: string, params?: Record<string, string | number>) => issues.push({ row, field, code, params, severity: 'error' });
  const text = (key: string) => get(key).map(cellText).find((v) => v !== null) ?? null;
  const code = (key: string) => get(key).map(cellCode).find((v) => v !== null) ?? null;

  const name = text('name');
  let inn = code('inn');
  if (inn && restoreInn(inn) !== inn) {
    warn('inn', 'exchange.inn_restored', { value: restoreInn(inn) });
    inn = restoreInn(inn);
  }
  const kpp = code('kpp');
  const ogrn = code('ogrn');
  const fullName = text('fullName');
  const kindText = text('kind');
  let kind = kindText ? enumOf(KIND_WORDS, kindText) : null;
  if (kindText && !kind) warn('kind', 'exchange.kind_unknown', { value: kindText });
  kind ??= inferKind(name, fullName, inn, kpp, ogrn);
  if (kind === 'person' && isSoleTrader(name, fullName, inn, ogrn)) kind = 'sole_trader';
  // A person or sole trader named in one column gets the parts the card shows and sorts by.
  let lastName = text('lastName');
  let firstName = text('firstName');
  let middleName = text('middleName');
  if (kind !== 'organization' && !lastName && !firstName && !middleName) {
    const parts = splitPersonName(name) ?? splitPersonName(fullName);
    if (parts) ({ lastName, firstName, middleName } = parts);
  }

  const oneOf = (key: string, words: Record<string, string[]>) => {
    const t = text(key);
    if (!t) return undefined;
    const v = enumOf(words, t);
    if (!v) warn(key, 'exchange.value_unknown', { value: t });
    return v ?? undefined;
  };

  let birthday: string | null = null;
  const bd = get('birthday').map(cellDate).find((v) => v !== null) ?? null;
  if (bd === 'invalid') warn('birthday', 'exchange.date_invalid', { value: text('birthday') ?? '' });
  else birthday = bd;

  const responsibleId = readResponsible(env.users, text('responsible'), warn);

  const custom = readCustomValues(env.custom, get, warn);

  const values = {
    kind,
    name,
    fullName,
    lastName,
    firstName,
    middleName,
    relation: oneOf('relation', RELATION_WORDS),
    status: oneOf('status', STATUS_WORDS),
    source: text('source'),
    region: text('region'),
    industry: text('industry'),
    responsibleId,
    inn,
    kpp: kpp?.toUpperCase() ?? null,
    ogrn,
    legalAddress: text('legalAddress'),
    actualAddress: text('actualAddress'),
    bankName: text('bankName'),
    bankBik: code('bankBik'),
    bankAccount: code('bankAccount'),
    bankCorrAccount: code('bankCorrAccount'),
    birthday,
    website: text('website'),
    notes: text('notes'),
  };
  const f = checkedFields(values);
  if (!f.success) {
    for (const i of f.error.issues) fail(String(i.path[0] ?? ''), 'exchange.value_too_long');
    return null;
  }
  // The client card's rules: a name, valid ИНН/КПП/ОГРН/bank requisites.
  const cardIssues = requisiteIssues(f.data);
  for (const i of cardIssues) fail(i.field, i.code, { value: String((f.data as Record<string, unknown>)[i.field] ?? '') });

  // A wrong phone or e-mail does not stop the row: it is left out and reported.
  const pointIssues: FieldIssue[] = [];
  const phoneList = get('phones').flatMap(splitPhones).map((raw) => ({ raw, label: null }));
  const phones = normalizePhones(phoneList, 'phones', pointIssues);
  const emailList = get('emails').flatMap(splitEmails).map((address) => ({ address, label: null }));
  const emails = normalizeEmails(emailList, 'emails', pointIssues);
  for (const i of pointIssues) warn(i.field.split('.')[0]!, i.code, i.params);

  const tagNames = get('tags')
    .map(cellText)
    .flatMap((t) => (t ? t.split(/[,;]/) : []))
    .map((t) => t.trim())
    .filter(Boolean);
  if (cardIssues.length > 0) return null;
  return { f: f.data, phones, emails, tagNames, custom, contactName: text('contactName') };
}

// Every length limit of the client schema is at least this; codes (ИНН, КПП, ...) have
// their own exact-length checks in requisiteIssues.
const SHORTEST_TEXT_LIMIT = 100;

/**
 * The client schema's result for values already trimmed by cellText. The schema runs
 * only when some value is long enough to break a limit: on 100,000 rows it is a tenth
 * of the import's time, and short values pass it unchanged.
 */
function checkedFields(values: Record<string, string | null | undefined>): ReturnType<typeof clientFields.safeParse> {
  const codes = ['inn', 'kpp', 'ogrn', 'bankBik', 'bankAccount', 'bankCorrAccount'];
  for (const [k, v] of Object.entries(values)) {
    if (typeof v === 'string' && v.length > (codes.includes(k) ? 20 : SHORTEST_TEXT_LIMIT)) return clientFields.safeParse(values);
  }
  const data = { ...values, relation: values.relation ?? 'client', status: values.status ?? 'active', phones: [], emails: [], tagIds: [], custom: {} } as unknown as ClientFields;
  return { success: true, data } as ReturnType<typeof clientFields.safeParse>;
}

/** Two rows of one file are one client when they share the ИНН, else a phone or e-mail. */
export function clientSameKeys(r: ClientRecord): string[] {
  if (r.f.inn) return [`inn:${r.f.inn}`];
  return [...r.phones.map((p) => `phone:${p.digits}`), ...r.emails.map((e) => `email:${e.addressKey}`)];
}

export function mergeClientRecords(into: ClientRecord, other: ClientRecord): void {
  const target = into.f as Record<string, unknown>;
  for (const [k, v] of Object.entries(other.f)) {
    if (v !== null && v !== undefined && (target[k] === null || target[k] === undefined)) target[k] = v;
  }
  for (const p of other.phones) if (!into.phones.some((q) => q.digits === p.digits)) into.phones.push(p);
  for (const e of other.emails) if (!into.emails.some((q) => q.addressKey === e.addressKey)) into.emails.push(e);
  for (const t of other.tagNames) if (!into.tagNames.includes(t)) into.tagNames.push(t);
  for (const [k, v] of other.custom) if (!into.custom.has(k)) into.custom.set(k, v);
  into.contactName ??= other.contactName;
}
