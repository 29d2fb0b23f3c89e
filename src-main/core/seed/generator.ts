import type Database from 'better-sqlite3';
import { newId } from '../ids';
import { sortKey } from '../text/fold';
import { normalizePhone } from '../validation/contact-points';
import * as V from './vocabulary';
import { withBulkSearchIndexing } from '../search/bulk-index';

// Demo and benchmark data. The same generator fills the demo workspace offered at
// first start and `cli seed`; it writes through prepared statements in chunks so
// 200,000 clients take seconds, not minutes.

type Rng = () => number;

/** Small deterministic PRNG (mulberry32): the same seed gives the same workspace. */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;
const digits = (rng: Rng, n: number) => Array.from({ length: n }, () => Math.floor(rng() * 10)).join('');

function innWithChecksum(body: string): string {
  const w10 = [2, 4, 10, 3, 5, 9, 4, 6, 8];
  const w11 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
  const w12 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
  const sum = (s: string, w: number[]) => w.reduce((acc, k, i) => acc + k * Number(s[i]), 0);
  if (body.length === 9) return body + ((sum(body, w10) % 11) % 10);
  const d11 = body + ((sum(body, w11) % 11) % 10);
  return d11 + ((sum(d11, w12) % 11) % 10);
}

function ogrnWithChecksum(body: string): string {
  const mod = body.length === 12 ? 11n : 13n;
  return body + String((BigInt(body) % mod) % 10n);
}

function phoneText(rng: Rng): string {
  const code = pick(rng, V.AREA_CODES);
  const n = digits(rng, 7);
  const [a, b, c] = [n.slice(0, 3), n.slice(3, 5), n.slice(5)];
  switch (Math.floor(rng() * 5)) {
    case 0: return `8 (${code}) ${a}-${b}-${c}`;
    case 1: return `+7 ${code} ${a} ${b} ${c}`;
    case 2: return `8${code}${n}`;
    case 3: return `+7(${code})${n}`;
    default: return `${code}-${a}-${b}-${c}`;
  }
}

function person(rng: Rng) {
  const v = rng() < 0.5 ? V.MALE : V.FEMALE;
  return { last: pick(rng, v.last), first: pick(rng, v.first), middle: pick(rng, v.middle) };
}

function isoDaysAgo(now: number, rng: Rng, maxDays: number): string {
  return new Date(now - Math.floor(rng() * maxDays * 86400000)).toISOString();
}

export interface SeedOptions {
  clients: number;
  seed?: number;
  now?: Date;
  onProgress?: (done: number, total: number) => void;
}

function ensureLookups(sqlite: Database.Database, now: string) {
  const userIds = (sqlite.prepare('SELECT id FROM users ORDER BY created_at').all() as { id: string }[]).map((u) => u.id);
  if (userIds.length < 2) {
    const ins = sqlite.prepare('INSERT INTO users (id, name, color, active, created_at, updated_at) VALUES (?, ?, ?, 1, ?, ?)');
    for (const [name, color] of V.MANAGERS) {
      const id = newId();
      ins.run(id, name, color, now, now);
      userIds.push(id);
    }
  }
  const insTag = sqlite.prepare('INSERT OR IGNORE INTO tags (id, name, color, created_at, updated_at) VALUES (?, ?, ?, ?, ?)');
  for (const [name, color] of V.TAGS) insTag.run(newId(), name, color, now, now);
  const tagIds = (sqlite.prepare('SELECT id FROM tags').all() as { id: string }[]).map((t) => t.id);
  return { userIds, tagIds };
}

export function seedClients(sqlite: Database.Database, opts: SeedOptions): { clients: number } {
  const rng = mulberry32(opts.seed ?? Date.now());
  const nowMs = (opts.now ?? new Date()).getTime();
  const nowIso = new Date(nowMs).toISOString();
  const { userIds, tagIds } = ensureLookups(sqlite, nowIso);
  let st!: ReturnType<typeof statements>;
  const statements = () => ({
    client: sqlite.prepare(
      `INSERT INTO clients (id, kind, name, name_key, full_name, last_name, first_name, middle_name, relation, status, source,
        region, industry, responsible_id, inn, kpp, ogrn, legal_address, actual_address, birthday, created_at, updated_at, created_by)
       VALUES (@id, @kind, @name, @nameKey, @fullName, @last, @first, @middle, @relation, 'active', @source,
        @region, @industry, @responsible, @inn, @kpp, @ogrn, @legal, @actual, @birthday, @created, @created, @owner)`,
    ),
    contact: sqlite.prepare(
      'INSERT INTO contacts (id, client_id, name, position, birthday, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    phone: sqlite.prepare('INSERT INTO phones (id, client_id, contact_id, raw, digits, label, sort) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    email: sqlite.prepare('INSERT INTO emails (id, client_id, contact_id, address, address_key, sort) VALUES (?, ?, ?, ?, ?, ?)'),
    tag: sqlite.prepare('INSERT OR IGNORE INTO client_tags (client_id, tag_id) VALUES (?, ?)'),
    history: sqlite.prepare(
      `INSERT INTO history (id, client_id, kind, direction, occurred_at, duration_min, text, author_id, created_at, updated_at, created_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
  });
  const relations = ['client', 'client', 'client', 'prospect', 'prospect', 'partner', 'agent', 'supplier', 'competitor'];
  const addPhone = (clientId: string, contactId: string | null, sort: number) => {
    const raw = phoneText(rng);
    st.phone.run(newId(), clientId, contactId, raw, normalizePhone(raw)!.digits, sort === 0 ? 'work' : 'mobile', sort);
  };
  const addEmail = (clientId: string, contactId: string | null, sort: number) => {
    // A number up to a million: about one address in a thousand is on two cards, as with
    // phones (up to a thousand made three quarters of all clients "duplicates").
    const address = `${pick(rng, V.LATIN)}${Math.floor(rng() * 1_000_000)}@${pick(rng, V.DOMAINS)}`;
    st.email.run(newId(), clientId, contactId, address, address, sort);
  };

  const one = () => {
    const id = newId();
    const r = rng();
    const kind = r < 0.6 ? 'organization' : r < 0.7 ? 'sole_trader' : 'person';
    const p = person(rng);
    const region = pick(rng, V.REGIONS);
    const created = isoDaysAgo(nowMs, rng, 1500);
    let name: string, fullName: string | null = null, inn: string | null = null, kpp: string | null = null, ogrn: string | null = null;
    if (kind === 'organization') {
      const brand = pick(rng, V.COMPANY_WORDS) + pick(rng, V.COMPANY_SUFFIX);
      const form = pick(rng, V.LEGAL_FORMS);
      name = `${form} «${brand}»`;
      fullName = `${form === 'ООО' ? 'Общество с ограниченной ответственностью' : 'Акционерное общество'} «${brand}»`;
      inn = innWithChecksum(String(10 + Math.floor(rng() * 89)) + digits(rng, 7));
      kpp = inn.slice(0, 4) + '01001';
      ogrn = ogrnWithChecksum('1' + digits(rng, 11));
    } else if (kind === 'sole_trader') {
      name = `ИП ${p.last} ${p.first[0]}. ${p.middle[0]}.`;
      inn = innWithChecksum(String(10 + Math.floor(rng() * 89)) + digits(rng, 8));
      ogrn = ogrnWithChecksum('3' + digits(rng, 13));
    } else {
      name = `${p.last} ${p.first} ${p.middle}`;
    }
    // Children first, parent last (FKs deferred to commit).
    if (kind === 'organization') {
      const n = 1 + Math.floor(rng() * 2);
      for (let i = 0; i < n; i++) {
        const cp = person(rng);
        const contactId = newId();
        st.contact.run(contactId, id, `${cp.last} ${cp.first} ${cp.middle}`, pick(rng, V.POSITIONS), rng() < 0.5 ? birthday(rng) : null, created, created);
        addPhone(id, contactId, 0);
        if (rng() < 0.5) addEmail(id, contactId, 0);
      }
    }
    const phoneCount = 1 + Math.floor(rng() * 2);
    for (let i = 0; i < phoneCount; i++) addPhone(id, null, i);
    if (rng() < 0.7) addEmail(id, null, 0);
    for (const tagId of tagIds) if (rng() < 0.12) st.tag.run(id, tagId);
    const entries = Math.floor(rng() * 3);
    for (let i = 0; i < entries; i++) {
      const kindH = pick(rng, ['note', 'call', 'call', 'meeting', 'email'] as const);
      const at = isoDaysAgo(nowMs, rng, 400);
      const author = pick(rng, userIds);
      st.history.run(newId(), id, kindH, kindH === 'call' ? pick(rng, ['in', 'out']) : null, at, kindH === 'call' || kindH === 'meeting' ? 5 + Math.floor(rng() * 55) : null, pick(rng, V.NOTES), author, at, at, author);
    }
    st.client.run({
      id, kind, name, nameKey: sortKey(name), fullName,
      last: kind === 'organization' ? null : p.last, first: kind === 'organization' ? null : p.first, middle: kind === 'organization' ? null : p.middle,
      relation: pick(rng, relations), source: pick(rng, V.SOURCES), region, industry: kind === 'person' ? null : pick(rng, V.INDUSTRIES),
      responsible: rng() < 0.9 ? pick(rng, userIds) : null, inn, kpp, ogrn,
      legal: kind === 'person' ? null : `г. ${region}, ${pick(rng, V.STREETS)}, д. ${1 + Math.floor(rng() * 120)}`,
      actual: kind === 'person' ? null : `г. ${region}, ${pick(rng, V.STREETS)}, д. ${1 + Math.floor(rng() * 120)}, офис ${1 + Math.floor(rng() * 400)}`,
      birthday: kind === 'person' && rng() < 0.6 ? birthday(rng) : null,
      created, owner: userIds[0] ?? null,
    });
  };

  const CHUNK = 5000;
  const chunk = sqlite.transaction((n: number) => {
    sqlite.pragma('defer_foreign_keys = ON');
    withBulkSearchIndexing(sqlite, () => {
      // Statements are prepared after the triggers are dropped: a schema change
      // would otherwise force every statement to re-prepare on first use.
      st = statements();
      for (let i = 0; i < n; i++) one();
    });
  });
  let done = 0;
  while (done < opts.clients) {
    const n = Math.min(CHUNK, opts.clients - done);
    chunk(n);
    done += n;
    opts.onProgress?.(done, opts.clients);
  }
  return { clients: done };
}

function birthday(rng: Rng): string {
  const y = 1955 + Math.floor(rng() * 50);
  const m = 1 + Math.floor(rng() * 12);
  const d = 1 + Math.floor(rng() * 28);
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
