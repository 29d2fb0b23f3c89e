import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { EXPORT_FORMATS, type ExportFormat } from '../core/exchange/export/write';
import { EXPORT_ENTITIES } from '../core/exchange/entities/registry';
import { lang, t, UsageError, withDoor } from './door';
import { fileImportCommand, type FileImportFlags } from './receivables-import';

// import and export: the file on this PC is handed to the core by path (a procedure
// refused to other PCs), then the same procedures as the wizard's do the work.

const POLICIES = { skip: 'skip', update: 'update_empty', overwrite: 'overwrite', create: 'create' } as const;

function readPreset(path: string): Record<string, string | null> {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(resolve(path), 'utf8'));
  } catch (e) {
    throw new UsageError('errors.presetUnreadable', { path, detail: (e as Error).message });
  }
  // Either { "Header": "field" } or a saved preset { "mapping": { ... } }.
  const m = (raw && typeof raw === 'object' && 'mapping' in raw ? (raw as { mapping: unknown }).mapping : raw) as Record<string, unknown>;
  if (!m || typeof m !== 'object') throw new UsageError('errors.presetShape', { path });
  return Object.fromEntries(Object.entries(m).map(([k, v]) => [k, typeof v === 'string' ? v : null]));
}

export function importCommand(
  db: string | undefined,
  file: string | undefined,
  v: { entity?: string; mapping?: string; 'on-duplicate'?: string; 'dry-run'?: boolean; 'create-users'?: boolean; json?: boolean } & FileImportFlags,
): Promise<number> {
  if (!file) throw new UsageError('errors.importNeedsFile');
  if (v.entity === 'receivables' || v.entity === 'payments') return fileImportCommand(db, file, v.entity, v);
  const choice = v['on-duplicate'] ?? 'update';
  if (!Object.hasOwn(POLICIES, choice)) throw new UsageError('errors.onDuplicate', { value: choice });
  const policy = POLICIES[choice as keyof typeof POLICIES];
  const mapping = !v.mapping || v.mapping === 'auto' ? 'auto' : readPreset(v.mapping);
  return withDoor(db, async ({ call }) => {
    const { fileId } = await call('exchange.openLocal', { path: resolve(file) });
    const r = await call('exchange.run', { fileId, entity: v.entity ?? 'clients', mapping, policy, createUsers: v['create-users'], dryRun: v['dry-run'], lang: lang() });
    if (v.json) {
      console.log(JSON.stringify(r));
      return 0;
    }
    for (const e of r.errors) console.log(t('rowError', { row: e.row, message: e.message }));
    for (const w of r.warnings) console.log(t('rowWarning', { row: w.row, message: w.message }));
    const { created, updated, skipped, rejected } = r;
    const headerRow = r.headerRow ?? '-';
    console.log(t(r.dryRun ? 'importDryRun' : 'imported', { created, updated, skipped, rejected, headerRow }));
    return 0;
  });
}

export function exportCommand(db: string | undefined, entity: string | undefined, v: { format?: string; out?: string; json?: boolean }): Promise<number> {
  if (!entity || !EXPORT_ENTITIES.includes(entity)) throw new UsageError('errors.exportNeedsEntity', { entities: EXPORT_ENTITIES.join(', ') });
  const format = (v.format ?? 'xlsx') as ExportFormat;
  if (!EXPORT_FORMATS.includes(format)) throw new UsageError('errors.formatOneOf', { formats: EXPORT_FORMATS.join(', ') });
  if (!v.out) throw new UsageError('errors.outRequired');
  const out = resolve(v.out);
  return withDoor(db, async ({ call }) => {
    const { fileId, rows } = await call('exchange.export', { entity, format });
    await call('exchange.saveLocal', { fileId, path: out });
    console.log(v.json ? JSON.stringify({ rows, out }) : t('exported', { rows, entity, path: out }));
    return 0;
  });
}
