import { afterEach, describe, expect, it } from 'vitest';
import { buildWorkspace, type Built } from '../../helpers/builders';
import { runReport } from '../../../src-main/core/reports/run';
import { reportQuery } from '../../../src-main/core/reports/types';

// Sales on a hand-made workspace: deals won by the date they were won, in Moscow time,
// per currency, by one and two dimensions, compared with the period before.

let w: Built;
afterEach(() => w?.dispose());

const query = (over: Record<string, unknown> = {}) => reportQuery.parse({ from: '2026-10-01', to: '2026-10-31', timeZone: 'Europe/Moscow', ...over });
const sales = (over: Record<string, unknown> = {}) => runReport(w.session.ctx(), 'sales', query(over));

function business() {
  w = buildWorkspace('2026-09-01T09:00:00.000Z');
  const anna = w.user('Анна');
  const boris = w.user('Борис');
  const vip = w.tag('VIP');
  const a = w.client('ООО «Альфа»', { region: 'Москва', tagIds: [vip] });
  const b = w.client('ООО «Бета»', { region: 'Казань' });
  const d = {
    // Won 31 October 23:30 Moscow = 20:30 UTC: October, not November.
    lateOctober: w.deal(a, { responsibleId: anna, amountKopecks: 1_000_050, source: 'Сайт' }),
    october: w.deal(b, { responsibleId: anna, amountKopecks: 500_000, source: 'Звонок' }),
    boris: w.deal(b, { responsibleId: boris, amountKopecks: 250_001 }),
    dollars: w.deal(a, { responsibleId: boris, amountKopecks: 10_000, currency: 'USD' }),
    // Won 1 November 00:10 Moscow = 31 October 21:10 UTC: November.
    november: w.deal(a, { responsibleId: anna, amountKopecks: 999 }),
    september: w.deal(b, { responsibleId: boris, amountKopecks: 300_000 }),
    lost: w.deal(a, { responsibleId: anna, amountKopecks: 777 }),
    open: w.deal(a, { responsibleId: anna, amountKopecks: 888 }),
  };
  w.wonAt(d.lateOctober, '2026-10-31T20:30:00.000Z');
  w.wonAt(d.october, '2026-10-05T10:00:00.000Z');
  w.wonAt(d.boris, '2026-10-20T10:00:00.000Z');
  w.wonAt(d.dollars, '2026-10-21T10:00:00.000Z');
  w.wonAt(d.november, '2026-10-31T21:10:00.000Z');
  w.wonAt(d.september, '2026-09-15T10:00:00.000Z');
  w.lostAt(d.lost, '2026-10-10T10:00:00.000Z');
  return { anna, boris, vip, d };
}

describe('sales report', () => {
  it('by manager: won deals of the period by the local date they were won, never mixing currencies', () => {
    business();
    const r = sales();
    expect(r.rows.map(({ manager, currency, count, amountKopecks, avgKopecks }) => ({ manager, currency, count, amountKopecks, avgKopecks }))).toEqual([
      { manager: 'Анна', currency: 'RUB', count: 2, amountKopecks: 1_500_050, avgKopecks: 750_025 },
      { manager: 'Борис', currency: 'RUB', count: 1, amountKopecks: 250_001, avgKopecks: 250_001 },
      { manager: 'Борис', currency: 'USD', count: 1, amountKopecks: 10_000, avgKopecks: 10_000 },
    ]);
    expect(r.totals).toEqual([
      { currency: 'RUB', count: 3, amountKopecks: 1_750_051, avgKopecks: 583_350 },
      { currency: 'USD', count: 1, amountKopecks: 10_000, avgKopecks: 10_000 },
    ]);
  });

  it('by manager and month, and by client tag and region; a month with no sales has no row', () => {
    business();
    const r = sales({ from: '2026-09-01', to: '2026-11-30', by: ['manager', 'month'] });
    expect(r.rows.filter((x) => x.currency === 'RUB').map(({ manager, month, count, amountKopecks }) => ({ manager, month, count, amountKopecks }))).toEqual([
      { manager: 'Анна', month: '2026-10', count: 2, amountKopecks: 1_500_050 },
      { manager: 'Борис', month: '2026-09', count: 1, amountKopecks: 300_000 },
      { manager: 'Борис', month: '2026-10', count: 1, amountKopecks: 250_001 },
      { manager: 'Анна', month: '2026-11', count: 1, amountKopecks: 999 },
    ]);
    const byTag = sales({ by: ['tag'] }).rows.filter((x) => x.currency === 'RUB');
    expect(byTag.map((x) => [x.tag, x.count, x.amountKopecks])).toEqual([
      ['VIP', 1, 1_000_050],
      [null, 2, 750_001],
    ]);
    const byRegion = sales({ by: ['region'] }).rows.filter((x) => x.currency === 'RUB');
    expect(byRegion.map((x) => [x.region, x.count])).toEqual([
      ['Москва', 1],
      ['Казань', 2],
    ]);
  });

  it('compares with the previous month', () => {
    business();
    const r = sales({ compare: true });
    expect(r.previous).toEqual({ from: '2026-09-01', to: '2026-09-30' });
    const borisRub = r.rows.find((x) => x.manager === 'Борис' && x.currency === 'RUB')!;
    expect(borisRub).toMatchObject({ amountKopecks: 250_001, prevAmountKopecks: 300_000, deltaPercent: -16.7 });
  });

  it('every number opens a deals list of exactly that many deals', () => {
    business();
    for (const by of [['manager'], ['manager', 'month'], ['tag'], ['region'], ['source'], ['pipeline']]) {
      const r = sales({ from: '2026-09-01', to: '2026-11-30', by });
      r.rows.forEach((row, i) => {
        const drill = r.drills[i]!.count!;
        expect(drill.list).toBe('deals');
        const list = w.call('deals.list', { ...(drill.filter as object), limit: 500 } as never) as { totals: { total: number; sumKopecks: number } };
        expect(list.totals.total, `${by.join('×')} row ${i}`).toBe(row.count);
        expect(list.totals.sumKopecks, `${by.join('×')} row ${i}`).toBe(row.amountKopecks);
      });
      r.totals.forEach((t, i) => {
        const list = w.call('deals.list', { ...(r.totalDrills[i]!.count!.filter as object), limit: 1 } as never) as { totals: { total: number } };
        expect(list.totals.total).toBe(t.count);
      });
    }
  });

  it('refuses an unknown dimension and a period that ends before it starts', () => {
    business();
    expect(() => sales({ by: ['planet'] })).toThrow(/Unknown dimension/);
    expect(reportQuery.safeParse({ from: '2026-10-31', to: '2026-10-01', timeZone: 'Europe/Moscow' }).success).toBe(false);
  });
});
