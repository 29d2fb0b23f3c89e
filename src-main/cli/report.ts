import { resolve } from 'node:path';
import { message } from '../shared/i18n/translate';
import { cellText } from '../core/reports/export';
import { receivablesJson } from '../core/receivables/report';
import type { Cell, ReportColumn, ReportResult } from '../core/reports/types';
import { lang, UsageError, withDoor } from './door';

// `report NAME`: the same report function as the Reports screen and its Excel export,
// printed as a table, as JSON (`rows`, `totals`; money in integer kopecks) or written
// to an .xlsx.

export interface ReportFlags {
  from?: string;
  to?: string;
  month?: string;
  'as-of'?: string;
  by?: string;
  pipeline?: string;
  tz?: string;
  opt?: string[];
  json?: boolean;
  format?: string;
  out?: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function period(f: ReportFlags, tz: string): { from: string; to: string } {
  if (f.month !== undefined) {
    const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(f.month);
    if (!m) throw new UsageError('errors.reportMonth', { value: f.month });
    const last = new Date(Date.UTC(Number(m[1]), Number(m[2]), 0)).getUTCDate();
    return { from: `${f.month}-01`, to: `${f.month}-${String(last).padStart(2, '0')}` };
  }
  for (const [name, v] of [
    ['from', f.from],
    ['to', f.to],
    ['as-of', f['as-of']],
  ] as const) {
    if (v !== undefined && (!DAY.test(v) || Number.isNaN(Date.parse(`${v}T00:00:00Z`)) || new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) !== v)) {
      throw new UsageError('errors.reportDate', { name, value: v });
    }
  }
  // A report "as of a date" (receivables) reads one day.
  if (f['as-of'] !== undefined) return { from: f['as-of'], to: f['as-of'] };
  const today = new Intl.DateTimeFormat('sv-SE', { timeZone: tz }).format(new Date());
  const from = f.from ?? `${today.slice(0, 7)}-01`;
  const to = f.to ?? today;
  if (from > to) throw new UsageError('errors.reportOrder', { from, to });
  return { from, to };
}

function options(pairs: string[] | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const p of pairs ?? []) {
    const m = /^([a-zA-Z]+)=(.*)$/.exec(p);
    if (!m) throw new UsageError('errors.reportOption', { value: p });
    out[m[1]!] = m[2];
  }
  return out;
}

const format = (c: ReportColumn, v: Cell, currency: string): string => {
  const locale = lang() === 'en' ? 'en-US' : 'ru-RU';
  if (v === null) return '';
  if (c.type === 'money') return new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 2 }).format(Number(v) / 100);
  if (c.type === 'percent') return `${Number(v).toLocaleString(locale)} %`;
  if (c.type === 'date' && typeof v === 'string') return new Date(`${v.slice(0, 10)}T00:00:00Z`).toLocaleDateString(locale, { timeZone: 'UTC' });
  if (typeof v === 'number') return v.toLocaleString(locale);
  return String(v);
};

function printTable(r: ReportResult) {
  const head = r.columns.map((c) => message(lang(), c.label));
  const line = (row: Record<string, Cell>, totals = false) =>
    r.columns.map((c) => format(c, cellText(lang(), r.report, c, row[c.key] ?? null, totals), String(row.currency ?? 'RUB')));
  const label = (t: Record<string, Cell>) => (r.totals.length > 1 ? message(lang(), 'reports.totalsIn', { currency: String(t.currency) }) : message(lang(), 'reports.totals'));
  const body = [...r.rows.map((row) => line(row)), ...r.totals.map((t) => line({ ...t, [r.columns[0]!.key]: label(t) }, true))];
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const pad = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  console.log(message(lang(), `reports.names.${r.report}`) + `: ${r.period.from} — ${r.period.to}`);
  console.log(pad(head));
  for (const b of body) console.log(pad(b));
}

export function reportCommand(db: string | undefined, name: string | undefined, f: ReportFlags): Promise<number> {
  if (!name) throw new UsageError('errors.reportNeedsName');
  if (f.format !== undefined && f.format !== 'xlsx') throw new UsageError('errors.reportFormat', { value: f.format });
  if (f.format === 'xlsx' && !f.out) throw new UsageError('errors.outRequired');
  const tz = f.tz ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const query = { ...period(f, tz), timeZone: tz, by: f.by ? f.by.split(',').map((s) => s.trim()) : [], options: options(f.opt) };
  return withDoor(db, async ({ call }) => {
    let pipelineId: string | null = null;
    if (f.pipeline) {
      const found = (await call('pipelines.list', {})).find((p) => p.name.toLowerCase() === f.pipeline!.toLowerCase());
      if (!found) throw new UsageError('errors.reportPipeline', { name: f.pipeline });
      pipelineId = found.id;
    }
    const q = { ...query, pipelineId };
    if (f.format === 'xlsx') {
      const out = resolve(f.out!);
      const { fileId, rows } = await call('reports.export', { report: name, query: q, lang: lang() });
      await call('exchange.saveLocal', { fileId, path: out });
      console.log(f.json ? JSON.stringify({ rows, out }) : out);
      return 0;
    }
    const r = await call('reports.run', { report: name, query: q });
    if (f.json && r.report === 'receivables') console.log(JSON.stringify({ report: r.report, asOf: r.period.to, ...receivablesJson(r.rows, r.totals[0] ?? {}) }));
    else if (f.json) console.log(JSON.stringify({ report: r.report, period: r.period, previous: r.previous, rows: r.rows, totals: r.totals }));
    else printTable(r);
    return 0;
  });
}
