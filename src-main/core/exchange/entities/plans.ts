import type { Ctx } from '../../context';
import { isoNow } from '../../context';
import { prepared } from '../../db/statements';
import { newId } from '../../ids';
import { foldText } from '../../text/fold';
import { cellDate, cellText } from '../cells';
import { cellMoney } from './deal-fields';
import { field, usersByName } from './field-kit';
import type { ApplyCounts, FieldDef, ImportEntity } from './types';

// Sales plans from a file: one row per manager and month (as accountants keep them in
// Excel), the same table the «План и факт» grid edits. Roubles only, as the grid.

export const PLAN_FIELDS: FieldDef[] = [
  field('manager', 'text', ['Менеджер', 'Сотрудник', 'Ответственный', 'ФИО', 'Manager', 'Employee']),
  field('month', 'text', ['Месяц', 'Период', 'Month', 'Period']),
  field('amount', 'money', ['План', 'Сумма', 'Сумма плана', 'План продаж', 'План, руб.', 'Plan', 'Amount', 'Target']),
];

export interface PlanRecord {
  managerId: string;
  month: string;
  amountKopecks: number;
}

const MONTHS: Record<string, number> = {};
[
  ['январь', 'января', 'янв', 'january', 'jan'],
  ['февраль', 'февраля', 'фев', 'february', 'feb'],
  ['март', 'марта', 'мар', 'march', 'mar'],
  ['апрель', 'апреля', 'апр', 'april', 'apr'],
  ['май', 'мая', 'may'],
  ['июнь', 'июня', 'июн', 'june', 'jun'],
  ['июль', 'июля', 'июл', 'july', 'jul'],
  ['август', 'августа', 'авг', 'august', 'aug'],
  ['сентябрь', 'сентября', 'сен', 'сент', 'september', 'sep', 'sept'],
  ['октябрь', 'октября', 'окт', 'october', 'oct'],
  ['ноябрь', 'ноября', 'ноя', 'november', 'nov'],
  ['декабрь', 'декабря', 'дек', 'december', 'dec'],
].forEach((names, i) => names.forEach((n) => (MONTHS[n] = i + 1)));

const pad = (m: number) => String(m).padStart(2, '0');
const valid = (y: number, m: number) => y >= 2000 && y <= 2100 && m >= 1 && m <= 12;

/** '10.2026', '2026-10', '10/2026', 'октябрь 2026', 'Oct 2026', or a date cell: 'yyyy-mm'. */
export function readMonth(cell: Parameters<typeof cellText>[0]): string | null {
  if (cell instanceof Date) {
    const d = cellDate(cell);
    return d && d !== 'invalid' ? d.slice(0, 7) : null;
  }
  // «10.2026» typed into Excel becomes the number 10.2026 (and 10.2020 becomes 10.202).
  const text = (typeof cell === 'number' ? (cell >= 1 && cell < 13 ? cell.toFixed(4) : '') : cellText(cell))?.trim().toLowerCase().replace(/\s+г\.?$/, '');
  if (!text) return null;
  let m = /^(\d{1,2})[./-](\d{4})$/.exec(text);
  if (m && valid(+m[2]!, +m[1]!)) return `${m[2]}-${pad(+m[1]!)}`;
  m = /^(\d{4})[./-](\d{1,2})$/.exec(text);
  if (m && valid(+m[1]!, +m[2]!)) return `${m[1]}-${pad(+m[2]!)}`;
  m = /^([a-zа-яё.]+)\s+(\d{4})$/.exec(text);
  const month = m ? MONTHS[m[1]!.replace(/\.$/, '')] : undefined;
  if (m && month && valid(+m[2]!, month)) return `${m[2]}-${pad(month)}`;
  // A full date typed as text (01.10.2026): its month.
  if (!/^\d{1,2}[./-]\d{1,2}[./-]\d{4}$|^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  const d = cellDate(text);
  return d && d !== 'invalid' ? d.slice(0, 7) : null;
}

interface PlanEnv {
  users: Map<string, string>;
}

export const plansImport: ImportEntity<PlanRecord, PlanEnv> = {
  key: 'plans',
  fields: () => PLAN_FIELDS,
  prepare: (ctx) => ({ users: usersByName(ctx) }),
  build(env, get, row, issues) {
    const error = (f: string, code: string, params?: Record<string, string | number>) => issues.push({ row, field: f, code, params, severity: 'error' });
    const first = (f: string) => get(f).find((c) => cellText(c) !== null) ?? null;
    const name = cellText(first('manager'));
    const managerId = name ? (env.users.get(foldText(name)) ?? null) : null;
    if (!name) error('manager', 'required');
    else if (!managerId) error('manager', 'exchange.plan_user_unknown', { value: name });
    const monthCell = first('month');
    const month = readMonth(monthCell);
    if (!monthCell) error('month', 'required');
    else if (!month) error('month', 'exchange.month_invalid', { value: cellText(monthCell) ?? '' });
    const amountCell = first('amount');
    const money = cellMoney(amountCell);
    if (!amountCell) error('amount', 'required');
    else if (money === 'invalid' || !money || money.kopecks > 1_000_000_000_000 || (money.currency && money.currency !== 'RUB')) {
      error('amount', 'exchange.amount_invalid', { value: cellText(amountCell) ?? '' });
    }
    if (!managerId || !month || !money || money === 'invalid' || issues.some((i) => i.row === row && i.severity === 'error')) return null;
    return { managerId, month, amountKopecks: money.kopecks };
  },
  sameKeys: (r) => [`${r.managerId}|${r.month}`],
  // A later row for the same manager and month is the correction: it wins.
  merge(into, other) {
    into.amountKopecks = other.amountKopecks;
  },
  applyInChunks: true,
  // A plan is one number: any policy but «skip» sets it from the file (a corrected plan file is re-imported).
  apply(ctx, _env, candidates, options, journal) {
    const counts: ApplyCounts = { created: 0, updated: 0, skipped: 0, outcomes: [] };
    const s = ctx.ws.sqlite;
    const find = prepared(s, `SELECT id, amount_kopecks AS amountKopecks FROM plans WHERE manager_id = ? AND month = ? AND currency = 'RUB'`);
    const now = isoNow(ctx);
    for (const c of candidates) {
      const r = c.record;
      const existing = find.get(r.managerId, r.month) as { id: string; amountKopecks: number } | undefined;
      if (!existing) {
        const id = newId();
        prepared(s, `INSERT INTO plans (id, manager_id, month, amount_kopecks, currency, created_at, updated_at, created_by) VALUES (?, ?, ?, ?, 'RUB', ?, ?, ?)`).run(
          id, r.managerId, r.month, r.amountKopecks, now, now, ctx.userId,
        );
        journal.created('plan', id);
        counts.created++;
        counts.outcomes.push({ row: c.row, action: 'created', id });
      } else if (options.policy === 'skip' || existing.amountKopecks === r.amountKopecks) {
        counts.skipped++;
        counts.outcomes.push({ row: c.row, action: existing.amountKopecks === r.amountKopecks ? 'unchanged' : 'skipped', id: existing.id });
      } else {
        prepared(s, 'UPDATE plans SET amount_kopecks = ?, updated_at = ? WHERE id = ?').run(r.amountKopecks, now, existing.id);
        journal.updated('plan', existing.id, { amountKopecks: existing.amountKopecks });
        counts.updated++;
        counts.outcomes.push({ row: c.row, action: 'updated', id: existing.id });
      }
    }
    return counts;
  },
  revert(ctx: Ctx, item) {
    const s = ctx.ws.sqlite;
    if (item.action === 'created') prepared(s, 'DELETE FROM plans WHERE id = ?').run(item.id);
    else prepared(s, 'UPDATE plans SET amount_kopecks = ? WHERE id = ?').run((item.previous as { amountKopecks: number }).amountKopecks, item.id);
  },
};
