import i18next from 'i18next';
import { formatMoney } from '../deals/money';
import { formatDate } from '../i18n';
import type { ReportColumn, ReportResult } from './types';

const locale = () => (i18next.language === 'en' ? 'en-US' : 'ru-RU');

/** One cell as the table shows it: money as «1 234 567 ₽», percents, days, months by name. */
export function showCell(r: ReportResult, column: ReportColumn, value: unknown, currency: string, totals = false): string {
  const t = i18next.t.bind(i18next);
  if (value === null || value === undefined) return column.type === 'text' && !totals ? t(`reports.none.${column.key}`, { defaultValue: '—' }) : '';
  if (r.report === 'base-audit' && column.key === 'problem') return t(`reports.problems.${String(value)}`);
  if (r.report === 'churn' && column.key === 'reason') return t(`reports.churnReason.${String(value)}`);
  switch (column.type) {
    case 'money':
      return formatMoney(Number(value), currency);
    case 'percent':
      return `${Number(value).toLocaleString(locale())} %`;
    case 'count':
    case 'number':
    case 'days':
      return Number(value).toLocaleString(locale());
    case 'month':
      return typeof value === 'string' && /^\d{4}-\d{2}$/.test(value)
        ? new Date(`${value}-01T00:00:00`).toLocaleDateString(locale(), { month: 'long', year: 'numeric' })
        : String(value);
    case 'date':
      return formatDate(String(value));
    default:
      return String(value);
  }
}
