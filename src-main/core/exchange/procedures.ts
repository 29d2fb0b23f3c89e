import { z } from 'zod';
import { isAbsolute } from 'node:path';
import { proc, reads, writes, runs } from '../procedures/define';
import { exchangeState } from './jobs';
import { CHUNK_BYTES } from './files';
import { EXPORT_FORMATS } from './export/write';
import { MATCH_KEYS } from './entities/types';
import { IMPORT_ENTITIES, EXPORT_ENTITIES, FILE_IMPORT_ENTITIES, importEntity, exportEntity } from './entities/registry';
import { applyJob, exportList, inspectFile, jobStatus, openLocalFile, previewSheet, rejectedFile, runStoredImport, saveLocalFile, startAnalysis, undoLast } from './service';
import { UI_LANGUAGES } from '../../shared/i18n/languages';
import { deletePreset, listPresets, savePreset } from './mapping-store';
import { lastBatch } from './undo';
import { id } from '../validation/rules';
import { receivablesImportProcedures } from './receivables/procedures';

const entityKey = z.string().max(40);
const mapping = z
  .record(z.string().regex(/^\d{1,4}$/), z.string().max(80).nullable())
  .transform((m) => Object.fromEntries(Object.entries(m).map(([k, v]) => [Number(k), v])) as Record<number, string | null>);
const headers = z.array(z.string().max(500)).max(2000);
const policy = z.enum(['skip', 'update_empty', 'overwrite', 'create']);
const matchOrder = z
  .array(z.enum(MATCH_KEYS as [string, ...string[]]))
  .min(1)
  .max(3)
  .default(['inn', 'phone', 'email'])
  .transform((keys) => [...new Set(keys)] as never);
const localPath = z
  .string()
  .min(1)
  .max(1000)
  .refine((p) => isAbsolute(p), 'workspace.path_absolute');

export const exchangeProcedures = {
  'exchange.entities': proc(reads('view'), z.object({}), (s) => ({
    imports: IMPORT_ENTITIES,
    fileImports: FILE_IMPORT_ENTITIES,
    exports: EXPORT_ENTITIES.map((key) => ({
      key,
      fields: exportEntity(key)
        .fields(s.ctx())
        .map((f) => ({ key: f.key, header: f.header })),
    })),
  })),
  /** Browser and desktop alike send the chosen file in base64 chunks (the doors stay JSON-only). */
  'exchange.upload': proc(runs('import'), z.object({
      uploadId: id.nullish(),
      name: z.string().min(1).max(500),
      // base64 of at most CHUNK_BYTES
      data: z.string().max(Math.ceil(CHUNK_BYTES / 3) * 4 + 4),
      last: z.boolean(),
    }),
    (s, i) => exchangeState(s).files.upload(i),
  ),
  'exchange.inspect': proc(reads('import'), z.object({ fileId: id }), (s, i) => inspectFile(s, i.fileId)),
  'exchange.preview': proc(reads('import'), z.object({ fileId: id, entity: entityKey, sheet: z.number().int().min(0).max(1000), headerRow: z.number().int().min(1).nullish() }),
    (s, i) => previewSheet(s, i),
  ),
  'exchange.analyse': proc(runs('import'), z.object({ fileId: id, entity: entityKey, sheet: z.number().int().min(0).max(1000), headerRow: z.number().int().min(1), mapping, remember: z.boolean().default(true) }),
    (s, i) => ({ jobId: startAnalysis(s, i).id }),
  ),
  'exchange.job': proc(reads('import'), z.object({ jobId: id }), (s, i) => jobStatus(s, i.jobId)),
  'exchange.cancel': proc(runs('import'), z.object({ jobId: id }), (s, i) => {
    exchangeState(s).job(i.jobId).abort.abort();
    return { ok: true };
  }),
  'exchange.apply': proc(runs('import'), z.object({
      jobId: id,
      policy,
      matchOrder,
      createUsers: z.boolean().default(false),
      dryRun: z.boolean().default(false),
    }),
    (s, i) => applyJob(s, i),
  ),
  /** A whole import in one call, every step with its defaults (scripts and the CLI). */
  'exchange.run': proc(
    runs('import'),
    z.object({
      fileId: id,
      entity: entityKey,
      /** 'auto' (a remembered layout or the header names) or header name → field key. */
      mapping: z.union([z.literal('auto'), z.record(z.string().max(500), z.string().max(80).nullable())]).default('auto'),
      policy: policy.default('update_empty'),
      matchOrder,
      createUsers: z.boolean().default(false),
      dryRun: z.boolean().default(false),
      lang: z.enum(UI_LANGUAGES).default('ru'),
    }),
    (s, i) => runStoredImport(s, i),
  ),
  /** A file on this PC (the CLI's argument, a desktop file dialog's choice), read in place. */
  'exchange.openLocal': proc(reads('import', { localOnly: true, paths: { path: { purpose: 'import.file' } } }), z.object({ path: localPath }), (s, i) => ({ fileId: openLocalFile(s, i.path) })),
  /** Writes a file the core made (an export, a rejected-rows report) to a path on this PC. */
  'exchange.saveLocal': proc(reads('export', { localOnly: true, paths: { path: { purpose: 'export.file' } } }), z.object({ fileId: id, path: localPath }), (s, i) => saveLocalFile(s, i.fileId, i.path)),
  'exchange.rejected': proc(reads('import'), z.object({ jobId: id, lang: z.enum(['ru', 'en']).default('ru') }), (s, i) => rejectedFile(s, i.jobId, i.lang)),
  'exchange.lastImport': proc(reads('import'), z.object({}), (s) => lastBatch(s.ctx())),
  'exchange.undo': proc(runs('import'), z.object({ batchId: id }), (s, i) => undoLast(s, i.batchId)),
  'exchange.presets': proc(reads('import'), z.object({ entity: entityKey }), (s, i) => listPresets(s.ctx(), importEntity(i.entity).key)),
  'exchange.savePreset': proc(writes('import'), z.object({ entity: entityKey, name: z.string().max(100), headers, mapping }), (s, i) =>
    savePreset(s.ctx(), importEntity(i.entity).key, i.name, i.headers, i.mapping),
  ),
  'exchange.deletePreset': proc(writes('import'), z.object({ id }), (s, i) => {
    deletePreset(s.ctx(), i.id);
    return { ok: true };
  }),
  'exchange.export': proc(reads('export'), z.object({
      entity: entityKey,
      format: z.enum(EXPORT_FORMATS),
      query: z.unknown().optional(),
      columns: z.array(z.string().max(80)).max(200).nullish(),
    }),
    (s, i) => exportList(s, i),
  ),
  'exchange.download': proc(reads('view'), z.object({ fileId: id, offset: z.number().int().min(0) }), (s, i) => exchangeState(s).files.read(i.fileId, i.offset)),
  ...receivablesImportProcedures,
};
