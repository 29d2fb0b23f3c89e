import { z } from 'zod';
import { proc } from '../procedures/define';
import { exchangeState } from './jobs';
import { CHUNK_BYTES } from './files';
import { EXPORT_FORMATS } from './export/write';
import { MATCH_KEYS } from './entities/types';
import { IMPORT_ENTITIES, EXPORT_ENTITIES, importEntity, exportEntity } from './entities/registry';
import { applyJob, exportList, inspectFile, jobStatus, previewSheet, rejectedFile, startAnalysis, undoLast } from './service';
import { deletePreset, listPresets, savePreset } from './mapping-store';
import { lastBatch } from './undo';
import { id } from '../validation/rules';

const entityKey = z.string().max(40);
const mapping = z
  .record(z.string().regex(/^\d{1,4}$/), z.string().max(80).nullable())
  .transform((m) => Object.fromEntries(Object.entries(m).map(([k, v]) => [Number(k), v])) as Record<number, string | null>);
const headers = z.array(z.string().max(500)).max(2000);

export const exchangeProcedures = {
  'exchange.entities': proc(z.object({}), (s) => ({
    imports: IMPORT_ENTITIES,
    exports: EXPORT_ENTITIES.map((key) => ({
      key,
      fields: exportEntity(key)
        .fields(s.ctx())
        .map((f) => ({ key: f.key, header: f.header })),
    })),
  })),
  /** Browser and desktop alike send the chosen file in base64 chunks (the doors stay JSON-only). */
  'exchange.upload': proc(
    z.object({
      uploadId: id.nullish(),
      name: z.string().min(1).max(500),
      // base64 of at most CHUNK_BYTES
      data: z.string().max(Math.ceil(CHUNK_BYTES / 3) * 4 + 4),
      last: z.boolean(),
    }),
    (s, i) => exchangeState(s).files.upload(i),
  ),
  'exchange.inspect': proc(z.object({ fileId: id }), (s, i) => inspectFile(s, i.fileId)),
  'exchange.preview': proc(
    z.object({ fileId: id, entity: entityKey, sheet: z.number().int().min(0).max(1000), headerRow: z.number().int().min(1).nullish() }),
    (s, i) => previewSheet(s, i),
  ),
  'exchange.analyse': proc(
    z.object({ fileId: id, entity: entityKey, sheet: z.number().int().min(0).max(1000), headerRow: z.number().int().min(1), mapping, remember: z.boolean().default(true) }),
    (s, i) => ({ jobId: startAnalysis(s, i).id }),
  ),
  'exchange.job': proc(z.object({ jobId: id }), (s, i) => jobStatus(s, i.jobId)),
  'exchange.cancel': proc(z.object({ jobId: id }), (s, i) => {
    exchangeState(s).job(i.jobId).abort.abort();
    return { ok: true };
  }),
  'exchange.apply': proc(
    z.object({
      jobId: id,
      policy: z.enum(['skip', 'update_empty', 'overwrite', 'create']),
      matchOrder: z.array(z.enum(MATCH_KEYS as [string, ...string[]])).min(1).max(3).default(['inn', 'phone', 'email']),
      dryRun: z.boolean().default(false),
    }),
    (s, i) => applyJob(s, { ...i, matchOrder: [...new Set(i.matchOrder)] as never }),
  ),
  'exchange.rejected': proc(z.object({ jobId: id, lang: z.enum(['ru', 'en']).default('ru') }), (s, i) => rejectedFile(s, i.jobId, i.lang)),
  'exchange.lastImport': proc(z.object({}), (s) => lastBatch(s.ctx())),
  'exchange.undo': proc(z.object({ batchId: id }), (s, i) => undoLast(s, i.batchId)),
  'exchange.presets': proc(z.object({ entity: entityKey }), (s, i) => listPresets(s.ctx(), importEntity(i.entity).key)),
  'exchange.savePreset': proc(z.object({ entity: entityKey, name: z.string().max(100), headers, mapping }), (s, i) =>
    savePreset(s.ctx(), importEntity(i.entity).key, i.name, i.headers, i.mapping),
  ),
  'exchange.deletePreset': proc(z.object({ id }), (s, i) => {
    deletePreset(s.ctx(), i.id);
    return { ok: true };
  }),
  'exchange.export': proc(
    z.object({
      entity: entityKey,
      format: z.enum(EXPORT_FORMATS),
      query: z.unknown().optional(),
      columns: z.array(z.string().max(80)).max(200).nullish(),
    }),
    (s, i) => exportList(s, i),
  ),
  'exchange.download': proc(z.object({ fileId: id, offset: z.number().int().min(0) }), (s, i) => exchangeState(s).files.read(i.fileId, i.offset)),
};
