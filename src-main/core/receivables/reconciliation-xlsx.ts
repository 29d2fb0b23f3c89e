import ExcelJS from 'exceljs';
import { message } from '../../shared/i18n/translate';
import type { UiLanguage } from '../../shared/i18n/languages';
import { neutralise } from '../exchange/export/values';
import type { Reconciliation, ReconciliationLine } from './reconciliation';
import { formatDate } from './format';

// The reconciliation statement as an .xlsx in the layout accountants know: a title, the
// parties and the period, a table Date | Document | Debit | Credit with the opening
// balance, the movements, the turnovers and the closing balance, and signature lines.
// Money cells are numbers in roubles (two decimals), dates real dates.

const MONEY = '#,##0.00';

function lineText(l: ReconciliationLine, lang: UiLanguage): string {
  const k = l.kind === 'document' ? `receivables.reconciliation.${l.documentKind === 'invoice' ? 'invoice' : 'shipment'}` : `receivables.reconciliation.${l.kind}`;
  return message(lang, k, { number: l.number || '—' });
}

export async function writeReconciliationXlsx(path: string, r: Reconciliation, lang: UiLanguage): Promise<void> {
  const t = (k: string, p: Record<string, string | number> = {}) => message(lang, `receivables.reconciliation.${k}`, p);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(t('sheet'));
  ws.columns = [{ width: 14 }, { width: 52 }, { width: 18 }, { width: 18 }];
  const title = ws.addRow([t('title')]);
  title.font = { bold: true, size: 14 };
  ws.addRow([neutralise(t('between', { company: r.company.name || '—', client: r.client.fullName || r.client.name }))]);
  ws.addRow([t('period', { from: formatDate(r.from, lang), to: formatDate(r.to, lang) })]);
  ws.addRow([]);
  const head = ws.addRow([t('date'), t('document'), t('debit'), t('credit')]);
  head.font = { bold: true };
  const money = (k: number) => (k === 0 ? null : k / 100);
  const balanceRow = (label: string, kopecks: number) => {
    const row = ws.addRow([null, label, kopecks > 0 ? kopecks / 100 : null, kopecks < 0 ? -kopecks / 100 : null]);
    row.font = { bold: true };
    return row;
  };
  balanceRow(t('opening', { date: formatDate(r.from, lang) }), r.openingKopecks);
  for (const l of r.lines) ws.addRow([new Date(`${l.date}T00:00:00Z`), neutralise(lineText(l, lang)), money(l.debitKopecks), money(l.creditKopecks)]);
  const turn = ws.addRow([null, t('turnover'), r.debitKopecks / 100, r.creditKopecks / 100]);
  turn.font = { bold: true };
  balanceRow(t('closing', { date: formatDate(r.to, lang) }), r.closingKopecks);
  ws.getColumn(1).numFmt = 'dd.mm.yyyy';
  ws.getColumn(3).numFmt = MONEY;
  ws.getColumn(4).numFmt = MONEY;
  ws.addRow([]);
  const owes = r.closingKopecks >= 0;
  ws.addRow([
    t(owes ? 'resultDebt' : 'resultAdvance', {
      date: formatDate(r.to, lang),
      client: r.client.fullName || r.client.name,
      company: r.company.name || '—',
      amount: new Intl.NumberFormat(lang === 'en' ? 'en-US' : 'ru-RU', { minimumFractionDigits: 2 }).format(Math.abs(r.closingKopecks) / 100),
    }),
  ]);
  ws.addRow([]);
  ws.addRow([t('signCompany', { signer: r.company.signer || '________________' })]);
  ws.addRow([t('signClient')]);
  await wb.xlsx.writeFile(path);
}
