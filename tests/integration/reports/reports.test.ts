import { afterEach, describe, expect, it } from 'vitest';
import { buildWorkspace, type Built } from '../../helpers/builders';
import { runReport } from '../../../src-main/core/reports/run';
import { reportQuery, type ReportResult } from '../../../src-main/core/reports/types';
import { REPORTS } from '../../../src-main/core/reports/registry';
import { abcClass, xyzClass } from '../../../src-main/core/reports/abc';

// Each report's arithmetic on a small hand-made agency, and every clickable number
// against the list it opens.

let w: Built;
afterEach(() => w?.dispose());

const Q = (over: Record<string, unknown> = {}) => reportQuery.parse({ from: '2026-10-01', to: '2026-10-31', timeZone: 'Europe/Moscow', ...over });
const run = (name: string, over: Record<string, unknown> = {}) => runReport(w.session.ctx(), name, Q(over));

/** Every drill-down of a report opens a list whose total equals the number (the list counted in the report's zone). */
function expectDrillsMatch(r: ReportResult, timeZone = 'Europe/Moscow') {
  const check = (value: unknown, drill: { list: string; filter: Record<string, unknown> } | undefined, where: string) => {
    if (!drill || typeof value !== 'number') return;
    let total: number;
    if (drill.list === 'deals') {
      const totals = (w.call('deals.list', { ...(drill.filter as object), limit: 1 } as never) as { totals: { total: number; sumKopecks: number } }).totals;
      // A sum opens the deals it adds up.
      total = where.endsWith('Kopecks') ? totals.sumKopecks : totals.total;
    }
    else if (drill.list === 'clients') total = (w.call('clients.list', { query: drill.filter as never, limit: 1 }) as { total: number }).total;
    else if (drill.list === 'history') total = (w.call('history.search', { filter: drill.filter as never, limit: 1 }) as { total: number }).total;
    else {
      const { bucket, ...filter } = drill.filter as { bucket: 'done' | 'overdue' };
      total = (w.call('tasks.counts', { filter: filter as never, timeZone }) as Record<string, number>)[bucket]!;
    }
    expect(total, `${r.report} ${where}`).toBe(value);
  };
  r.rows.forEach((row, i) => Object.entries(r.drills[i] ?? {}).forEach(([k, d]) => check(row[k], d, `row ${i} ${k}`)));
  r.totals.forEach((row, i) => Object.entries(r.totalDrills[i] ?? {}).forEach(([k, d]) => check(row[k], d, `totals ${i} ${k}`)));
}

function agency() {
  w = buildWorkspace('2026-09-01T09:00:00.000Z');
  const anna = w.user('Анна');
  const boris = w.user('Борис');
  const vera = w.user('Вера'); // a plan and no deals
  const expensive = w.reason('Дорого');
  const competitor = w.reason('Ушли к конкуренту');
  const a = w.client('ООО «Альфа»');
  const b = w.client('ООО «Бета»');
  const c = w.client('ООО «Гамма»');
  w.at('2026-10-02T09:00:00.000Z');
  const skipped = w.deal(a, { responsibleId: anna, amountKopecks: 1_000_000, source: 'Сайт' });
  const lostAt2 = w.deal(b, { responsibleId: anna, amountKopecks: 200_000, source: 'Сайт' });
  const stepByStep = w.deal(c, { responsibleId: boris, amountKopecks: 300_000, source: 'Звонок' });
  const usd = w.deal(a, { responsibleId: boris, amountKopecks: 50_000, currency: 'USD', source: 'Звонок' });
  const stillOpen = w.deal(b, { responsibleId: boris, amountKopecks: 400_000, expectedClose: '2026-11-15' });
  // Skips every middle stage straight to won.
  w.wonAt(skipped, '2026-10-10T09:00:00.000Z');
  // Lost at the second open stage.
  const second = w.pipeline().stages.filter((s) => s.kind === 'open')[1]!.name;
  w.moveAt(lostAt2, second, '2026-10-05T09:00:00.000Z');
  w.lostAt(lostAt2, '2026-10-12T09:00:00.000Z', expensive, 'Нашли дешевле');
  for (const [i, s] of w.pipeline().stages.filter((s) => s.kind === 'open').slice(1).entries()) w.moveAt(stepByStep, s.name, `2026-10-${String(6 + i * 2).padStart(2, '0')}T09:00:00.000Z`);
  w.wonAt(stepByStep, '2026-10-20T09:00:00.000Z');
  w.lostAt(usd, '2026-10-21T09:00:00.000Z', competitor);
  w.call('plans.set', {
    cells: [
      { managerId: anna, month: '2026-10', amountKopecks: 2_000_000 },
      { managerId: boris, month: '2026-10', amountKopecks: 300_000 },
      { managerId: vera, month: '2026-10', amountKopecks: 500_000 },
      { managerId: boris, month: '2026-11', amountKopecks: 1_000_000 },
    ],
  });
  w.call('sourceCosts.set', { cells: [{ source: 'Сайт', month: '2026-10', amountKopecks: 250_000 }] });
  w.at('2026-10-25T09:00:00.000Z');
  return { anna, boris, vera, expensive, competitor, a, b, c, skipped, lostAt2, stepByStep, usd, stillOpen, second };
}

describe('reports on a small agency', () => {
  it('funnel: a skipped stage counts as passed, a deal lost at stage 2 left there', () => {
    const x = agency();
    const r = run('funnel');
    const open = w.pipeline().stages.filter((s) => s.kind === 'open');
    // Five deals created; the first stage is reached by all, the second by the three that went on.
    expect(r.rows.map((row) => [row.stage, row.reached])).toEqual([
      [open[0]!.name, 5],
      [open[1]!.name, 3],
      ...open.slice(2).map((s) => [s.name, 2]),
      [w.pipeline().stages.find((s) => s.kind === 'won')!.name, 2],
    ]);
    expect(r.rows.find((row) => row.stage === x.second)!.lostHere).toBe(1);
    expect(r.totals[0]).toMatchObject({ reached: 5, lostHere: 2 });
    expectDrillsMatch(r);
  });

  it('lost reasons: count, sum and share per currency, with the comments', () => {
    agency();
    const r = run('lost-reasons');
    expect(r.rows.map(({ reason, currency, count, amountKopecks, sharePercent, comments }) => ({ reason, currency, count, amountKopecks, sharePercent, comments }))).toEqual([
      { reason: 'Дорого', currency: 'RUB', count: 1, amountKopecks: 200_000, sharePercent: 100, comments: 'Нашли дешевле' },
      { reason: 'Ушли к конкуренту', currency: 'USD', count: 1, amountKopecks: 50_000, sharePercent: 100, comments: '' },
    ]);
    expectDrillsMatch(r);
    expectDrillsMatch(run('lost-reasons', { by: ['stage'] }));
    expectDrillsMatch(run('lost-reasons', { by: ['manager'] }));
  });

  it('sources: created deals, won of them, conversion, cost per deal and ROI', () => {
    agency();
    const r = run('sources');
    const site = r.rows.find((row) => row.source === 'Сайт')!;
    expect(site).toMatchObject({ deals: 2, won: 1, conversionPercent: 50, wonAmountKopecks: 1_000_000, costKopecks: 250_000, costPerDealKopecks: 125_000, costPerWonKopecks: 250_000, roiPercent: 300, avgCycleDays: 8 });
    expect(r.rows.find((row) => row.source === 'Звонок' && row.currency === 'USD')).toMatchObject({ deals: 1, won: 0, costKopecks: null });
    expectDrillsMatch(r);
  });

  it('plan vs fact: a manager with a plan and no deals; the agency is the sum; a projection while the month runs', () => {
    const x = agency();
    const r = run('plan-fact');
    const row = (id: string) => r.rows.find((rr) => rr.managerId === id)!;
    expect(row(x.anna)).toMatchObject({ planKopecks: 2_000_000, factKopecks: 1_000_000, donePercent: 50, gapKopecks: 1_000_000 });
    expect(row(x.boris)).toMatchObject({ planKopecks: 300_000, factKopecks: 300_000, donePercent: 100, gapKopecks: 0 });
    expect(row(x.vera)).toMatchObject({ planKopecks: 500_000, factKopecks: 0, donePercent: 0 });
    expect(r.totals[0]).toMatchObject({ planKopecks: 2_800_000, factKopecks: 1_300_000 });
    // 25 of 31 days gone (Moscow): 1 300 000 × 31 / 25.
    expect(r.totals[0]!.projectionKopecks).toBe(Math.round((1_300_000 * 31) / 25));
    expectDrillsMatch(r);
    const past = run('plan-fact', { from: '2026-09-01', to: '2026-09-30' });
    expect(past.totals[0]).toMatchObject({ planKopecks: 0, factKopecks: 0, projectionKopecks: null });
  });

  it('forecast: open deals by expected month beside the plan of that month', () => {
    const x = agency();
    const r = run('forecast', { from: '2026-11-01', to: '2026-11-30' });
    expect(r.rows.map(({ month, managerId, count, openKopecks, planKopecks }) => ({ month, managerId, count, openKopecks, planKopecks }))).toEqual([
      { month: '2026-11', managerId: x.boris, count: 1, openKopecks: 400_000, planKopecks: 1_000_000 },
    ]);
    expectDrillsMatch(r);
  });

  it('forecast: probability-weighted sums in exact kopecks, rounded once per row; closed deals are not forecast', () => {
    w = buildWorkspace('2026-03-01T09:00:00.000Z');
    const c = w.client('ООО «Ромашка»');
    const manager = w.user('Белова Марина');
    // Three deals of 3.33 ₽ at 10 %: 0.999 ₽ weighted; rounding per deal would give 0.99.
    for (let i = 0; i < 3; i++) w.deal(c, { amountKopecks: 333, expectedClose: '2026-04-15', responsibleId: manager });
    const big = w.deal(c, { amountKopecks: 123_456_789_01, expectedClose: '2026-04-30', responsibleId: manager });
    w.moveAt(big, 'Переговоры', '2026-03-02T09:00:00.000Z'); // 70 %
    w.deal(c, { amountKopecks: 1_000_00, expectedClose: '2026-05-02' }); // no manager, 10 %
    const won = w.deal(c, { amountKopecks: 999_999, expectedClose: '2026-04-01', responsibleId: manager });
    w.wonAt(won, '2026-03-03T09:00:00.000Z');
    const r = run('forecast', { from: '2026-04-01', to: '2026-05-31', pipelineId: w.pipeline().id });
    expect(r.rows.map((x) => [x.manager, x.month, x.count, x.openKopecks, x.weightedKopecks])).toEqual([
      ['Белова Марина', '2026-04', 4, 999 + 123_456_789_01, Math.floor((999 * 10 + 123_456_789_01 * 70 + 50) / 100)],
      [null, '2026-05', 1, 1_000_00, 100_00],
    ]);
    expect(r.rows[0]!.weightedKopecks).toBe(8_641_975_331);
    expect(run('forecast', { from: '2026-04-01', to: '2026-05-31', managerIds: ['none'] }).rows.map((x) => x.count)).toEqual([1]);
    expectDrillsMatch(r);
  });

  it('activity: what each manager logged, completed and won; every number opens its list', () => {
    const x = agency();
    w.at('2026-10-15T09:00:00.000Z');
    w.call('history.add', { clientId: x.a, kind: 'call', direction: 'in', occurredAt: '2026-10-15T09:00:00.000Z', text: 'Звонил сам' });
    w.call('history.add', { clientId: x.a, kind: 'call', occurredAt: '2026-10-15T10:00:00.000Z', text: 'Перезвонили' });
    const task = w.call('tasks.create', { fields: { title: 'Встреча', typeId: 'tasktype-meeting', allDay: true, startsAt: '2026-10-14' }, timeZone: 'Europe/Moscow' });
    w.call('tasks.complete', { id: task.id, result: 'Встретились', spentMin: 45 });
    const r = run('activity');
    const admin = r.rows.find((row) => row.manager === 'Администратор')!;
    expect(admin).toMatchObject({ callsIn: 1, callsOut: 1, tasksDone: 1, tasksLate: 1, minutes: 45 });
    expect(r.rows.find((row) => row.managerId === x.boris)).toMatchObject({ dealsCreated: 3, dealsWon: 1, dealsLost: 1 });
    expectDrillsMatch(r);
  });

  it('activity: an all-day task is late when done after its day in the user\'s zone, summer time included', () => {
    agency();
    const done = (deadline: string, at: string) => {
      w.at(at);
      const t = w.call('tasks.create', { fields: { title: `До ${deadline}`, typeId: 'tasktype-call', allDay: true, startsAt: deadline }, timeZone: 'Europe/Berlin' });
      w.call('tasks.complete', { id: t.id, result: 'Готово', spentMin: 5 });
    };
    // Berlin is UTC+2 in July, UTC+1 in January: 22:30 UTC is past midnight in July only.
    done('2026-07-10', '2026-07-10T21:30:00.000Z'); // 23:30 that day: on time
    done('2026-07-11', '2026-07-11T22:30:00.000Z'); // 00:30 the next day: late
    done('2026-01-10', '2026-01-10T22:30:00.000Z'); // 23:30 that day: on time
    done('2026-01-11', '2026-01-11T23:30:00.000Z'); // 00:30 the next day: late
    const r = runReport(w.session.ctx(), 'activity', Q({ from: '2026-01-01', to: '2026-07-31', timeZone: 'Europe/Berlin' }));
    expect(r.rows.find((row) => row.manager === 'Администратор')).toMatchObject({ tasksDone: 4, tasksLate: 2 });
    expectDrillsMatch(r, 'Europe/Berlin');
  });

  it('churn, ABC and the base audit: their lists hold exactly the clients counted', () => {
    const x = agency();
    w.at('2027-03-01T09:00:00.000Z');
    const churn = run('churn', { from: '2027-02-01', to: '2027-02-28' });
    // Альфа and Гамма bought in October and have been silent since; Бета never bought.
    expect(churn.rows.map((r) => r.clientId).sort()).toEqual([x.a, x.c].sort());
    expectDrillsMatch(churn);
    expect(w.call('clients.list', { query: churn.totalDrills[0]!.count!.filter as never }).total).toBe(2);
    const abc = run('abc');
    // Альфа's revenue starts at 0 %, Гамма's at 77 %: both begin inside the first 80 %.
    expect(abc.rows.map((r) => [r.abcClass, r.clients, r.amountKopecks])).toEqual([
      ['A', 2, 1_300_000],
      ['B', 0, 0],
      ['C', 0, 0],
    ]);
    expectDrillsMatch(abc);
    w.call('clients.create', { kind: 'organization', name: 'ООО «Без всего»' });
    const audit = run('base-audit');
    expect(audit.rows.find((r) => r.problem === 'no_phone_or_email')!.count).toBe(4);
    expect(audit.rows.find((r) => r.problem === 'no_responsible')!.count).toBe(4);
    expectDrillsMatch(audit);
  });

  it('ABC and XYZ classes follow the 80/15/5 and 10/25 % rules', () => {
    expect([0, 79, 80, 94, 95].map((c) => abcClass(c, 100))).toEqual(['A', 'A', 'B', 'B', 'C']);
    expect(xyzClass([100, 100, 100])).toBe('X');
    expect(xyzClass([100, 80, 120])).toBe('Y');
    expect(xyzClass([300, 0, 0])).toBe('Z');
  });

  it('every report answers on an empty workspace', () => {
    w = buildWorkspace();
    for (const name of Object.keys(REPORTS)) {
      const r = run(name);
      expect(r.report).toBe(name);
      expect(Array.isArray(r.rows)).toBe(true);
    }
  });
});
