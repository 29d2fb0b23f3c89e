import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { buildWorkspace, type Built } from '../../helpers/builders';
import { cli } from '../../helpers/cli';
import { readMonth } from '../../../src-main/core/exchange/entities/plans';

// Sales plans from a file (entity `plans`): manager, month in the ways people write it,
// amount; through the CLI as an accountant's script would run it.

let w: Built;
afterEach(() => w?.dispose());

describe('months as people write them', () => {
  it('reads 10.2026, 2026-10, 10/2026, «октябрь 2026», «Окт. 2026 г.», a date and an Excel date cell', () => {
    for (const text of ['10.2026', '2026-10', '10/2026', 'октябрь 2026', 'Октябрь 2026 г.', 'окт. 2026', 'October 2026', '01.10.2026']) expect(readMonth(text), text).toBe('2026-10');
    expect(readMonth(new Date(Date.UTC(2027, 0, 15)))).toBe('2027-01');
    expect(readMonth(10.202)).toBe('2020-10'); // «10.2020» typed into Excel, stored as a number
    expect(readMonth(3.2026)).toBe('2026-03');
    for (const bad of ['13.2026', '2026', 'осень 2026', '10.26', '']) expect(readMonth(bad), bad).toBeNull();
  });
});

describe('cli import --entity plans', () => {
  it('sets each manager’s months, names the row and field of a bad line, updates on re-import, and undo puts the plans back', async () => {
    w = buildWorkspace('2026-10-01T09:00:00.000Z');
    const anna = w.user('Анна Смирнова');
    const boris = w.user('Борис Котов');
    const write = async (name: string, rows: unknown[][]) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('План');
      ws.addRow(['Менеджер', 'Месяц', 'План, руб.']);
      for (const r of rows) ws.addRow(r);
      const path = join(w.dir, name);
      await wb.xlsx.writeFile(path);
      return path;
    };
    const file = await write('plan.xlsx', [
      ['Анна Смирнова', '10.2026', 1_500_000],
      ['анна смирнова', '2026-11', '1 600 000,50 ₽'],
      ['Борис Котов', 'декабрь 2026', 900_000],
      ['Борис Котов', new Date(Date.UTC(2027, 0, 1)), 950_000],
      ['Вера Лисицына', '10.2026', 100],
      ['Борис Котов', 'осень', 100],
    ]);
    const r = await cli('import', file, '--db', w.path, '--entity', 'plans', '--json');
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { created: number; rejected: number; batchId: string; errors: { row: number; field: string; message: string }[] };
    expect([out.created, out.rejected]).toEqual([4, 2]);
    expect(out.errors.map((e) => [e.row, e.field])).toEqual([
      [6, 'manager'],
      [7, 'month'],
    ]);
    expect(out.errors[0]!.message).toContain('Вера Лисицына');

    const plans = () => w.call('plans.get', { year: 2026 }).concat(w.call('plans.get', { year: 2027 }));
    expect(plans()).toEqual(
      expect.arrayContaining([
        { managerId: anna, month: '2026-10', amountKopecks: 150_000_000 },
        { managerId: anna, month: '2026-11', amountKopecks: 160_000_050 },
        { managerId: boris, month: '2026-12', amountKopecks: 90_000_000 },
        { managerId: boris, month: '2027-01', amountKopecks: 95_000_000 },
      ]),
    );
    expect(plans()).toHaveLength(4);

    // A corrected file: October changes, the rest is the same.
    const fix = await write('plan-fixed.xlsx', [['Анна Смирнова', '10.2026', 1_700_000]]);
    const again = JSON.parse((await cli('import', fix, '--db', w.path, '--entity', 'plans', '--json')).stdout) as { updated: number; batchId: string };
    expect(again.updated).toBe(1);
    expect(plans()).toContainEqual({ managerId: anna, month: '2026-10', amountKopecks: 170_000_000 });

    // The plan-fact report reads them.
    const report = await cli('report', 'plan-fact', '--db', w.path, '--month', '2026-10', '--json');
    expect(JSON.parse(report.stdout).rows).toContainEqual(expect.objectContaining({ manager: 'Анна Смирнова', planKopecks: 170_000_000 }));

    // Undo of the correction puts October back.
    w.call('exchange.undo', { batchId: again.batchId });
    expect(plans()).toContainEqual({ managerId: anna, month: '2026-10', amountKopecks: 150_000_000 });
  });
});
