import ExcelJS from 'exceljs';
import { message } from '../../shared/i18n/translate';
import type { UiLanguage } from '../../shared/i18n/languages';
import { assertEncodable } from '../exchange/export/encodable';
import { neutralise } from '../exchange/export/values';
import { COLLECTION_ACTIONS } from '../db/schema/enums';
import type { Cell, ColumnType, ReportColumn, ReportResult } from './types';

// A report's table as an .xlsx in the style of the list exports: a bold frozen header,
// typed cells (money in roubles with two decimals and its currency, percents, counts,
// dates), one totals row per currency. The same rows as the screen and `--json`.

const FORMATS: Partial<Record<ColumnType, string>> = {
  count: '#,##0',
  number: '#,##0',
  percent: '0.0%',
  days: '0.0',
  date: 'dd.mm.yyyy',
  month: 'mm.yyyy',
};

/** What a cell shows in words: names of codes (problems, churn reasons), "no value" by column. */
export function cellText(lang: UiLanguage, report: string, column: ReportColumn, value: Cell, totals = false): Cell {
  if (value === null) return column.type === 'text' && !totals ? message(lang, `reports.none.${column.key}`) : null;
  if (report === 'base-audit' && column.key === 'problem') return message(lang, `reports.problems.${value}`);
  if (report === 'churn' && column.key === 'reason') return message(lang, `reports.churnReason.${value}`);
  if (report === 'receivables' && column.key === 'nextStep' && (COLLECTION_ACTIONS as readonly unknown[]).includes(value)) return message(lang, `receivables.actions.${value}`);
  return value;
}

function typed(column: ReportColumn, value: Cell): unknown {
  if (value === null) return null;
  if (column.type === 'money') return Number(value) / 100;
  if (column.type === 'percent') return Number(value) / 100;
  if (column.type === 'date' && typeof value === 'string') return new Date(`${value.slice(0, 10)}T00:00:00Z`);
  if (column.type === 'month' && typeof value === 'string' && /^\d{4}-\d{2}$/.test(value)) return new Date(`${value}-01T00:00:00Z`);
  return typeof value === 'string' ? neutralise(value) : value;
}

export async function writeReportXlsx(path: string, result: ReportResult, lang: UiLanguage): Promise<number> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
  const title = message(lang, `reports.names.${result.report}`);
  const ws = wb.addWorksheet(title.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  const hasCurrency = result.rows.some((r) => r.currency !== undefined && r.currency !== 'RUB') || result.totals.length > 1;
  const columns = hasCurrency ? [...result.columns, { key: 'currency', type: 'text' as const, label: 'reports.col.currency' }] : result.columns;
  ws.columns = columns.map((c) => ({
    header: message(lang, c.label),
    key: c.key,
    width: c.type === 'text' ? 28 : 16,
    style: FORMATS[c.type] ? { numFmt: FORMATS[c.type] } : {},
  }));
  ws.getRow(1).font = { bold: true };
  const write = (row: Record<string, Cell>, bold: boolean, n: number) => {
    const values = columns.map((c) => typed(c, cellText(lang, result.report, c, row[c.key] ?? null, bold)));
    values.forEach((v, i) => {
      if (typeof v === 'string') assertEncodable(v, 'xlsx', { row: n, field: message(lang, columns[i]!.label), record: '' });
    });
    const line = ws.addRow(values);
    const currency = typeof row.currency === 'string' ? row.currency : 'RUB';
    columns.forEach((c, i) => {
      if (c.type === 'money') line.getCell(i + 1).numFmt = currency === 'RUB' ? '#,##0.00 "₽"' : `#,##0.00 "${currency}"`;
    });
    if (bold) line.font = { bold: true };
    line.commit();
  };
  let n = 1;
  for (const row of result.rows) write(row, false, ++n);
  for (const t of result.totals) {
    const label = hasCurrency && typeof t.currency === 'string' ? message(lang, 'reports.totalsIn', { currency: t.currency }) : message(lang, 'reports.totals');
    write({ ...t, [columns[0]!.key]: label }, true, ++n);
  }
  ws.commit();
  await wb.commit();
  return result.rows.length;
}
