import { z } from 'zod';
import { about, settingsChange } from '../audit/spec';
import { proc, reads, writes } from '../procedures/define';
import { calendarDate, id } from '../validation/rules';
import { openDocuments } from './aging';
import { clientReceivables, documentForPrint } from './read';
import { addPayment, deletePayment, paymentInput, reassignInput, reassignPayment } from './payments';
import { createDocument, deleteDocument, documentInput, updateDocument } from './documents';
import { clientTerms, clientTermsInput, contractTermsInput, setClientTerms, setContractTerms } from './terms';
import { receivablesSettings, receivablesSettingsInput, setReceivablesSettings } from './settings';
import { listSteps, ensureDefaultSteps, saveSteps, stepInput } from './collection-steps';
import { deletePromise, promiseInput, takePromise } from './promises';
import { letterContent, recordLetterSent } from './letters';
import { requireClientVisible } from '../access/visibility';
import { receivablesTick } from './tick';
import { reconciliation } from './reconciliation';
import { writeReconciliationXlsx } from './reconciliation-xlsx';
import { exchangeState } from '../exchange/jobs';
import { timeZone } from '../tasks/schemas';
import { UI_LANGUAGES } from '../../shared/i18n/languages';
import { message } from '../../shared/i18n/translate';

// Receivables through the procedure table: every door (window, browser, CLI) comes here.
// A manager who sees own clients only sees their debts only (visibility in every query).

const asOf = calendarDate;
const period = z
  .object({ clientId: id, from: calendarDate, to: calendarDate })
  .refine((p) => p.from <= p.to, { message: 'report.period_order', path: ['to'] });
const onClient = about('client', (i: { clientId: string }) => i.clientId);

export const receivableProcedures = {
  'receivables.client': proc(reads('view'), z.object({ clientId: id, asOf }), (s, i) => clientReceivables(s.ctx(), i.clientId, i.asOf)),
  /** The report's drill-down: a client's documents still owed as of the date (optionally one bucket). */
  'receivables.documents': proc(
    reads('view'),
    z.object({ clientId: id, asOf, bucket: z.enum(['notDue', 'b0_30', 'b31_60', 'b61_90', 'b90plus']).nullish() }),
    (s, i) => openDocuments(s.ctx(), i.clientId, i.asOf).filter((d) => !i.bucket || d.bucket === i.bucket),
  ),
  'receivables.document': proc(reads('view'), z.object({ id, asOf }), (s, i) => documentForPrint(s.ctx(), i.id, i.asOf)),
  'receivables.createDocument': proc(writes('change', { audit: onClient }), documentInput, (s, i) => createDocument(s.ctx(), i)),
  'receivables.updateDocument': proc(writes('change', { audit: onClient }), z.object({ id, document: documentInput }).transform((v) => ({ ...v, clientId: v.document.clientId })), (s, i) =>
    updateDocument(s.ctx(), i.id, i.document),
  ),
  'receivables.deleteDocument': proc(writes('archive'), z.object({ id }), (s, i) => deleteDocument(s.ctx(), i.id)),
  'receivables.addPayment': proc(writes('change', { audit: onClient }), paymentInput, (s, i) => addPayment(s.ctx(), i)),
  'receivables.deletePayment': proc(writes('archive'), z.object({ id }), (s, i) => deletePayment(s.ctx(), i.id)),
  'receivables.reassignPayment': proc(writes('change'), reassignInput, (s, i) => reassignPayment(s.ctx(), i)),
  'receivables.terms': proc(reads('view'), z.object({ clientId: id }), (s, i) => clientTerms(s.ctx(), i.clientId)),
  'receivables.setTerms': proc(writes('change', { audit: onClient }), clientTermsInput, (s, i) => setClientTerms(s.ctx(), i)),
  'receivables.setContractTerms': proc(writes('change'), contractTermsInput, (s, i) => setContractTerms(s.ctx(), i)),
  'receivables.settings': proc(reads('view'), z.object({}), (s) => receivablesSettings(s.ctx())),
  'receivables.saveSettings': proc(writes('settings', { audit: settingsChange }), receivablesSettingsInput, (s, i) => setReceivablesSettings(s.ctx(), i)),
  'collection.steps': proc(reads('view'), z.object({}), (s) => {
    const ctx = s.ctx();
    ensureDefaultSteps(ctx);
    return listSteps(ctx);
  }),
  'receivables.takePromise': proc(writes('change', { audit: onClient }), promiseInput, (s, i) => takePromise(s.ctx(), i)),
  'receivables.deletePromise': proc(writes('archive'), z.object({ id }), (s, i) => deletePromise(s.ctx(), i.id)),
  /** A reminder letter's or a claim's content for a client as of a date (the printable page is the renderer's). */
  'receivables.letter': proc(
    reads('view'),
    z.object({ clientId: id, kind: z.enum(['letter', 'claim']), asOf, lang: z.enum(UI_LANGUAGES).default('ru') }),
    (s, i) => letterContent(s.ctx(), i.kind, i.clientId, i.asOf, i.lang),
  ),
  /** The user sent the letter or claim: recorded in the client's history with its documents and sum. */
  'receivables.letterSent': proc(
    writes('change', { audit: about('client', (i) => i.clientId) }),
    z.object({ clientId: id, kind: z.enum(['letter', 'claim']), asOf, lang: z.enum(UI_LANGUAGES).default('ru') }),
    (s, i) => {
      requireClientVisible(s.ctx(), i.clientId);
      return recordLetterSent(s.ctx(), i.kind, i.clientId, i.asOf, i.lang);
    },
  ),
  /** What the scheduler does every tick, now: promises resolved, the day's collection steps (once a day). */
  'receivables.runDaily': proc(writes('change'), z.object({ timeZone }), (s, i) => receivablesTick(s, i.timeZone)),
  'receivables.reconciliation': proc(reads('view'), period, (s, i) => reconciliation(s.ctx(), i.clientId, i.from, i.to)),
  /** The statement as .xlsx in the exchange file store (download with exchange.download, save with exchange.saveLocal). */
  'receivables.reconciliationExport': proc(reads('export'), period.and(z.object({ lang: z.enum(UI_LANGUAGES).default('ru') })), async (s, i) => {
    const data = reconciliation(s.ctx(), i.clientId, i.from, i.to);
    const files = exchangeState(s).files;
    const out = files.create(`${message(i.lang, 'receivables.reconciliation.sheet')} ${data.client.name} ${i.from} — ${i.to}.xlsx`);
    try {
      await writeReconciliationXlsx(out.path, data, i.lang);
      return { fileId: out.fileId, closingKopecks: data.closingKopecks };
    } catch (e) {
      files.remove(out.fileId);
      throw e;
    }
  }),
  'collection.saveSteps': proc(writes('settings', { audit: settingsChange }), z.object({ steps: z.array(stepInput).max(50) }), (s, i) => saveSteps(s.ctx(), i.steps)),
};
