import type { Session } from '../workspace/session';
import { AppError } from '../errors';
import { openTable } from './read/open';
import { analyse, detectHeaderRow, headersOf, initialMapping, previewRows, type Analysis } from './analyse';
import { applyImport, type ImportResult } from './apply';
import { importEntity } from './entities/registry';
import type { DuplicatePolicy, MatchKey, RowIssue } from './entities/types';
import { fromByHeader, rememberMapping } from './mapping-store';
import { takeSafetyBackup } from '../backup/safety';
import type { ColumnMapping } from './header';
import { headerKey } from './cells';
import { describeIssue } from './messages';
import type { UiLanguage } from '../../shared/i18n/languages';

export interface RunImportOptions {
  entity: string;
  /** 'auto' (remembered layout or header names) or a preset: header name → field key. */
  mapping?: 'auto' | Record<string, string | null>;
  policy?: DuplicatePolicy;
  matchOrder?: MatchKey[];
  /** Deals: create the managers the file names who are not users yet. */
  createUsers?: boolean;
  dryRun?: boolean;
  sheet?: number;
  /** The name the import journal shows; the path's own name by default. */
  fileName?: string;
  onProgress?: (rowsRead: number) => void;
}

export interface RunImportResult extends ImportResult {
  headerRow: number;
  mapping: ColumnMapping;
  headers: string[];
  analysis: Analysis;
  issues: RowIssue[];
}

/** A whole import without the wizard (CLI, tests, benchmark): every step with its defaults. */
export async function runImport(session: Session, path: string, o: RunImportOptions): Promise<RunImportResult> {
  const ctx = session.ctx();
  const entity = importEntity(o.entity);
  const table = await openTable(path);
  const sheet = o.sheet ?? 0;
  const head = await previewRows(table, sheet);
  const headerRow = detectHeaderRow(head, entity.fields(ctx));
  if (headerRow === null) throw new AppError('exchange.header_missing', 'No header row found');
  const headers = headersOf(head, headerRow);
  const mapping =
    !o.mapping || o.mapping === 'auto'
      ? initialMapping(ctx, entity, headers).mapping
      : fromByHeader(headers, normaliseKeys(o.mapping), new Set(entity.fields(ctx).map((f) => f.key)));
  const analysis = await analyse(ctx, table, entity, { sheet, headerRow, mapping, onProgress: o.onProgress });
  let result: ImportResult;
  try {
    if (!o.dryRun) {
      takeSafetyBackup(session, 'import');
      rememberMapping(ctx, entity.key, analysis.headers, mapping);
    }
    result = applyImport(ctx, entity, analysis, {
      policy: o.policy ?? 'update_empty',
      matchOrder: o.matchOrder ?? ['inn', 'phone', 'email'],
      createUsers: o.createUsers,
      fileName: o.fileName ?? path.split(/[\\/]/).pop() ?? path,
      dryRun: o.dryRun,
    });
  } finally {
    analysis.candidates.drop();
  }
  return { ...result, headerRow, mapping, headers, analysis, issues: analysis.issues };
}

// Preset files may be written by hand: any spelling of a header name matches.
function normaliseKeys(m: Record<string, string | null>): Record<string, string | null> {
  return Object.fromEntries(Object.entries(m).map(([k, v]) => [headerKey(k), v]));
}

/** What a whole import reports to a script: counts and every row issue in words. */
export function importReport(r: RunImportResult, lang: UiLanguage) {
  const column = (field: string) => {
    const col = Object.entries(r.mapping).find(([, f]) => f === field)?.[0];
    return col !== undefined ? r.headers[Number(col)] || field : field;
  };
  const present = (i: RowIssue) => ({ row: i.row, field: i.field, code: i.code, message: describeIssue(i, column, lang) });
  return {
    dryRun: r.dryRun,
    batchId: r.batchId,
    headerRow: r.headerRow,
    created: r.created,
    updated: r.updated,
    skipped: r.skipped,
    rejected: r.analysis.rejected.length,
    errors: r.issues.filter((i) => i.severity === 'error').map(present),
    warnings: r.issues.filter((i) => i.severity === 'warning').map(present),
  };
}
