import { z } from 'zod';
import { proc, reads, writes } from '../procedures/define';
import { UI_LANGUAGES } from '../../shared/i18n/languages';
import { exchangeState } from '../exchange/jobs';
import { timeZone } from '../tasks/schemas';
import { limit, offset } from '../validation/rules';
import { auditFilter, listAudit } from './list';
import { writeAuditXlsx } from './export';
import { auditSettingsSchema, readAuditSettings, writeAuditSettings } from './retention';
import { settingsChange } from './spec';

// The log is read and exported under the 'users' permission (who did what is the
// owner's and admins' business); its retention is a setting. There is no procedure
// that edits or deletes an entry.

export const auditProcedures = {
  'audit.list': proc(
    reads('users'),
    z.object({ filter: auditFilter.prefault({}), offset, limit: limit(500, 100), withTotal: z.boolean().default(true) }),
    (s, i) => listAudit(s.ctx(), i.filter, i.offset, i.limit, i.withTotal),
  ),
  /** The filtered log as .xlsx in the exchange file store (download with exchange.download); itself recorded as an export. */
  'audit.export': proc(
    reads('users', { audit: { exports: true } }),
    z.object({ filter: auditFilter.prefault({}), lang: z.enum(UI_LANGUAGES).default('ru'), timeZone }),
    async (s, i) => {
      const files = exchangeState(s).files;
      const out = files.create(`${s.now().toISOString().slice(0, 10)} audit.xlsx`);
      try {
        return { fileId: out.fileId, rows: await writeAuditXlsx(s.ctx(), out.path, i.filter, i.lang, i.timeZone) };
      } catch (e) {
        files.remove(out.fileId);
        throw e;
      }
    },
  ),
  'audit.settings': proc(reads('settings'), z.object({}), (s) => readAuditSettings(s)),
  'audit.saveSettings': proc(writes('settings', { audit: settingsChange }), auditSettingsSchema, (s, i) => {
    writeAuditSettings(s, i);
    return readAuditSettings(s);
  }),
};
