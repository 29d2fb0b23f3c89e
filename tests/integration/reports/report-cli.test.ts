import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorkspace, type Built } from '../../helpers/builders';
import { cli, cliIn, expectOneLineError } from '../../helpers/cli';
import { runReport } from '../../../src-main/core/reports/run';
import { reportQuery } from '../../../src-main/core/reports/types';

// `npm run cli -- report`: the field names other tools read, the same numbers as the
// core function the screen uses, the xlsx export, and one clear line for bad input.

let w: Built;
let anna: string;
beforeAll(() => {
  w = buildWorkspace('2026-10-01T09:00:00.000Z');
  anna = w.user('Анна');
  const c = w.client('ООО «Альфа»');
  const d1 = w.deal(c, { responsibleId: anna, amountKopecks: 123_456, source: 'Сайт' });
  const d2 = w.deal(c, { responsibleId: anna, amountKopecks: 500, source: 'Сайт' });
  w.wonAt(d1, '2026-10-10T09:00:00.000Z');
  w.lostAt(d2, '2026-10-11T09:00:00.000Z', w.reason('Дорого'));
  w.call('plans.set', { cells: [{ managerId: anna, month: '2026-10', amountKopecks: 1_000_000 }] });
});
afterAll(() => w.dispose());

const json = async (...args: string[]) => {
  const r = await cli('report', ...args, '--db', w.path, '--tz', 'Europe/Moscow', '--json');
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as { rows: Record<string, unknown>[]; totals: Record<string, unknown>[] };
};

describe('cli report', () => {
  it('prints the fields other tools read, money in integer kopecks', async () => {
    const sales = await json('sales', '--from', '2026-10-01', '--to', '2026-10-31', '--by', 'manager,month');
    expect(sales.rows).toEqual([expect.objectContaining({ manager: 'Анна', month: '2026-10', count: 1, amountKopecks: 123_456 })]);
    expect((await json('lost-reasons', '--month', '2026-10')).rows).toEqual([expect.objectContaining({ reason: 'Дорого', count: 1, amountKopecks: 500 })]);
    expect((await json('sources', '--month', '2026-10')).rows).toEqual([expect.objectContaining({ source: 'Сайт', deals: 2, won: 1, wonAmountKopecks: 123_456 })]);
    const plan = await json('plan-fact', '--month', '2026-10');
    expect(plan.rows).toContainEqual(expect.objectContaining({ manager: 'Анна', planKopecks: 1_000_000, factKopecks: 123_456 }));
  });

  it('gives the same numbers as the screen', async () => {
    const q = reportQuery.parse({ from: '2026-10-01', to: '2026-10-31', timeZone: 'Europe/Moscow' });
    for (const name of ['sales', 'funnel', 'activity', 'abc']) {
      const screen = runReport(w.session.ctx(), name, q);
      const printed = await json(name, '--month', '2026-10');
      expect(printed.rows, name).toEqual(JSON.parse(JSON.stringify(screen.rows)));
    }
  });

  it('writes the report to .xlsx with typed cells', async () => {
    const out = join(w.dir, 'sales.xlsx');
    const r = await cliIn({}, 'report', 'sales', '--db', w.path, '--month', '2026-10', '--tz', 'Europe/Moscow', '--format', 'xlsx', '--out', out);
    expect(r.code, r.stderr).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).values).toEqual([undefined, 'Менеджер', 'Выиграно сделок', 'Сумма', 'Средний чек']);
    expect(ws.getRow(2).values).toEqual([undefined, 'Анна', 1, 1234.56, 1234.56]);
    expect(ws.getRow(2).getCell(3).numFmt).toBe('#,##0.00 "₽"');
    expect(ws.getRow(3).getCell(1).value).toBe('Итого');
  });

  it('bad input: one clear line and a non-zero exit', async () => {
    expectOneLineError(await cli('report', 'turnover', '--db', w.path), /No report “turnover”/);
    expectOneLineError(await cli('report', 'sales', '--db', w.path, '--from', '2026-10-31', '--to', '2026-10-01'), /ends \(2026-10-01\) before it starts \(2026-10-31\)/);
    expectOneLineError(await cli('report', 'sales', '--db', w.path, '--month', '10.2026'), /--month must be a month as YYYY-MM/);
    expectOneLineError(await cli('report', 'sales', '--db', w.path, '--from', '2026-02-30'), /--from must be a date/);
    expectOneLineError(await cli('report', 'sales', '--db', w.path, '--by', 'planet'), /Cannot group by “planet”/);
    const ru = await cliIn({}, 'report', 'sales', '--db', w.path, '--month', '2026-10', '--tz', 'Europe/Moscow');
    expect(ru.stdout).toMatch(/^Продажи: 2026-10-01 — 2026-10-31$/m);
    expect(ru.stdout).toMatch(/Анна\s+1\s+1\s234,56\s₽/);
  });
});
