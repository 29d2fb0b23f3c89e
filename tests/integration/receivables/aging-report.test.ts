import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { buildWorkspace, type Built } from '../../helpers/builders';
import { cli } from '../../helpers/cli';
import { invoke, type Caller } from '../../../src-main/core/procedures';
import { addDays } from '../../../src-main/core/receivables/collection-steps';

// Aging at the bucket boundaries with the workspace's, a client's and a contract's
// payment days; the report, its drill-down, its filters, its CLI JSON and xlsx.

let w: Built;
afterEach(() => w?.dispose());

const AS_OF = '2026-06-30';
const query = (options: Record<string, unknown> = {}, managerIds: string[] = []) => ({ from: AS_OF, to: AS_OF, timeZone: 'Europe/Moscow', options, managerIds });
const doc = (clientId: string, number: string, date: string, rub: number, contract: string | null = null) =>
  w.call('receivables.createDocument', { clientId, number, date, amountKopecks: rub * 100, kind: 'shipment', contract }).id;

/** A document dated so that on AS_OF it is `days` past its due date under `terms` payment days. */
const dated = (days: number, terms: number) => addDays(AS_OF, -(days + terms));

describe('aging', () => {
  it('buckets at 30/31, 60/61, 90/91 and the due date itself, with workspace, client and contract terms', () => {
    w = buildWorkspace();
    w.call('receivables.saveSettings', { paymentDays: 10, warnOverdueDays: 30 });
    const ws = w.client('ООО «По умолчанию»');
    const own = w.client('ООО «Свои условия»');
    w.call('receivables.setTerms', { clientId: own, paymentDays: 20, creditLimitKopecks: null });
    // Workspace terms (10 days): due date itself (0 days), not yet due (−1), 30, 31.
    doc(ws, 'W0', dated(0, 10), 1);
    doc(ws, 'W-1', dated(-1, 10), 2);
    doc(ws, 'W30', dated(30, 10), 4);
    doc(ws, 'W31', dated(31, 10), 8);
    // Client terms (20 days): 60, 61, 90, 91.
    doc(own, 'C60', dated(60, 20), 16);
    doc(own, 'C61', dated(61, 20), 32);
    doc(own, 'C90', dated(90, 20), 64);
    doc(own, 'C91', dated(91, 20), 128);
    // Contract terms (45 days) override the client's 20: 30 days past due by the contract.
    doc(own, 'K30', dated(30, 45), 256, 'Договор поставки № 7');
    const contract = w.call('receivables.terms', { clientId: own }).contracts[0]!;
    w.call('receivables.setContractTerms', { contractId: contract.id, paymentDays: 45 });

    const r = w.call('reports.run', { report: 'receivables', query: query() });
    const row = (name: string) => r.rows.find((x) => x.client === name)!;
    expect(row('ООО «По умолчанию»')).toMatchObject({ debtKopecks: 1500, notDueKopecks: 200, b0_30: 500, b31_60: 800, b61_90: 0, b90plus: 0, oldestDays: 31 });
    expect(row('ООО «Свои условия»')).toMatchObject({ debtKopecks: 49600, notDueKopecks: 0, b0_30: 25600, b31_60: 1600, b61_90: 9600, b90plus: 12800, oldestDays: 91 });
    expect(r.totals[0]).toMatchObject({ debtKopecks: 51100, notDueKopecks: 200, b0_30: 26100, b31_60: 2400, b61_90: 9600, b90plus: 12800 });
    // Sorted by debt; drill-down to the documents of a bucket.
    expect(r.rows.map((x) => x.client)).toEqual(['ООО «Свои условия»', 'ООО «По умолчанию»']);
    expect(r.drills[0]!.b61_90).toEqual({ list: 'receivables', filter: { clientId: own, asOf: AS_OF, bucket: 'b61_90' } });
    const docs = w.call('receivables.documents', { clientId: own, asOf: AS_OF, bucket: 'b61_90' });
    expect(docs.map((d) => [d.number, d.daysPastDue])).toEqual([['C90', 90], ['C61', 61]]);
    // The bucket filter keeps clients with debt in it.
    expect(w.call('reports.run', { report: 'receivables', query: query({ bucket: 'b90plus' }) }).rows.map((x) => x.client)).toEqual(['ООО «Свои условия»']);
    expect(w.call('reports.run', { report: 'receivables', query: query({ bucket: 'notDue' }) }).rows.map((x) => x.client)).toEqual(['ООО «По умолчанию»']);
  });

  it('as of an earlier date: later documents and later payments do not count', () => {
    w = buildWorkspace();
    const c = w.client('ООО «Ромашка»');
    doc(c, '1', '2026-01-10', 100);
    doc(c, '2', '2026-05-10', 100);
    w.call('receivables.addPayment', { clientId: c, date: '2026-04-01', amountKopecks: 40_00, purpose: '' });
    w.call('receivables.addPayment', { clientId: c, date: '2026-06-01', amountKopecks: 100_00, purpose: '' });
    const at = (asOf: string) => w.call('reports.run', { report: 'receivables', query: { ...query(), from: asOf, to: asOf } }).rows[0];
    expect(at('2026-03-31')).toMatchObject({ debtKopecks: 100_00 });
    expect(at('2026-04-30')).toMatchObject({ debtKopecks: 60_00 });
    expect(at('2026-05-31')).toMatchObject({ debtKopecks: 160_00 });
    expect(at('2026-06-30')).toMatchObject({ debtKopecks: 60_00 });
  });
});

describe('the report', () => {
  it('a manager sees only their own clients’ debts; the manager filter', () => {
    w = buildWorkspace();
    const anna = w.user('Анна');
    const boris = w.user('Борис');
    const a = w.client('ООО «Аннины окна»', { responsibleId: anna });
    const b = w.client('ООО «Борисовы двери»', { responsibleId: boris });
    doc(a, '1', '2026-01-10', 100);
    doc(b, '2', '2026-01-10', 200);
    const as = (userId: string) => (name: string, input: unknown) => invoke(w.session, name, input, { door: 'http', local: true, userId } satisfies Caller) as never;
    const annaRun = as(anna)('reports.run', { report: 'receivables', query: query() }) as { rows: { client: string }[] };
    expect(annaRun.rows.map((r) => r.client)).toEqual(['ООО «Аннины окна»']);
    expect(() => as(anna)('receivables.client', { clientId: b, asOf: AS_OF })).toThrow(/not found/);
    expect(() => as(anna)('receivables.documents', { clientId: b, asOf: AS_OF })).toThrow(/not found/);
    expect(w.call('reports.run', { report: 'receivables', query: query({}, [boris]) }).rows.map((r) => r.client)).toEqual(['ООО «Борисовы двери»']);
    expect(w.call('reports.run', { report: 'receivables', query: query() }).rows).toHaveLength(2);
  });

  it('CLI: --json prints exactly rows and totals in integer kopecks; --format xlsx writes the same numbers', async () => {
    w = buildWorkspace();
    const a = w.client('ООО «Ромашка»', { inn: '7707083893' });
    const b = w.client('ИП Петров');
    w.call('receivables.saveSettings', { paymentDays: 10, warnOverdueDays: 30 });
    doc(a, '1', dated(100, 10), 1234.56);
    doc(a, '2', dated(-5, 10), 100);
    doc(b, '3', dated(45, 10), 10);
    const path = w.path;
    w.session.close();
    const r = await cli('report', 'receivables', '--db', path, '--as-of', AS_OF, '--json');
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout);
    expect(out.rows).toEqual([
      { client: 'ООО «Ромашка»', inn: '7707083893', debtKopecks: 133456, notDueKopecks: 10000, b0_30: 0, b31_60: 0, b61_90: 0, b90plus: 123456 },
      { client: 'ИП Петров', inn: null, debtKopecks: 1000, notDueKopecks: 0, b0_30: 0, b31_60: 1000, b61_90: 0, b90plus: 0 },
    ]);
    expect(out.totals).toEqual({ debtKopecks: 134456, notDueKopecks: 10000, b0_30: 0, b31_60: 1000, b61_90: 0, b90plus: 123456 });
    for (const row of out.rows) for (const [k, v] of Object.entries(row)) if (k.endsWith('Kopecks') || k.startsWith('b')) expect(Number.isInteger(v)).toBe(true);

    const file = join(w.dir, 'receivables.xlsx');
    const x = await cli('report', 'receivables', '--db', path, '--as-of', AS_OF, '--format', 'xlsx', '--out', file);
    expect(x.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const sheet = wb.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 9)).toEqual(['Client', 'INN', 'Manager', 'Debt', 'Not yet due', 'Overdue 0–30 days', 'Overdue 31–60 days', 'Overdue 61–90 days', 'Overdue over 90 days']);
    expect((sheet.getRow(2).values as unknown[]).slice(1, 10)).toEqual(['ООО «Ромашка»', '7707083893', 'No responsible', 1334.56, 100, 0, 0, 0, 1234.56]);
    expect(sheet.getRow(4).getCell(4).value).toBe(1344.56);

    const bad = await cli('report', 'receivables', '--db', path, '--as-of', '2026-02-30', '--json');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--as-of');
  }, 120_000);
});
