import type { Ctx } from '../../context';
import type { Cell } from '../read/types';

export type Severity = 'error' | 'warning';

/** A problem of one row: `row` as Excel shows it, `field` the target field key. */
export interface RowIssue {
  row: number;
  field: string;
  code: string;
  params?: Record<string, string | number>;
  severity: Severity;
}

export type ValueType = 'text' | 'code' | 'date' | 'money' | 'number' | 'bool' | 'phones' | 'emails' | 'list' | 'enum';

/** A field an import can fill and an export can write. */
export interface FieldDef {
  key: string;
  /** Column title on export (Russian, as 1C and Russian Excel users expect). */
  header: string;
  /** Header names auto-mapped to this field, compared after headerKey folding. */
  aliases: string[];
  type: ValueType;
  /** Several columns may feed it (Телефон + Мобильный телефон). */
  multi?: boolean;
  /** Set for custom fields: the user's own name for it. */
  customName?: string;
}

export type DuplicatePolicy = 'skip' | 'update_empty' | 'overwrite' | 'create';
export type MatchKey = 'inn' | 'phone' | 'email';
export const MATCH_KEYS: MatchKey[] = ['inn', 'phone', 'email'];

export interface ApplyOptions {
  policy: DuplicatePolicy;
  matchOrder: MatchKey[];
  /** Deals: managers the file names who are not users become users (undo removes them again). */
  createUsers?: boolean;
}

/** One record built from a file row (or several rows merged as in-file duplicates). */
export interface Candidate<R> {
  row: number;
  merged: number[];
  record: R;
}

export interface ApplyCounts {
  created: number;
  updated: number;
  skipped: number;
  /** Per row: what happened (for the result report). */
  outcomes: { row: number; action: 'created' | 'updated' | 'skipped' | 'unchanged'; id: string | null }[];
}

/** What an import records so that it can be undone. */
export interface Journal {
  created(entity: string, id: string): void;
  updated(entity: string, id: string, previous: unknown): void;
}

/**
 * One kind of record an import can create and an export can list. The wizard, the
 * CLI and the procedures only see this interface: a new entity (deals, invoices)
 * is one module implementing it plus one line in registry.ts.
 */
export interface ImportEntity<R = unknown, Env = unknown> {
  key: string;
  fields(ctx: Ctx): FieldDef[];
  /** Looks up what every row needs once per import (custom fields, users, tags). */
  prepare(ctx: Ctx): Env;
  /** A record from one row's mapped cells, or null when the row has errors. */
  build(env: Env, get: (field: string) => Cell[], row: number, issues: RowIssue[]): R | null;
  /** Keys under which two rows of one file are the same record. */
  sameKeys(record: R): string[];
  /** Folds a later duplicate row of the file into the first. */
  merge(into: R, other: R): void;
  /** Writes everything inside the caller's transaction. */
  apply(ctx: Ctx, env: Env, candidates: Candidate<R>[], options: ApplyOptions, journal: Journal): ApplyCounts;
  /**
   * Set when `apply` may be called several times in the one transaction, with the
   * file's records in consecutive chunks and the same env: then a file of any size is
   * applied in flat memory. Unset, `apply` gets every record at once (as before).
   */
  applyInChunks?: boolean;
  /** Managers the rows name who are not users yet (the wizard offers to create them). */
  newUsers?(candidates: Candidate<R>[]): string[];
  /** Reverts one journal entry (called newest first). */
  revert(ctx: Ctx, item: { id: string; action: 'created' | 'updated'; previous: unknown }): void;
}

export interface ExportEntity<Q = unknown> {
  key: string;
  /** The list's name for the sheet and the file (Russian, as the user's files are named). */
  title: string;
  /** Whether the list can be written as phone contacts (vCard): people, not deals. */
  vcard: boolean;
  fields(ctx: Ctx): FieldDef[];
  /** Rows in list order, as field key → value, read in pages. */
  rows(ctx: Ctx, query: Q): Iterable<Record<string, ExportValue>>;
  parseQuery(raw: unknown): Q;
}

export type ExportValue = string | number | boolean | null | string[];
