import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Session } from '../core/workspace/session';
import { AppError } from '../core/errors';
import { runImport } from '../core/exchange/run';
import { describeIssue } from '../core/exchange/messages';
import { writeExport, EXPORT_FORMATS, type ExportFormat } from '../core/exchange/export/write';
import type { DuplicatePolicy, RowIssue } from '../core/exchange/entities/types';
import { EXPORT_ENTITIES } from '../core/exchange/entities/registry';

export class CliUsageError extends Error {}

const POLICIES: Record<string, DuplicatePolicy> = { skip: 'skip', update: 'update_empty', overwrite: 'overwrite', create: 'create' };

function readPreset(path: string): Record<string, string | null> {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(resolve(path), 'utf8'));
  } catch (e) {
    throw new CliUsageError(`cannot read the mapping preset ${path}: ${(e as Error).message}`);
  }
  // Either { "Header": "field" } or a saved preset { "mapping": { ... } }.
  const m = (raw && typeof raw === 'object' && 'mapping' in raw ? (raw as { mapping: unknown }).mapping : raw) as Record<string, unknown>;
  if (!m || typeof m !== 'object') throw new CliUsageError(`the mapping preset ${path} must be a JSON object of header → field`);
  return Object.fromEntries(Object.entries(m).map(([k, v]) => [k, typeof v === 'string' ? v : null]));
}

export async function importCommand(
  openSession: () => Session,
  file: string | undefined,
  v: { entity?: string; mapping?: string; 'on-duplicate'?: string; 'dry-run'?: boolean; json?: boolean },
): Promise<number> {
  if (!file) throw new CliUsageError('import needs a FILE');
  const policy = POLICIES[v['on-duplicate'] ?? 'update'];
  if (!policy) throw new CliUsageError(`--on-duplicate must be skip, update, overwrite or create, got "${v['on-duplicate']}"`);
  const mapping = !v.mapping || v.mapping === 'auto' ? 'auto' : readPreset(v.mapping);
  const s = openSession();
  try {
    const r = await runImport(s, resolve(file), {
      entity: v.entity ?? 'clients',
      mapping,
      policy,
      dryRun: v['dry-run'],
      onProgress: v.json ? undefined : (n) => process.stderr.write(`\rread ${n} rows`),
    });
    if (!v.json) process.stderr.write('\n');
    const column = (field: string) => {
      const col = Object.entries(r.mapping).find(([, f]) => f === field)?.[0];
      return col !== undefined ? r.headers[Number(col)] || field : field;
    };
    const present = (i: RowIssue) => ({ row: i.row, field: i.field, code: i.code, message: describeIssue(i, column, 'en') });
    const errors = r.issues.filter((i) => i.severity === 'error').map(present);
    const warnings = r.issues.filter((i) => i.severity === 'warning').map(present);
    if (v.json) {
      console.log(JSON.stringify({ dryRun: r.dryRun, batchId: r.batchId, headerRow: r.headerRow, created: r.created, updated: r.updated, skipped: r.skipped, rejected: r.analysis.rejected.length, errors, warnings }));
    } else {
      for (const e of errors) console.log(`row ${e.row}: error: ${e.message}`);
      for (const w of warnings) console.log(`row ${w.row}: warning: ${w.message}`);
      console.log(
        `${r.dryRun ? 'dry run, nothing written: would create' : 'created'} ${r.created}, updated ${r.updated}, skipped ${r.skipped}, rejected ${r.analysis.rejected.length} (header in row ${r.headerRow})`,
      );
    }
    return 0;
  } finally {
    s.close();
  }
}

export async function exportCommand(
  openSession: () => Session,
  entity: string | undefined,
  v: { format?: string; out?: string; json?: boolean },
): Promise<number> {
  if (!entity || !EXPORT_ENTITIES.includes(entity)) throw new CliUsageError(`export needs an ENTITY: ${EXPORT_ENTITIES.join(', ')}`);
  const format = (v.format ?? 'xlsx') as ExportFormat;
  if (!EXPORT_FORMATS.includes(format)) throw new CliUsageError(`--format must be one of ${EXPORT_FORMATS.join(', ')}`);
  if (!v.out) throw new CliUsageError('--out FILE is required');
  const s = openSession();
  try {
    const rows = await writeExport(s.ctx(), { entity, format }, resolve(v.out));
    console.log(v.json ? JSON.stringify({ rows, out: resolve(v.out) }) : `exported ${rows} ${entity} to ${resolve(v.out)}`);
    return 0;
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('exchange.export_failed', `cannot write ${v.out}: ${(e as Error).message}`);
  } finally {
    s.close();
  }
}
