import type { Ctx } from '../context';
import { AppError } from '../errors';
import { cellText } from './cells';
import { autoMapping, detectHeaderRow, isBlankRow, isTotalsRow, type ColumnMapping } from './header';
import type { Cell, SourceRow, TableSource } from './read/types';
import type { Candidate, ImportEntity, RowIssue } from './entities/types';
import { fromByHeader, rememberedMapping } from './mapping-store';
import { CandidateStore } from './candidate-store';

/** How many rows the wizard shows to pick the header row; also where the header is looked for. */
export const PREVIEW_ROWS = 30;
/** Issues kept for display and reports; all are counted. */
export const MAX_ISSUES = 5000;
const NONE: Cell[] = [];

export interface SheetPreview {
  rows: SourceRow[];
  headerRow: number | null;
}

export async function previewRows(source: TableSource, sheet: number, signal?: AbortSignal): Promise<SourceRow[]> {
  const rows: SourceRow[] = [];
  for await (const r of source.rows(sheet, signal)) {
    rows.push(r);
    if (rows.length >= PREVIEW_ROWS) break;
  }
  return rows;
}

export function headersOf(rows: SourceRow[], headerRow: number | null): string[] {
  const row = rows.find((r) => r.n === headerRow);
  if (!row) return [];
  const width = Math.max(...rows.map((r) => r.cells.length), 0);
  return Array.from({ length: width }, (_, i) => cellText(row.cells[i] ?? null) ?? '');
}

/** The mapping to start from: what the user used last for this layout, else by header names. */
export function initialMapping(ctx: Ctx, entity: ImportEntity, headers: string[]): { mapping: ColumnMapping; remembered: boolean } {
  const fields = entity.fields(ctx);
  const remembered = rememberedMapping(ctx, entity.key, headers);
  if (remembered) return { mapping: fromByHeader(headers, remembered, new Set(fields.map((f) => f.key))), remembered: true };
  return { mapping: autoMapping(headers, fields), remembered: false };
}

export { detectHeaderRow };

export interface Analysis<R = unknown> {
  headers: string[];
  /** The checked records, kept in a temporary table of the workspace's connection (see candidate-store). */
  candidates: CandidateStore<R>;
  issues: RowIssue[];
  issueCount: { errors: number; warnings: number };
  /** Rows that cannot be imported, with their cells, for the "rejected rows" file. */
  rejected: { row: number; cells: Cell[]; reasons: RowIssue[] }[];
  rows: { read: number; blank: number; totals: number; merged: number };
}

export interface AnalyseOptions {
  sheet: number;
  headerRow: number;
  mapping: ColumnMapping;
  signal?: AbortSignal;
  onProgress?: (rowsRead: number) => void;
}

/**
 * Reads every row under the header, builds records with the entity's rules and
 * folds rows that are the same record (same ИНН, phone or e-mail) into the first.
 * Writes nothing to the workspace: the records go to the connection's temporary tables.
 */
export async function analyse<R>(ctx: Ctx, source: TableSource, entity: ImportEntity<R, unknown>, o: AnalyseOptions): Promise<Analysis<R>> {
  const env = entity.prepare(ctx);
  const byField = new Map<string, number[]>();
  for (const [col, key] of Object.entries(o.mapping)) {
    if (key) byField.set(key, [...(byField.get(key) ?? []), Number(col)]);
  }
  if (byField.size === 0) throw new AppError('exchange.mapping_empty', 'No column is mapped to a field');
  const a: Analysis<R> = { headers: [], candidates: new CandidateStore<R>(ctx.ws.sqlite), issues: [], issueCount: { errors: 0, warnings: 0 }, rejected: [], rows: { read: 0, blank: 0, totals: 0, merged: 0 } };
  try {
    await readRows(source, entity, env, byField, o, a);
    a.candidates.finish();
  } catch (e) {
    a.candidates.drop();
    throw e;
  }
  o.onProgress?.(a.rows.read);
  return a;
}

async function readRows<R>(
  source: TableSource,
  entity: ImportEntity<R, unknown>,
  env: unknown,
  byField: Map<string, number[]>,
  o: AnalyseOptions,
  a: Analysis<R>,
): Promise<void> {
  const store = a.candidates;
  let width = 0;
  for await (const row of source.rows(o.sheet, o.signal)) {
    if (row.n === o.headerRow) {
      a.headers = row.cells.map((c) => cellText(c) ?? '');
      width = row.cells.length;
      continue;
    }
    if (row.n < o.headerRow) continue;
    a.rows.read++;
    if (a.rows.read % 2000 === 0) {
      o.onProgress?.(a.rows.read);
      // Lets progress and cancel requests through while a big file is read.
      await new Promise((r) => setImmediate(r));
      if (o.signal?.aborted) throw new AppError('exchange.cancelled', 'Cancelled');
    }
    if (isBlankRow(row.cells)) {
      a.rows.blank++;
      continue;
    }
    if (isTotalsRow(row.cells)) {
      a.rows.totals++;
      continue;
    }
    const rowIssues: RowIssue[] = [];
    const extra = row.cells.slice(width).filter((c) => cellText(c) !== null).length;
    if (width > 0 && extra > 0) {
      rowIssues.push({ row: row.n, field: '', code: 'exchange.row_ragged', params: { count: row.cells.length, expected: width }, severity: 'error' });
    }
    const cells = row.cells;
    const get = (field: string): Cell[] => {
      const cols = byField.get(field);
      if (!cols) return NONE;
      return cols.length === 1 ? [cells[cols[0]!] ?? null] : cols.map((i) => cells[i] ?? null);
    };
    const record = rowIssues.length === 0 ? entity.build(env, get, row.n, rowIssues) : null;
    // U+FFFD in a cell is a letter lost before the file reached us (a bad conversion
    // elsewhere): imported as it is, but the user is told where.
    for (const [field, cols] of byField) {
      if (cols.some((i) => typeof cells[i] === 'string' && (cells[i] as string).includes('\ufffd'))) rowIssues.push({ row: row.n, field, code: 'exchange.text_damaged', severity: 'warning' });
    }
    for (const i of rowIssues) {
      if (i.severity === 'error') a.issueCount.errors++;
      else a.issueCount.warnings++;
      if (a.issues.length < MAX_ISSUES) a.issues.push(i);
    }
    if (!record) {
      a.rejected.push({ row: row.n, cells: row.cells, reasons: rowIssues.filter((i) => i.severity === 'error') });
      continue;
    }
    const keys = entity.sameKeys(record);
    const first = store.find(keys);
    if (first) {
      entity.merge(first.cand.record, record);
      first.cand.merged.push(row.n);
      a.rows.merged++;
      store.changed(first, entity.sameKeys(first.cand.record));
      continue;
    }
    const cand: Candidate<R> = { row: row.n, merged: [], record };
    store.add(cand, keys);
  }
}
