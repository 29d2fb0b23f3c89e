import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildWorkspace, type Built } from '../helpers/builders';
import { inn10, writeOsv, writeAging, type OsvSpec } from '../helpers/onec-fixtures';
import { AppError } from '../../src-main/core/errors';

// ОСВ по счёту 62 and the debts-by-age report from 1C, through the same procedures the
// wizard and the CLI call: every imported value compared with the file, names mapped once.

let w: Built;
afterEach(() => w?.dispose());

const TABLES = ['receivable_batches', 'receivable_documents', 'receivable_payments', 'receivable_contracts', 'counterparty_mappings', 'clients'];
const counts = () => Object.fromEntries(TABLES.map((t) => [t, w.count(t)]));

async function run(file: string, entity: 'receivables' | 'payments', extra: Record<string, unknown> = {}) {
  const { fileId } = w.call('exchange.openLocal', { path: file });
  return w.call('exchange.receivables.run', { fileId, entity, lang: 'en', ...extra } as never) as unknown as Promise<Awaited<ReturnType<typeof import('../../src-main/core/exchange/receivables/service').runStored>>>;
}
async function failure(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
}
const docs = () =>
  w
    .sqlite()
    .prepare(
      `SELECT c.name AS client, d.number, d.date, d.kind, d.amount_kopecks AS amount, d.amount_kopecks - d.settled_outside_kopecks AS open, k.name AS contract, d.source
         FROM receivable_documents d JOIN clients c ON c.id = d.client_id LEFT JOIN receivable_contracts k ON k.id = d.contract_id ORDER BY d.number`,
    )
    .all();

const SPEC: OsvSpec = {
  parties: [
    {
      name: 'ООО "Ромашка"',
      contracts: [
        {
          name: 'Основной договор',
          docs: [
            { number: 'ГР00-000123', date: '15.02.2026', dt: 123456789, cd: 123456789 },
            { number: 'ГР00-000011', date: '20.12.2025', od: 50000, ct: 20000, cd: 30000 },
          ],
        },
        { name: 'Договор № 7 от 01.01.2026', docs: [{ number: 'ГР00-000200', date: '01.03.2026', dt: 99999, ct: 99999 }] },
      ],
    },
    { name: 'Лютик ООО', docs: [{ title: 'Счет на оплату покупателю', number: '45', date: '10.03.2026', dt: 1000000, cd: 1000000 }] },
    { name: 'ИП Ёлкин Пётр Сергеевич', balance: { od: 70000, cd: 70000 } },
    { name: 'ЗАО «Незнакомец»', docs: [{ number: 'ГР00-000300', date: '05.03.2026', dt: 5000, cd: 5000 }] },
    { name: 'ООО "Ромашка"', subaccount: '62.02', balance: { ct: 15000, cc: 15000 } },
  ],
};

function clients() {
  return {
    romashka: w.client('Ромашка'),
    lutik: w.client('ООО «Лютик»'),
    elkin: w.client('Елкин Петр Сергеевич', { kind: 'sole_trader' }),
    stranger: w.client('Незнакомец-Торг', { inn: inn10(501) }),
  };
}

describe('ОСВ по счёту 62', () => {
  it('lists the name it cannot match, writes nothing until it is mapped, then every value as the file says; the mapping is remembered', async () => {
    w = buildWorkspace();
    const c = clients();
    const file = join(w.dir, 'osv62.xlsx');
    await writeOsv(file, SPEC);
    const before = counts();
    const blocked = await run(file, 'receivables');
    expect(blocked.applied).toBe(false);
    expect(blocked.kind).toBe('osv');
    expect(blocked.period).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(blocked.unmatched.map((u) => u.name)).toEqual(['ЗАО «Незнакомец»']);
    expect(blocked.unmatched[0]!.rows.length).toBeGreaterThan(0);
    expect(blocked.errors.map((e) => e.code)).toEqual(['receivables_import.unmatched']);
    expect(counts()).toEqual(before);

    const done = await run(file, 'receivables', { map: { 'ЗАО «Незнакомец»': inn10(501) } });
    expect(done.applied).toBe(true);
    expect(done.counterparties).toMatchObject({ total: 4, matched: 3, mapped: ['ЗАО «Незнакомец»'], skipped: [] });
    expect(docs()).toEqual([
      { client: 'ООО «Лютик»', number: '45', date: '2026-03-10', kind: 'invoice', amount: 1000000, open: 1000000, contract: null, source: 'osv' },
      { client: 'Ромашка', number: 'ГР00-000011', date: '2025-12-20', kind: 'shipment', amount: 50000, open: 30000, contract: 'Основной договор', source: 'osv' },
      { client: 'Ромашка', number: 'ГР00-000123', date: '2026-02-15', kind: 'shipment', amount: 123456789, open: 123456789, contract: 'Основной договор', source: 'osv' },
      { client: 'Ромашка', number: 'ГР00-000200', date: '2026-03-01', kind: 'shipment', amount: 99999, open: 0, contract: 'Договор № 7 от 01.01.2026', source: 'osv' },
      { client: 'Незнакомец-Торг', number: 'ГР00-000300', date: '2026-03-05', kind: 'shipment', amount: 5000, open: 5000, contract: null, source: 'osv' },
      { client: 'Елкин Петр Сергеевич', number: 'Сальдо', date: '2026-03-31', kind: 'opening', amount: 70000, open: 70000, contract: null, source: 'osv' },
    ]);
    // The credit balance on 62.02 is Ромашка's advance.
    expect(w.sqlite().prepare(`SELECT client_id AS c, amount_kopecks AS k FROM receivable_payments WHERE source = 'advance'`).all()).toEqual([{ c: c.romashka, k: 15000 }]);
    void c;

    // The same file again changes nothing.
    const after = counts();
    const again = await run(file, 'receivables');
    expect(again.applied).toBe(true);
    expect(again.unmatched).toEqual([]); // the mapping was remembered
    expect(again.documents).toMatchObject({ created: 0, updated: 0, removed: 0 });
    expect(counts()).toEqual(after);
  });

  it('a newer ОСВ for the same period replaces what the older one said', async () => {
    w = buildWorkspace();
    clients();
    const first = join(w.dir, 'osv-feb.xlsx');
    const second = join(w.dir, 'osv-mar.xlsx');
    await writeOsv(first, SPEC);
    await run(first, 'receivables', { skip: ['ЗАО «Незнакомец»'] });
    await writeOsv(second, {
      parties: [{ name: 'ООО "Ромашка"', contracts: [{ name: 'Основной договор', docs: [{ number: 'ГР00-000123', date: '15.02.2026', dt: 123456789, ct: 23456789, cd: 100000000 }] }] }],
    });
    const r = await run(second, 'receivables');
    expect(r.documents).toMatchObject({ created: 0, updated: 1, removed: 2 });
    expect(docs().filter((d) => (d as { client: string }).client === 'Ромашка')).toEqual([
      { client: 'Ромашка', number: 'ГР00-000123', date: '2026-02-15', kind: 'shipment', amount: 123456789, open: 100000000, contract: 'Основной договор', source: 'osv' },
    ]);
  });

  it('reads the levels from outline levels alone, from indents alone, and from names when the file has neither', async () => {
    for (const levels of ['outline', 'indent', 'none'] as const) {
      w = buildWorkspace();
      clients();
      const file = join(w.dir, `osv-${levels}.xlsx`);
      await writeOsv(file, { ...SPEC, levels, numbers: levels === 'none' ? 'text' : 'number' });
      const r = await run(file, 'receivables', { skip: true });
      expect(r.applied).toBe(true);
      expect(r.counterparties.skipped).toEqual(['ЗАО «Незнакомец»']);
      expect(docs().map((d) => (d as { number: string; contract: string | null }).contract)).toEqual([null, 'Основной договор', 'Основной договор', 'Договор № 7 от 01.01.2026', null]);
      w.dispose();
    }
    w = buildWorkspace();
  });

  it('an ОСВ for account 60, an .xls and a damaged amount: one clear message each, nothing changed', async () => {
    w = buildWorkspace();
    clients();
    const before = counts();
    const osv60 = join(w.dir, 'osv60.xlsx');
    await writeOsv(osv60, { ...SPEC, account: '60' });
    const e60 = await failure(run(osv60, 'receivables'));
    expect(e60.code).toBe('receivables_import.osv_wrong_account');
    expect(e60.params.account).toBe('60');
    const xls = join(w.dir, 'osv.xls');
    writeFileSync(xls, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]));
    const eXls = await failure(run(xls, 'receivables'));
    expect(eXls.code).toBe('receivables_import.xls_legacy');
    const bad = join(w.dir, 'osv-bad.xlsx');
    await writeOsv(bad, { parties: [{ name: 'ООО "Ромашка"', docs: [{ number: '1', date: '01.02.2026', dt: 100 }] }], numbers: 'text' });
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(bad);
    const row = wb.worksheets[0]!.getRow(wb.worksheets[0]!.rowCount - 1);
    row.getCell(4).value = '1 2З4,00'; // a letter З typed for 3
    await wb.xlsx.writeFile(bad);
    const eAmount = await failure(run(bad, 'receivables'));
    expect(eAmount.code).toBe('receivables_import.osv_amount');
    expect(eAmount.params).toMatchObject({ column: 'D', value: '1 2З4,00' });
    expect(counts()).toEqual(before);
  });

  it('2,000 documents with Cyrillic names read the same whatever the byte chunks, every value as written', async () => {
    w = buildWorkspace();
    const { outlineRows } = await import('../../src-main/core/exchange/receivables/outline-sheet');
    const { readOsv } = await import('../../src-main/core/exchange/receivables/osv');
    const parties = Array.from({ length: 40 }, (_, p) => ({
      name: `ООО «Ёмкость-${p} Щукин и партнёры»`,
      contracts: [{ name: `Договор поставки № ${p}/Ъ`, docs: Array.from({ length: 50 }, (_, d) => ({ number: `ЖЩ${p}-${d}`, date: `${String((d % 28) + 1).padStart(2, '0')}.02.2026`, dt: 100 * (p * 50 + d) + 1, cd: 100 * (p * 50 + d) + 1 })) }],
    }));
    const file = join(w.dir, 'osv-2000.xlsx');
    await writeOsv(file, { parties });
    for (const chunk of [0, 1, 3, 4097]) {
      const r = await readOsv(outlineRows(file, chunk));
      const all = r.counterparties.flatMap((c) => c.documents.map((d) => ({ party: c.name, contract: d.contract, number: d.number, date: d.date, amount: d.debitTurnover })));
      expect(all.length).toBe(2000);
      all.forEach((d, i) => {
        const p = Math.floor(i / 50);
        const k = i % 50;
        expect(d).toEqual({ party: parties[p]!.name, contract: parties[p]!.contracts[0]!.name, number: `ЖЩ${p}-${k}`, date: `2026-02-${String((k % 28) + 1).padStart(2, '0')}`, amount: 100 * (p * 50 + k) + 1 });
      });
    }
  });
});

describe('Задолженность покупателей по срокам долга', () => {
  it('imports the debts per document as of the report date', async () => {
    w = buildWorkspace();
    clients();
    const file = join(w.dir, 'aging.xlsx');
    await writeAging(file, {
      parties: [
        { name: 'ООО "Ромашка"', docs: [{ number: 'ТД00-000012', date: '12.01.2026', debt: 1234567, overdue: 1234567 }, { number: 'ТД00-000015', date: '20.03.2026', debt: 5000 }] },
        { name: 'ИП Ёлкин Пётр Сергеевич', debt: 70000 },
      ],
    });
    const r = await run(file, 'receivables');
    expect(r).toMatchObject({ applied: true, kind: 'aging', asOf: '2026-03-31' });
    expect(docs()).toEqual([
      { client: 'Елкин Петр Сергеевич', number: 'Долг', date: '2026-03-31', kind: 'opening', amount: 70000, open: 70000, contract: null, source: 'aging' },
      { client: 'Ромашка', number: 'ТД00-000012', date: '2026-01-12', kind: 'shipment', amount: 1234567, open: 1234567, contract: null, source: 'aging' },
      { client: 'Ромашка', number: 'ТД00-000015', date: '2026-03-20', kind: 'shipment', amount: 5000, open: 5000, contract: null, source: 'aging' },
    ]);
  });
});
