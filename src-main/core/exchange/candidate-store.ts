import type Database from 'better-sqlite3';
import { AppError } from '../errors';
import type { Candidate } from './entities/types';

// The checked records of a file live in two temporary tables of the workspace's own
// connection, not in JS arrays: a 1,000,000-row file costs disk in SQLite's temp file,
// not gigabytes of heap (and the garbage collection that heap brought). Temporary
// tables are private to the connection and vanish with it; nothing touches the file.
//
// Rows are written in batches (one small transaction each: an autocommit per row costs
// ~100 µs). Duplicate keys of the file are checked against a bit filter first, so a
// new key (nearly every key) costs no query; only a possible hit is looked up.

let nextStore = 0;
const FILTER_BITS = 1 << 26; // 8 MB: under 1 % false hits at 3 million keys
const FLUSH_EVERY = 2000;

// Maps and Dates survive the round trip through JSON (records hold both). A walk
// before and after keeps JSON.stringify/parse on their fast paths (a replacer or
// reviver function makes each several times slower).
function toPlain(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(toPlain);
  if (v instanceof Map) return { $map: [...v].map(([k, x]) => [k, toPlain(x)]) };
  if (v instanceof Date) return { $date: v.getTime() };
  const out: Record<string, unknown> = {};
  for (const k in v) out[k] = toPlain((v as Record<string, unknown>)[k]);
  return out;
}
function fromPlain(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) v[i] = fromPlain(v[i]);
    return v;
  }
  const o = v as Record<string, unknown>;
  if ('$map' in o) return new Map((o.$map as [unknown, unknown][]).map(([k, x]) => [k, fromPlain(x)]));
  if ('$date' in o) return new Date(o.$date as number);
  for (const k in o) o[k] = fromPlain(o[k]);
  return o;
}
const encode = (c: unknown): string => JSON.stringify(toPlain(c));

class KeyFilter {
  private bits = new Uint32Array(FILTER_BITS / 32);
  private positions(key: string): [number, number] {
    // FNV-1a twice with different seeds: two independent bit positions.
    let a = 0x811c9dc5;
    let b = 0x01000193 ^ key.length;
    for (let i = 0; i < key.length; i++) {
      const c = key.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995);
    }
    return [(a >>> 0) % FILTER_BITS, ((b ^ (b >>> 15)) >>> 0) % FILTER_BITS];
  }
  add(key: string): void {
    for (const p of this.positions(key)) this.bits[p >>> 5]! |= 1 << (p & 31);
  }
  mayHave(key: string): boolean {
    return this.positions(key).every((p) => (this.bits[p >>> 5]! & (1 << (p & 31))) !== 0);
  }
}

/** A candidate the store holds: in the batch not yet written, or in the table by seq. */
export type Held<R> = { cand: Candidate<R>; seq: number; written: boolean };

export class CandidateStore<R> {
  readonly sqlite: Database.Database;
  private readonly records: string;
  private readonly keys: string;
  private filter: KeyFilter | null = new KeyFilter();
  private batch: Held<R>[] = [];
  private batchKeys = new Map<string, Held<R>>();
  private newKeys: [string, number][] = [];
  private count = 0;
  private dropped = false;
  private st: Record<'insert' | 'insertKey' | 'findKey' | 'get' | 'put' | 'page', Database.Statement>;

  constructor(sqlite: Database.Database) {
    this.sqlite = sqlite;
    const n = ++nextStore;
    this.records = `temp.import_records_${n}`;
    this.keys = `temp.import_keys_${n}`;
    sqlite.exec(`CREATE TABLE ${this.records} (seq INTEGER PRIMARY KEY, data TEXT NOT NULL);
      CREATE TABLE ${this.keys} (key TEXT PRIMARY KEY, seq INTEGER NOT NULL) WITHOUT ROWID;`);
    this.st = {
      insert: sqlite.prepare(`INSERT INTO ${this.records} (seq, data) VALUES (?, ?)`),
      insertKey: sqlite.prepare(`INSERT OR IGNORE INTO ${this.keys} (key, seq) VALUES (?, ?)`),
      findKey: sqlite.prepare(`SELECT seq FROM ${this.keys} WHERE key = ?`).pluck(),
      get: sqlite.prepare(`SELECT data FROM ${this.records} WHERE seq = ?`).pluck(),
      put: sqlite.prepare(`UPDATE ${this.records} SET data = ? WHERE seq = ?`),
      page: sqlite.prepare(`SELECT data FROM ${this.records} WHERE seq > ? ORDER BY seq LIMIT ?`).pluck(),
    };
  }

  /** How many distinct records the file holds (rows folded into another count once). */
  get length(): number {
    return this.count;
  }

  /** The record a key of the file already names, if any (for folding duplicates). */
  find(keys: string[]): Held<R> | null {
    for (const k of keys) {
      const pending = this.batchKeys.get(k);
      if (pending) return pending;
      if (this.filter && !this.filter.mayHave(k)) continue;
      const seq = this.st.findKey.get(k) as number | undefined;
      if (seq !== undefined) return { cand: this.parse(this.st.get.get(seq) as string), seq, written: true };
      const inNew = this.newKeys.find(([key]) => key === k);
      if (inNew) return { cand: this.parse(this.st.get.get(inNew[1]) as string), seq: inNew[1], written: true };
    }
    return null;
  }

  add(cand: Candidate<R>, keys: string[]): void {
    const held: Held<R> = { cand, seq: ++this.count, written: false };
    this.batch.push(held);
    this.addKeys(held, keys);
    if (this.batch.length >= FLUSH_EVERY) this.flush();
  }

  /** After a fold: the record changed and may answer to more keys. */
  changed(held: Held<R>, keys: string[]): void {
    if (held.written) this.st.put.run(encode(held.cand), held.seq);
    this.addKeys(held, keys);
  }

  private addKeys(held: Held<R>, keys: string[]): void {
    for (const k of keys) {
      // A key the file already gave another record stays with that record.
      if (this.batchKeys.has(k) || this.newKeys.some(([key]) => key === k)) continue;
      if (this.filter?.mayHave(k) && this.st.findKey.get(k) !== undefined) continue;
      if (held.written) this.newKeys.push([k, held.seq]);
      else this.batchKeys.set(k, held);
      this.filter?.add(k);
    }
  }

  /** Writes the batch in one transaction; called every few thousand rows and at the end. */
  flush(): void {
    this.alive();
    if (this.batch.length === 0 && this.newKeys.length === 0) return;
    this.sqlite.transaction(() => {
      for (const h of this.batch) this.st.insert.run(h.seq, encode(h.cand));
      for (const [k, h] of this.batchKeys) this.st.insertKey.run(k, h.seq);
      for (const [k, seq] of this.newKeys) this.st.insertKey.run(k, seq);
    })();
    for (const h of this.batch) h.written = true;
    this.batch = [];
    this.batchKeys = new Map();
    this.newKeys = [];
  }

  /** Every record is in; the duplicate keys are no longer needed. */
  finish(): void {
    this.flush();
    this.sqlite.exec(`DELETE FROM ${this.keys}`);
    this.filter = null;
  }

  /** The records in file order, `size` at a time, each page read fresh from the table. */
  *chunks(size: number): Generator<Candidate<R>[]> {
    this.flush();
    let after = 0;
    for (;;) {
      this.alive();
      const page = this.st.page.all(after, size) as string[];
      if (page.length === 0) return;
      after += page.length;
      yield page.map((d) => this.parse(d));
    }
  }

  *[Symbol.iterator](): Generator<Candidate<R>> {
    for (const chunk of this.chunks(5000)) yield* chunk;
  }

  /** Every record at once: for entities that need the whole file in one call. */
  all(): Candidate<R>[] {
    return [...this];
  }

  /** False once dropped (applied, replaced) or its workspace closed. */
  get open(): boolean {
    return !this.dropped && this.sqlite.open;
  }

  drop(): void {
    if (this.dropped) return;
    this.dropped = true;
    if (this.sqlite.open) this.sqlite.exec(`DROP TABLE IF EXISTS ${this.records}; DROP TABLE IF EXISTS ${this.keys};`);
  }

  private alive(): void {
    if (!this.open) throw new AppError('exchange.job_unknown', 'This import is no longer open: start again');
  }

  private parse(data: string): Candidate<R> {
    return fromPlain(JSON.parse(data)) as Candidate<R>;
  }
}
