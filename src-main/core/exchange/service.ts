import { copyFileSync, statSync } from 'node:fs';
import type { Session } from '../workspace/session';
import { AppError } from '../errors';
import { cellText } from './cells';
import { openTable } from './read/open';
import type { Cell, TableSource } from './read/types';
import { analyse, detectHeaderRow, headersOf, initialMapping, previewRows } from './analyse';
import { applyImport, type ImportResult } from './apply';
import { exportEntity, importEntity } from './entities/registry';
import type { ApplyOptions, RowIssue } from './entities/types';
import type { ColumnMapping } from './header';
import { exchangeState, type ImportJob } from './jobs';
import { listPresets, rememberMapping } from './mapping-store';
import { takeSafetyBackup } from '../backup/safety';
import { describeIssue } from './messages';
import { writeRejected } from './rejected';
import { undoImport } from './undo';
import { writeExport, type ExportRequest } from './export/write';
import { importReport, runImport, type RunImportOptions } from './run';
import { runStored } from './receivables/service';
import type { UiLanguage } from '../../shared/i18n/languages';

// The import wizard's steps and the export, as the procedures and the CLI call them.

const display = (c: Cell): string => {
  if (c instanceof Date) return c.toISOString().slice(0, 10).split('-').reverse().join('.');
  return cellText(c) ?? '';
};

async function source(session: Session, fileId: string): Promise<{ table: TableSource; name: string }> {
  const f = exchangeState(session).files.get(fileId);
  return { table: await openTable(f.path, f.name), name: f.name };
}

export async function inspectFile(session: Session, fileId: string) {
  const { table, name } = await source(session, fileId);
  return { name, kind: table.kind, encoding: table.encoding ?? null, delimiter: table.delimiter ?? null, sheets: await table.sheets() };
}

export async function previewSheet(session: Session, input: { fileId: string; entity: string; sheet: number; headerRow?: number | null }) {
  const entity = importEntity(input.entity);
  const ctx = session.ctx();
  const { table } = await source(session, input.fileId);
  const rows = await previewRows(table, input.sheet);
  const fields = entity.fields(ctx);
  const headerRow = input.headerRow ?? detectHeaderRow(rows, fields);
  const headers = headersOf(rows, headerRow);
  const { mapping, remembered } = initialMapping(ctx, entity, headers);
  return {
    rows: rows.map((r) => ({ n: r.n, cells: r.cells.map(display) })),
    headerRow,
    headers,
    mapping,
    remembered,
    fields: fields.map((f) => ({ key: f.key, header: f.header, type: f.type, multi: !!f.multi, customName: f.customName ?? null })),
    presets: listPresets(ctx, entity.key),
  };
}

export function startAnalysis(
  session: Session,
  input: { fileId: string; entity: string; sheet: number; headerRow: number; mapping: ColumnMapping; remember: boolean },
): ImportJob {
  const entity = importEntity(input.entity);
  const state = exchangeState(session);
  const file = state.files.get(input.fileId);
  return state.startJob(
    { entity: entity.key, fileId: input.fileId, fileName: file.name, sheet: input.sheet, headerRow: input.headerRow, mapping: input.mapping },
    async (job) => {
      const table = await openTable(file.path, file.name);
      const a = await analyse(session.ctx(), table, entity, {
        sheet: input.sheet,
        headerRow: input.headerRow,
        mapping: input.mapping,
        signal: job.abort.signal,
        onProgress: (n) => (job.rowsRead = n),
      });
      if (input.remember && a.headers.length) rememberMapping(session.ctx(), entity.key, a.headers, input.mapping);
      return a;
    },
  );
}

/** The header the user sees for a field: the first file column mapped to it. */
function columnNamer(job: ImportJob, headers: string[]): (field: string) => string {
  return (field) => {
    const col = Object.entries(job.mapping).find(([, f]) => f === field)?.[0];
    return col !== undefined ? headers[Number(col)] || `#${Number(col) + 1}` : field;
  };
}

const ISSUES_SHOWN = 500;

export function jobStatus(session: Session, jobId: string) {
  const job = exchangeState(session).job(jobId);
  const a = job.analysis;
  const column = a ? columnNamer(job, a.headers) : () => '';
  const present = (i: RowIssue) => ({ ...i, column: i.field ? column(i.field) : '' });
  return {
    state: job.state,
    rowsRead: job.rowsRead,
    error: job.error,
    applied: job.applied,
    summary: a && {
      rows: a.rows,
      accepted: a.candidates.length,
      rejected: a.rejected.length,
      errorCount: a.issueCount.errors,
      warningCount: a.issueCount.warnings,
      newUsers: importEntity(job.entity).newUsers?.(a.candidates) ?? [],
      errors: a.issues.filter((i) => i.severity === 'error').slice(0, ISSUES_SHOWN).map(present),
      warnings: a.issues.filter((i) => i.severity === 'warning').slice(0, ISSUES_SHOWN).map(present),
    },
  };
}

function readyJob(session: Session, jobId: string): ImportJob & { analysis: NonNullable<ImportJob['analysis']> } {
  const job = exchangeState(session).job(jobId);
  if (job.state !== 'done' || !job.analysis) throw new AppError('exchange.job_not_ready', 'The file check has not finished');
  return job as never;
}

export async function applyJob(session: Session, input: { jobId: string } & ApplyOptions & { dryRun: boolean }): Promise<ImportResult> {
  const job = readyJob(session, input.jobId);
  if (job.applied) throw new AppError('exchange.already_applied', 'This file has already been imported');
  const entity = importEntity(job.entity);
  if (!input.dryRun) {
    // Marked before the first await: a second click cannot start a second apply.
    job.applied = true;
    try {
      takeSafetyBackup(session, 'import');
    } catch (e) {
      job.applied = false;
      throw e;
    }
  }
  try {
    return applyImport(session.ctx(), entity, job.analysis, { ...input, fileName: job.fileName });
  } catch (e) {
    job.applied = false;
    throw e;
  }
}

export async function rejectedFile(session: Session, jobId: string, lang: 'ru' | 'en') {
  const job = readyJob(session, jobId);
  const state = exchangeState(session);
  const base = job.fileName.replace(/\.[^.]+$/, '');
  const out = state.files.create(`${base} — ошибки.xlsx`);
  const column = columnNamer(job, job.analysis.headers);
  const rows = await writeRejected(out.path, job.analysis, (i) => describeIssue(i, column, lang));
  return { fileId: out.fileId, rows };
}

export async function undoLast(session: Session, batchId: string) {
  // Undoing an import rewrites many records too: it gets its own way back.
  takeSafetyBackup(session, 'import');
  return undoImport(session.ctx(), batchId);
}

const EXTENSIONS = { xlsx: 'xlsx', csv: 'csv', 'csv-1c': 'csv', vcf: 'vcf' } as const;

export async function exportList(session: Session, req: ExportRequest) {
  const state = exchangeState(session);
  const stamp = session.now().toISOString().slice(0, 10);
  const base = exportEntity(req.entity).title;
  const out = state.files.create(`${base} ${stamp}${req.format === 'csv-1c' ? ' (1С)' : ''}.${EXTENSIONS[req.format]}`);
  try {
    return { fileId: out.fileId, rows: await writeExport(session.ctx(), req, out.path) };
  } catch (e) {
    // A refused or failed export leaves no half-written file behind.
    state.files.remove(out.fileId);
    throw e;
  }
}

/** A whole import of a stored file (uploaded or opened on this PC) with every step's defaults. */
export async function runStoredImport(session: Session, input: Omit<RunImportOptions, 'onProgress' | 'fileName'> & { fileId: string; lang: UiLanguage }) {
  if (input.entity === 'receivables' || input.entity === 'payments') return runStored(session, { ...input, entity: input.entity });
  const file = exchangeState(session).files.get(input.fileId);
  const result = await runImport(session, file.path, { ...input, fileName: file.name });
  return importReport(result, input.lang);
}

export function openLocalFile(session: Session, path: string): string {
  const st = statSync(path, { throwIfNoEntry: false });
  if (!st?.isFile()) throw new AppError('exchange.file_missing', `The file cannot be opened: ${path}`, { name: path });
  return exchangeState(session).files.register(path);
}

export function saveLocalFile(session: Session, fileId: string, path: string): { path: string } {
  const file = exchangeState(session).files.get(fileId);
  try {
    copyFileSync(file.path, path);
  } catch (e) {
    throw new AppError('exchange.save_failed', `Cannot write ${path}: ${(e as Error).message}`, { path, detail: (e as Error).message });
  }
  return { path };
}
