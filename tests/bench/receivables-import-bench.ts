import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { Session } from '../../src-main/core/workspace/session';
import { invoke, INTERNAL_CALLER } from '../../src-main/core/procedures';
import { openXlsx } from '../../src-main/core/exchange/read/xlsx';
import { analyseFile } from '../../src-main/core/exchange/receivables/analyse-file';
import { applyFile } from '../../src-main/core/exchange/receivables/apply-file';
import { encode, inn10, paymentToUs, statementText, writeOsv } from '../helpers/onec-fixtures';
import { recordBudget } from './budgets';
import { ms, table } from './measure';

// Import of a 50,000-document ОСВ 62 and a 50,000-payment bank statement (read, match,
// write in one transaction), each against a bare read of the same file: the xlsx rows
// streamed by the table reader, the statement's bytes decoded and split into lines.

const PARTIES = 500;

async function timed<T>(fn: () => Promise<T> | T): Promise<[T, number]> {
  const t = performance.now();
  const r = await fn();
  return [r, performance.now() - t];
}

export async function benchReceivablesImport(dir: string, documents: number, log: (s: string) => void) {
  const session = new Session({});
  session.open(join(dir, 'receivables-import.kdb'));
  try {
    for (let i = 0; i < PARTIES; i++) invoke(session, 'clients.create', { kind: 'organization', name: `Покупатель ${i} «Ёлка»`, inn: inn10(i) } as never, INTERNAL_CALLER);
    const per = Math.ceil(documents / PARTIES);
    const osvPath = join(dir, 'osv62-bench.xlsx');
    await writeOsv(osvPath, {
      parties: Array.from({ length: PARTIES }, (_, p) => ({
        name: `ООО "Покупатель ${p} «Ёлка»"`,
        contracts: [{ name: 'Основной договор', docs: Array.from({ length: per }, (_, d) => ({ number: `ГР00-${p}-${d}`, date: `${String((d % 28) + 1).padStart(2, '0')}.02.2026`, dt: 10_000 + d, cd: 10_000 + d })) }],
      })),
    });
    const bankPath = join(dir, 'kl_to_1c-bench.txt');
    writeFileSync(
      bankPath,
      encode(statementText(Array.from({ length: documents }, (_, i) => paymentToUs(String(i + 1), '10.03.2026', `${100 + (i % 900)}.00`, inn10(i % PARTIES), `ООО "Покупатель ${i % PARTIES} «Ёлка»"`, `Оплата по УПД № ГР00-${i % PARTIES}-${i % per}`))), 'windows-1251'),
    );
    const ctx = session.ctx();
    log(`  ОСВ with ${documents} documents, statement with ${documents} payments written`);

    const [, osvFloor] = await timed(async () => {
      const t = await openXlsx(osvPath);
      let n = 0;
      for await (const _ of t.rows(0)) n++;
      return n;
    });
    const [osvAnalysis, osvRead] = await timed(() => analyseFile(ctx, osvPath, 'osv62.xlsx', 'receivables'));
    const [osvResult, osvWrite] = await timed(() => applyFile(ctx, osvAnalysis, {}));
    const osvTime = osvRead + osvWrite;
    const [, bankFloor] = await timed(() => iconv.decode(readFileSync(bankPath), 'win1251').split(/\r\n/).length);
    const [bankAnalysis, bankRead] = await timed(() => analyseFile(ctx, bankPath, 'kl_to_1c.txt', 'payments'));
    const [bankResult, bankWrite] = await timed(() => applyFile(ctx, bankAnalysis, {}));
    const bankTime = bankRead + bankWrite;
    log(
      table(
        ['import', 'figure', 'read + match', 'write (ingest)', 'floor (bare read)', 'written'],
        [
          [`ОСВ 62, ${documents} documents`, `${ms(osvTime)} ms`, `${ms(osvRead)} ms`, `${ms(osvWrite)} ms`, `${ms(osvFloor)} ms`, `${osvResult.documents.created} documents`],
          [`bank statement, ${documents} payments`, `${ms(bankTime)} ms`, `${ms(bankRead)} ms`, `${ms(bankWrite)} ms`, `${ms(bankFloor)} ms`, `${bankResult.payments.added} payments`],
        ],
      ),
    );
    recordBudget({ key: 'receivables.import.osv', label: `ОСВ 62 import, ${documents} documents`, figure: osvTime, unit: 'ms', floor: osvFloor, floorLabel: 'bare streamed read of the same .xlsx', goal: { maxRatio: 1.5 } });
    recordBudget({ key: 'receivables.import.bank', label: `bank statement import, ${documents} payments`, figure: bankTime, unit: 'ms', floor: bankFloor, floorLabel: 'bare decode and line split of the same file', goal: { maxRatio: 1.5 } });
    return { osvMs: osvTime, osvReadMs: osvRead, osvFloorMs: osvFloor, bankMs: bankTime, bankReadMs: bankRead, bankFloorMs: bankFloor };
  } finally {
    session.close();
  }
}
