import type Database from 'better-sqlite3';
import { rng } from './measure';

// What users type into the client search, built from the seeded workspace itself so
// every query can hit real rows: names, companies, phones typed in formats other than
// the stored one, ИНН prefixes, e-mail parts, and ё typed as е (and the other way).

export interface Typed {
  /** What the user means to type, e.g. "916 123". */
  text: string;
  kind: 'client name' | 'contact name' | 'company' | 'ё/е' | 'phone' | 'inn' | 'email';
}

export interface Keystroke {
  /** The search box contents after this keystroke. */
  query: string;
  kind: Typed['kind'];
}

export function typedQueries(sqlite: Database.Database, seed = 7): Typed[] {
  const r = rng(seed);
  const total = (sqlite.prepare('SELECT max(seq) AS n FROM clients').get() as { n: number }).n;
  // Random rows by seq/rowid: cheap on any size, deterministic for a given workspace.
  const sample = <T>(sql: string, n: number, max: number): T[] => {
    const stmt = sqlite.prepare(sql);
    const out: T[] = [];
    for (let tries = 0; out.length < n && tries < n * 50; tries++) {
      const row = stmt.get(1 + Math.floor(r() * max)) as T | undefined;
      if (row) out.push(row);
    }
    return out;
  };
  const lower = (s: string) => (r() < 0.7 ? s.toLowerCase() : s);
  const out: Typed[] = [];

  // People: surname and first name, as most users search for a person.
  const people = sample<{ last_name: string; first_name: string }>(
    `SELECT last_name, first_name FROM clients WHERE seq >= ? AND kind <> 'organization' ORDER BY seq LIMIT 1`,
    10,
    total,
  );
  for (const p of people) out.push({ kind: 'client name', text: lower(`${p.last_name} ${p.first_name}`) });

  const maxContact = (sqlite.prepare('SELECT max(rowid) AS n FROM contacts').get() as { n: number | null }).n ?? 0;
  if (maxContact > 0) {
    const contacts = sample<{ name: string }>(`SELECT name FROM contacts WHERE rowid >= ? ORDER BY rowid LIMIT 1`, 10, maxContact);
    // A contact person is usually searched by surname, sometimes with the first name.
    for (const c of contacts) {
      const [last, first] = c.name.split(' ');
      out.push({ kind: 'contact name', text: lower(r() < 0.5 && first ? `${last} ${first}` : last!) });
    }
  }

  out.push({ kind: 'company', text: 'ромашка' }, { kind: 'company', text: 'ооо вектор' });
  const orgs = sample<{ name: string }>(
    `SELECT name FROM clients WHERE seq >= ? AND kind = 'organization' ORDER BY seq LIMIT 1`,
    3,
    total,
  );
  for (const o of orgs) {
    const brand = o.name.replace(/^.*«(.*)»$/u, '$1');
    out.push({ kind: 'company', text: lower(brand) });
  }

  // ё/е: names that contain ё, typed once with е (as almost everyone does) and once with ё.
  const yo = sqlite
    .prepare(`SELECT DISTINCT last_name FROM clients WHERE seq >= ? AND last_name LIKE '%ё%' LIMIT 3`)
    .all(Math.floor(r() * total * 0.5)) as { last_name: string }[];
  for (const { last_name } of yo) {
    const l = last_name.toLowerCase();
    out.push({ kind: 'ё/е', text: l.replace(/ё/g, 'е') }, { kind: 'ё/е', text: l });
  }
  out.push({ kind: 'ё/е', text: 'березка' });

  // Phones: stored as 7XXXXXXXXXX; typed partially, the way people read them aloud.
  const maxPhone = (sqlite.prepare('SELECT max(seq) AS n FROM phones').get() as { n: number }).n;
  const phones = sample<{ digits: string }>(
    `SELECT digits FROM phones WHERE seq >= ? AND length(digits) = 11 ORDER BY seq LIMIT 1`,
    12,
    maxPhone,
  );
  phones.forEach(({ digits }, i) => {
    const code = digits.slice(1, 4);
    const local = digits.slice(4);
    const styles = [
      `${code} ${local.slice(0, 3)}`, // 916 123
      `8 (${code}) ${local.slice(0, 2)}`, // 8 (495) 12
      `${local.slice(3, 5)}-${local.slice(5, 7)}`, // 45-67
      `+7 ${code} ${local.slice(0, 3)}-${local.slice(3, 5)}`, // +7 916 123-45
    ];
    out.push({ kind: 'phone', text: styles[i % styles.length]! });
  });

  const inns = sample<{ inn: string }>(
    `SELECT inn FROM clients WHERE seq >= ? AND inn IS NOT NULL ORDER BY seq LIMIT 1`,
    5,
    total,
  );
  for (const { inn } of inns) out.push({ kind: 'inn', text: inn.slice(0, 6 + Math.floor(r() * (inn.length - 5))) });

  const maxEmail = (sqlite.prepare('SELECT max(rowid) AS n FROM emails').get() as { n: number | null }).n ?? 0;
  if (maxEmail > 0) {
    const emails = sample<{ address: string }>(`SELECT address FROM emails WHERE rowid >= ? ORDER BY rowid LIMIT 1`, 5, maxEmail);
    for (const { address } of emails) {
      const at = address.indexOf('@');
      // Local part only, or up to a few letters of the domain.
      out.push({ kind: 'email', text: r() < 0.5 ? address.slice(0, at) : address.slice(0, at + 4) });
    }
  }
  return out;
}

/** Every prefix of every query, in typing order: what the list sees per keystroke. */
export function keystrokes(typed: Typed[]): Keystroke[] {
  const out: Keystroke[] = [];
  for (const t of typed) {
    for (let i = 1; i <= t.text.length; i++) {
      const query = t.text.slice(0, i);
      if (out.at(-1)?.query !== query) out.push({ query, kind: t.kind });
    }
  }
  return out;
}

/** Full numbers as callers' ids and people write them, for caller lookup. */
export function lookupNumbers(sqlite: Database.Database, n: number, seed = 11): { known: string[]; unknown: string[] } {
  const r = rng(seed);
  const maxPhone = (sqlite.prepare('SELECT max(seq) AS n FROM phones').get() as { n: number }).n;
  const stmt = sqlite.prepare('SELECT digits FROM phones WHERE seq >= ? AND length(digits) = 11 ORDER BY seq LIMIT 1');
  const exists = sqlite.prepare('SELECT 1 FROM phones WHERE digits = ? LIMIT 1');
  const fmt = (d: string, i: number) => {
    const [c, a, b, e] = [d.slice(1, 4), d.slice(4, 7), d.slice(7, 9), d.slice(9)];
    switch (i % 5) {
      case 0: return `8 (${c}) ${a}-${b}-${e}`;
      case 1: return `+7${c}${a}${b}${e}`;
      case 2: return `${c} ${a} ${b} ${e}`;
      case 3: return `8-${c}-${a}-${b}${e}`;
      default: return `+7 (${c}) ${a} ${b} ${e}`;
    }
  };
  const known: string[] = [];
  for (let i = 0; known.length < n && i < n * 50; i++) {
    const row = stmt.get(1 + Math.floor(r() * maxPhone)) as { digits: string } | undefined;
    if (row) known.push(fmt(row.digits, known.length));
  }
  // Unknown callers: the lookup falls back to matching the last ten digits.
  const unknown: string[] = [];
  for (let i = 0; unknown.length < Math.ceil(n / 4) && i < n * 50; i++) {
    const d = '7' + ['916', '495', '812', '903'][i % 4] + String(Math.floor(r() * 1e7)).padStart(7, '0');
    if (!exists.get(d)) unknown.push(fmt(d, unknown.length));
  }
  return { known, unknown };
}
