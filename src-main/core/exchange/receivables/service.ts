import { randomUUID } from 'node:crypto';
import type { Session } from '../../workspace/session';
import { AppError } from '../../errors';
import { takeSafetyBackup } from '../../backup/safety';
import { createClient } from '../../clients/write';
import { clientFields } from '../../clients/schemas';
import { attachPayerPayments } from '../../receivables/ingest';
import { rememberCounterparty } from '../../receivables/names';
import { exchangeState } from '../jobs';
import { issueMessage } from '../messages';
import type { UiLanguage } from '../../../shared/i18n/languages';
import { analyseFile, partyKey, type FileAnalysis, type FileEntity, type Party } from './analyse-file';
import { applyFile, type ApplyChoices, type FileApplyResult } from './apply-file';

// The 1C imports as the wizard and the CLI call them: analyse (read, match, nothing
// written), then apply with the user's mappings; or both in one call (scripts, the CLI).

const analyses = new WeakMap<Session, Map<string, FileAnalysis>>();
const KEPT = 4; // analyses a session keeps (one wizard, a retry or two)

function store(session: Session): Map<string, FileAnalysis> {
  let m = analyses.get(session);
  if (!m) analyses.set(session, (m = new Map()));
  return m;
}

const partyView = (p: Party) => ({ name: p.name, inn: p.inn, rows: p.rows, documents: p.documents, payments: p.payments, candidates: p.candidates });

/** What the wizard shows before apply: the file's kind, sizes and every name to settle. */
export function summary(a: FileAnalysis, lang: UiLanguage) {
  return {
    entity: a.entity,
    kind: a.batch.kind,
    fileName: a.batch.fileName,
    period: a.batch.periodFrom && a.batch.periodTo ? { from: a.batch.periodFrom, to: a.batch.periodTo } : null,
    asOf: a.batch.asOf,
    documents: a.documents.length,
    payments: a.payments.length,
    outgoing: a.stats.outgoing,
    repeatedInFile: a.stats.repeatedInFile,
    rows: a.stats.rows,
    matched: a.parties.filter((p) => p.clientId).map((p) => ({ name: p.name, inn: p.inn, clientId: p.clientId })),
    unmatched: a.parties.filter((p) => !p.clientId).map(partyView),
    errors: a.problems.map((p) => ({ row: p.row, field: p.field, code: `receivables_import.cell_${p.code}`, message: `${p.column}: ${issueMessage(`receivables_import.cell_${p.code}`, { value: p.value }, lang)}` })),
  };
}

export async function analyseStored(session: Session, input: { fileId: string; entity: FileEntity; lang: UiLanguage }) {
  const file = exchangeState(session).files.get(input.fileId);
  const a = await analyseFile(session.ctx(), file.path, file.name, input.entity);
  const m = store(session);
  const analysisId = randomUUID();
  m.set(analysisId, a);
  while (m.size > KEPT) m.delete(m.keys().next().value!);
  return { analysisId, ...summary(a, input.lang) };
}

function applyWithBackup(session: Session, a: FileAnalysis, choices: ApplyChoices): FileApplyResult {
  if (!choices.dryRun) takeSafetyBackup(session, 'import');
  return applyFile(session.ctx(), a, choices);
}

export function applyStored(session: Session, input: ApplyChoices & { analysisId: string; lang: UiLanguage }) {
  const a = store(session).get(input.analysisId);
  if (!a) throw new AppError('exchange.job_unknown', 'This import is closed: start again');
  const r = applyWithBackup(session, a, input);
  // Applied once: a second click must not write again (the seam would find the hash anyway).
  if (r.applied && !r.dryRun) store(session).delete(input.analysisId);
  return report(a, r, input.lang);
}

/** Analyse and apply in one call (the CLI, scripts). */
export async function runStored(session: Session, input: ApplyChoices & { fileId: string; entity: FileEntity; lang: UiLanguage }) {
  const file = exchangeState(session).files.get(input.fileId);
  const a = await analyseFile(session.ctx(), file.path, file.name, input.entity);
  return report(a, applyWithBackup(session, a, input), input.lang);
}

/**
 * What an import reports to a script. The fields every import prints (dryRun, batchId,
 * headerRow, created, updated, skipped, rejected, errors, warnings) keep their meaning;
 * the rest says what the 1C file held and which names still need a client.
 */
export function report(a: FileAnalysis, r: FileApplyResult, lang: UiLanguage) {
  const s = summary(a, lang);
  const errors = [...s.errors];
  if (!r.applied && a.entity === 'receivables' && r.unmatched.length > 0) {
    const names = r.unmatched.slice(0, 5).map((p) => `«${p.name}»`).join(', ') + (r.unmatched.length > 5 ? ' …' : '');
    errors.push({ row: 0, field: 'client', code: 'receivables_import.unmatched', message: issueMessage('receivables_import.unmatched', { count: r.unmatched.length, names }, lang) });
  }
  const skippedKeys = new Set(a.parties.filter((p) => r.skipped.includes(p.name)).map(partyKey));
  const skippedRows = a.entity === 'receivables' ? a.documents.filter((d) => skippedKeys.has(d.party)).length : a.payments.filter((p) => skippedKeys.has(p.party)).length;
  return {
    entity: a.entity,
    kind: a.batch.kind,
    fileName: a.batch.fileName,
    applied: r.applied,
    dryRun: r.dryRun,
    batchId: r.batchId,
    headerRow: null,
    created: r.documents.created + r.payments.added,
    updated: r.documents.updated,
    skipped: skippedRows + r.payments.duplicates,
    rejected: a.problems.length,
    period: s.period,
    asOf: s.asOf,
    documents: { read: a.documents.length, ...r.documents },
    payments: { read: a.payments.length, ...r.payments, outgoing: a.stats.outgoing, repeatedInFile: a.stats.repeatedInFile },
    counterparties: { total: a.parties.length, matched: r.matched, mapped: r.mapped, skipped: r.skipped },
    unmatched: r.unmatched.map(partyView),
    errors,
    warnings: [] as { row: number; field: string; code: string; message: string }[],
  };
}

/** A payer of a statement who is no client yet becomes one; their payments attach to the new card. */
export function createClientFromPayer(session: Session, input: { inn: string; name: string }) {
  const ctx = session.ctx();
  const inn = input.inn.replace(/\D/g, '');
  if (!inn) throw new AppError('receivables_import.payer_inn', 'The payer has no ИНН');
  return ctx.ws.sqlite.transaction(() => {
    const kind = inn.length === 12 ? 'sole_trader' : 'organization';
    const { id } = createClient(ctx, clientFields.parse({ name: input.name.trim() || inn, inn, kind }));
    rememberCounterparty(ctx, input.name, id);
    return { clientId: id, payments: attachPayerPayments(ctx, inn, id) };
  })();
}
