import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildWorkspace, type Built } from '../helpers/builders';
import { encode, inn10, paymentFromUs, paymentToUs, statementText } from '../helpers/onec-fixtures';
import { cli } from '../helpers/cli';
import { AppError } from '../../src-main/core/errors';
import { readStatement } from '../../src-main/core/exchange/receivables/bank-statement';

// Bank statements (1CClientBankExchange) through the procedures and the CLI: payments to
// us matched by the payer's ИНН, ours ignored, strangers reported, duplicates once.

let w: Built;
afterEach(() => w?.dispose());

const TABLES = ['receivable_batches', 'receivable_documents', 'receivable_payments', 'receivable_allocations', 'clients'];
const counts = () => Object.fromEntries(TABLES.map((t) => [t, w.count(t)]));
const ROMASHKA = inn10(11);
const STRANGER = inn10(99);

async function run(file: string, extra: Record<string, unknown> = {}) {
  const { fileId } = w.call('exchange.openLocal', { path: file });
  return (await w.call('exchange.receivables.run', { fileId, entity: 'payments', lang: 'en', ...extra } as never)) as unknown as Awaited<ReturnType<typeof import('../../src-main/core/exchange/receivables/service').runStored>>;
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
const DOCS = [
  paymentToUs('154', '03.03.2026', '1234567.89', ROMASHKA, 'ООО "Ромашка"', 'Оплата по УПД № ГР00-000123 от 15.02.2026, в т.ч. НДС'),
  paymentFromUs('12', '04.03.2026', '5000.00', inn10(77), 'ООО "Поставщик"'),
  paymentToUs('9', '05.03.2026', '700', STRANGER, 'ИП Щукин Ёжик Ъ', 'Оплата по счету 45 от 01.03.2026'),
];
const payments = () => w.sqlite().prepare(`SELECT client_id AS client, number, date, amount_kopecks AS amount, payer_inn AS inn, payer_name AS payer, purpose FROM receivable_payments ORDER BY number`).all();

describe('bank statement (kl_to_1c.txt)', () => {
  for (const [encoding, eol, line] of [['windows-1251', '\r\n', 'Windows'], ['utf-8', '\n', 'UTF-8']] as const) {
    it(`${encoding} with ${eol === '\r\n' ? 'CRLF' : 'LF'}: ours matched by ИНН, outgoing ignored, a stranger reported, a repeated block once; again changes nothing`, async () => {
      w = buildWorkspace();
      const romashka = w.client('Ромашка', { inn: ROMASHKA });
      const file = join(w.dir, 'kl_to_1c.txt');
      writeFileSync(file, encode(statementText(DOCS, { encodingLine: line, eol, duplicateFirst: true }), encoding));
      const r = await run(file);
      expect(r).toMatchObject({ applied: true, kind: 'bank', period: { from: '2026-01-01', to: '2026-03-31' } });
      expect(r.payments).toMatchObject({ read: 2, added: 2, duplicates: 0, unattached: 1, outgoing: 1, repeatedInFile: 1 });
      expect(r.unmatched).toEqual([{ name: 'ИП Щукин Ёжик Ъ', inn: STRANGER, rows: [expect.any(Number)], documents: 0, payments: 1, candidates: [] }]);
      expect(payments()).toEqual([
        { client: romashka, number: '154', date: '2026-03-03', amount: 123456789, inn: ROMASHKA, payer: 'ООО "Ромашка"', purpose: DOCS[0]!.purpose },
        { client: null, number: '9', date: '2026-03-05', amount: 70000, inn: STRANGER, payer: 'ИП Щукин Ёжик Ъ', purpose: DOCS[2]!.purpose },
      ]);
      const after = counts();
      const again = await run(file);
      expect(again.payments).toMatchObject({ added: 0 });
      expect(counts()).toEqual(after);

      // The stranger becomes a client in one call and gets their payment.
      const made = w.call('receivables.createClientFromPayer', { inn: STRANGER, name: 'ИП Щукин Ёжик Ъ' });
      expect(made.payments).toBe(1);
      expect(w.sqlite().prepare(`SELECT client_id AS c FROM receivable_payments WHERE number = '9'`).get()).toEqual({ c: made.clientId });
    });
  }

  it('a broken section, a bad sum, a bad date, a cut file: one message with the line each, nothing changed', async () => {
    w = buildWorkspace();
    w.client('Ромашка', { inn: ROMASHKA });
    const before = counts();
    const cases: [string, string, Record<string, unknown>][] = [
      [statementText(DOCS, { omit: 'КонецДокумента' }), 'receivables_import.bank_section_unclosed', { line: 35, at: 52 }],
      [statementText([{ ...DOCS[0]!, sum: '12З4.00' }]), 'receivables_import.bank_amount', { line: 17, value: '12З4.00' }],
      [statementText([{ ...DOCS[0]!, date: '31.02.2026', received: '' }]), 'receivables_import.bank_date', { line: 17, value: '31.02.2026' }],
      [statementText(DOCS, { omit: 'КонецФайла' }), 'receivables_import.bank_truncated', {}],
    ];
    for (const [text, code, params] of cases) {
      const file = join(w.dir, `bad-${code}.txt`);
      writeFileSync(file, encode(text, 'windows-1251'));
      const e = await failure(run(file));
      expect(e.code).toBe(code);
      expect(e.params).toMatchObject(params);
    }
    expect(counts()).toEqual(before);
  });

  it('decodes the same statement however the bytes are cut (every cut of a small one; 2,000 payments in odd chunks)', async () => {
    const chunks = async function* (buf: Buffer, size: number) {
      for (let i = 0; i < buf.length; i += size) yield buf.subarray(i, i + size);
    };
    const small = encode(statementText(DOCS, { eol: '\r\n', encodingLine: 'UTF-8' }), 'utf-8');
    const whole = await readStatement(chunks(small, small.length));
    for (let cut = 1; cut < small.length; cut++) {
      const parts = async function* () {
        yield small.subarray(0, cut);
        yield small.subarray(cut);
      };
      expect(await readStatement(parts())).toEqual(whole);
    }
    const many = Array.from({ length: 2000 }, (_, i) => paymentToUs(String(i + 1), '10.03.2026', `${i + 1}.${String(i % 100).padStart(2, '0')}`, inn10(1000 + (i % 50)), `ООО «Щёголь-${i} Ёжиков и Ъ»`, `Оплата по счёту № ${i} — «ёлки»`));
    for (const [encoding, size] of [['utf-8', 4093], ['windows-1251', 7], ['utf-8', 1]] as const) {
      const st = await readStatement(chunks(encode(statementText(many, { encodingLine: encoding === 'utf-8' ? 'UTF-8' : 'Windows' }), encoding), size));
      expect(st.incoming.length).toBe(2000);
      st.incoming.forEach((p, i) => {
        expect({ n: p.number, a: p.amountKopecks, payer: p.payerName, inn: p.payerInn, purpose: p.purpose }).toEqual({ n: String(i + 1), a: (i + 1) * 100 + (i % 100), payer: `ООО «Щёголь-${i} Ёжиков и Ъ»`, inn: inn10(1000 + (i % 50)), purpose: `Оплата по счёту № ${i} — «ёлки»` });
      });
    }
  });
});

describe('CLI import --entity receivables|payments', () => {
  it('--json lists the unmatched names and exits 1 without writing; --map applies; payments report their counts', async () => {
    w = buildWorkspace();
    w.client('Ромашка', { inn: ROMASHKA });
    const target = w.client('Незнакомец-Торг', { inn: STRANGER });
    const { writeOsv } = await import('../helpers/onec-fixtures');
    const osv = join(w.dir, 'osv.xlsx');
    await writeOsv(osv, { parties: [{ name: 'ООО "Ромашка"', docs: [{ number: 'ГР00-1', date: '01.02.2026', dt: 10000, cd: 10000 }] }, { name: 'ЗАО «Незнакомец»', docs: [{ number: 'ГР00-2', date: '02.02.2026', dt: 500, cd: 500 }] }] });
    const bank = join(w.dir, 'kl_to_1c.txt');
    writeFileSync(bank, encode(statementText(DOCS), 'windows-1251'));
    const path = w.path;
    w.session.close();
    const blocked = await cli('import', osv, '--db', path, '--entity', 'receivables', '--json');
    expect(blocked.code).toBe(1);
    const b = JSON.parse(blocked.stdout);
    expect(b).toMatchObject({ applied: false, dryRun: false, batchId: null, created: 0, updated: 0, rejected: 0, unmatched: [{ name: 'ЗАО «Незнакомец»', inn: null, documents: 1 }] });
    expect(b.errors[0].code).toBe('receivables_import.unmatched');
    const mapped = await cli('import', osv, '--db', path, '--entity', 'receivables', '--map', `ЗАО «Незнакомец»=${STRANGER}`, '--json');
    expect(mapped.code).toBe(0);
    expect(JSON.parse(mapped.stdout)).toMatchObject({ applied: true, created: 2, documents: { created: 2 }, counterparties: { mapped: ['ЗАО «Незнакомец»'] }, unmatched: [] });
    const pay = await cli('import', bank, '--db', path, '--entity', 'payments', '--json');
    expect(pay.code).toBe(0);
    expect(JSON.parse(pay.stdout)).toMatchObject({ applied: true, created: 2, payments: { added: 2, outgoing: 1, unattached: 0 }, unmatched: [] });
    const human = await cli('import', osv, '--db', path, '--entity', 'payments');
    expect(human.code).not.toBe(0);
    expect(human.stderr).toContain('1CClientBankExchange');
    void target;
  });
});
