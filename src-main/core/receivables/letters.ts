import { isoNow, type Ctx } from '../context';
import { AppError } from '../errors';
import { logHistoryEvent } from '../history/events';
import { message } from '../../shared/i18n/translate';
import type { UiLanguage } from '../../shared/i18n/languages';
import { openDocuments } from './aging';
import { clientRequisites } from './read';
import { receivablesSettings } from './settings';
import { addDays } from './collection-steps';
import { formatDate, formatMoney } from './format';

// The content of a reminder letter and of a claim (претензия): our requisites, the
// client's, the overdue documents with what each still owes, the total, and the text
// from the template of the language (receivables.letters.* in the dictionaries). The
// renderer prints it (recv-ui); the daily scenario records each one sent in history.

export type LetterKind = 'letter' | 'claim';

/** Days the claim gives to pay before the matter goes to court (the usual 30-day claim procedure is for the court; 10 is the business custom). */
const CLAIM_DAYS = 10;

export function letterContent(ctx: Ctx, kind: LetterKind, clientId: string, asOf: string, lang: UiLanguage, documentIds?: readonly string[]) {
  const client = clientRequisites(ctx, clientId);
  const company = receivablesSettings(ctx).company;
  const docs = openDocuments(ctx, clientId, asOf).filter((d) => d.daysPastDue >= 0 && (!documentIds || documentIds.includes(d.id)));
  const total = docs.reduce((n, d) => n + d.openKopecks, 0);
  const deadline = addDays(asOf, CLAIM_DAYS);
  const params = {
    client: client.fullName || client.name,
    company: company.name,
    amount: formatMoney(total, lang),
    date: formatDate(asOf, lang),
    deadline: formatDate(deadline, lang),
    count: docs.length,
  };
  const key = kind === 'letter' ? 'receivables.letters.reminder' : 'receivables.letters.claim';
  return {
    kind,
    date: asOf,
    title: message(lang, `${key}.title`, params),
    to: client,
    from: company,
    paragraphs: [message(lang, `${key}.intro`, params), message(lang, `${key}.demand`, params), message(lang, `${key}.closing`, params)],
    documents: docs.map((d) => ({ id: d.id, number: d.number, date: d.date, due: d.due, amountKopecks: d.amountKopecks, openKopecks: d.openKopecks, daysPastDue: d.daysPastDue })),
    totalKopecks: total,
    deadline: kind === 'claim' ? deadline : null,
    signer: company.signer,
  };
}

/**
 * A letter or claim the user sent (printed and posted, or e-mailed): one entry in the
 * client's history with the documents it named and the sum, as the scenario's own
 * letters are recorded, so the card's timeline says what was demanded and when.
 */
export function recordLetterSent(ctx: Ctx, kind: LetterKind, clientId: string, asOf: string, lang: UiLanguage): { historyId: string; totalKopecks: number } {
  const letter = letterContent(ctx, kind, clientId, asOf, lang);
  if (letter.documents.length === 0) throw new AppError('receivables.nothing_overdue', 'Nothing is overdue for this client: no letter to record');
  const historyId = logHistoryEvent(
    ctx,
    { clientId, at: isoNow(ctx) },
    { type: kind === 'letter' ? 'collection_letter' : 'collection_claim', title: letter.documents.map((d) => d.number).join(', '), amountKopecks: String(letter.totalKopecks) },
  );
  return { historyId, totalKopecks: letter.totalKopecks };
}
