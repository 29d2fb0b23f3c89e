import { AppError } from '../../errors';
import type { OutlineRow } from './outline-sheet';
import { kopecksOf } from './money';
import { ACCOUNT, CONTRACT_NAME, columnLetter, documentTitle, periodOf, textOf, type DocumentKind } from './one-c-text';

// ОСВ по счёту 62 as 1C:Бухгалтерия saves it to Excel: title rows (organisation, «Оборотно-
// сальдовая ведомость по счету 62», the period), a two-row header (Сальдо на начало /
// Обороты за период / Сальдо на конец, each split into Дебет / Кредит, merged cells),
// the account and sub-account rows (62, 62.01, 62.02), then counterparty → contract →
// document rows told apart by outline level or indent, «Итого» last.

export interface Balances {
  openingDebit: number;
  openingCredit: number;
  debitTurnover: number;
  creditTurnover: number;
  closingDebit: number;
  closingCredit: number;
}

export interface OsvDocument extends Balances {
  row: number;
  title: string;
  kind: DocumentKind;
  number: string;
  date: string;
  contract: string | null;
  /** A balance row of a counterparty or contract the file does not split by documents. */
  synthetic: boolean;
}

export interface OsvCounterparty extends Balances {
  name: string;
  /** Rows naming the counterparty (once per sub-account). */
  rows: number[];
  contracts: string[];
  documents: OsvDocument[];
}

export interface OsvReport {
  account: string;
  organisation: string | null;
  period: { from: string; to: string };
  counterparties: OsvCounterparty[];
  rows: number;
}

const KEYS: (keyof Balances)[] = ['openingDebit', 'openingCredit', 'debitTurnover', 'creditTurnover', 'closingDebit', 'closingCredit'];
const zero = (): Balances => ({ openingDebit: 0, openingCredit: 0, debitTurnover: 0, creditTurnover: 0, closingDebit: 0, closingCredit: 0 });
const TITLE = /оборотно-сальдовая\s+ведомость\s+по\s+сч[её]ту\s+(\d{2}(?:\.\S+)?)/iu;

const fail = (code: string, message: string, params: Record<string, string | number> = {}) => new AppError(`receivables_import.${code}`, message, params);

/** Whether the first rows of a sheet are an ОСВ (any account): its title. */
export const looksLikeOsv = (text: string): boolean => /оборотно-сальдовая\s+ведомость/iu.test(text);

interface Unit {
  name: string;
  contract: string | null;
  balances: Balances;
  row: number;
  documents: number;
  /** Contract rows under a counterparty row: they carry its balance. */
  contracts: number;
}

export async function readOsv(rows: AsyncIterable<OutlineRow>, onRow?: (n: number) => void): Promise<OsvReport> {
  let titleAccount: string | null = null;
  let organisation: string | null = null;
  let period: { from: string; to: string } | null = null;
  let amountCols: number[] | null = null;
  let headerStarts: number | null = null;
  let nameCol = 0;
  let account: string | null = null;
  let accountDepth = 0;
  const byName = new Map<string, OsvCounterparty>();
  let party: { cp: OsvCounterparty; depth: number } | null = null;
  let contract: Unit | null = null;
  let partyUnit: Unit | null = null;
  const units: Unit[] = [];
  let read = 0;

  for await (const r of rows) {
    read++;
    if (read % 5000 === 0) onRow?.(read);
    const texts = r.cells.map((c) => textOf(c));
    if (!amountCols) {
      const line = texts.filter(Boolean).join(' ');
      const t = TITLE.exec(line);
      if (t) titleAccount = t[1]!;
      else if (!organisation && line && !looksLikeOsv(line) && !/^(период|показател|единица|выводимые|отбор|детализация)/iu.test(line) && headerStarts === null) organisation = line;
      period ??= /период|за\s/iu.test(line) ? periodOf(line) : null;
      if (headerStarts === null && texts.some((x) => /^сальдо\s+на\s+начало/iu.test(x))) {
        headerStarts = r.n;
        const named = texts.findIndex((x) => /^сч[её]т$/iu.test(x));
        if (named >= 0) nameCol = named;
        continue;
      }
      if (headerStarts !== null) {
        const cols = texts.flatMap((x, i) => (/^(дебет|кредит)$/iu.test(x) ? [i] : []));
        if (cols.length === 6) amountCols = cols;
        else if (r.n - headerStarts > 2) throw fail('osv_header', 'The ОСВ header (Сальдо на начало / Обороты / Сальдо на конец, each Дебет and Кредит) is not complete', { row: headerStarts });
      }
      continue;
    }
    const name = texts[nameCol] || texts.slice(0, amountCols[0]).find(Boolean) || '';
    if (!name) continue;
    if (/^итого/iu.test(name)) break;
    const acc = ACCOUNT.exec(name);
    if (acc) {
      if (acc[1] !== '62') throw fail('osv_wrong_account', `This is the ОСВ for account ${name}, not 62: save the ОСВ for account 62 from 1C`, { account: name });
      account ??= name;
      accountDepth = r.level || r.indent;
      party = null;
      contract = null;
      continue;
    }
    if (!account) continue; // «Контрагенты», «Договоры» under the header name the levels
    const balances = zero();
    KEYS.forEach((k, i) => {
      const col = amountCols![i]!;
      const v = kopecksOf(r.cells[col] ?? null);
      if (v === 'invalid') throw fail('osv_amount', `Row ${r.n}, column ${columnLetter(col)}: «${texts[col]}» is not an amount`, { row: r.n, column: columnLetter(col), value: texts[col] ?? '' });
      balances[k] = v ?? 0;
    });
    const depth = (r.level || r.indent) - accountDepth;
    const doc = documentTitle(name);
    if (doc) {
      if (!party) throw fail('osv_levels', `Row ${r.n}: a document without a counterparty above it`, { row: r.n });
      party.cp.documents.push({ row: r.n, ...doc, contract: contract?.contract ?? null, synthetic: false, ...balances });
      (contract ?? partyUnit!).documents++;
      if (contract) partyUnit!.documents++;
      continue;
    }
    const flat = depth <= 0 && (!party || party.depth <= 0);
    const isContract = party && (flat ? CONTRACT_NAME.test(name) : depth > party.depth);
    if (isContract) {
      contract = { name: party!.cp.name, contract: name, balances, row: r.n, documents: 0, contracts: 0 };
      partyUnit!.contracts++;
      units.push(contract);
      if (!party!.cp.contracts.includes(name)) party!.cp.contracts.push(name);
      continue;
    }
    let cp = byName.get(name);
    if (!cp) {
      cp = { name, rows: [], contracts: [], documents: [], ...zero() };
      byName.set(name, cp);
    }
    cp.rows.push(r.n);
    for (const k of KEYS) cp[k] += balances[k];
    party = { cp, depth };
    contract = null;
    partyUnit = { name, contract: null, balances, row: r.n, documents: 0, contracts: 0 };
    units.push(partyUnit);
  }
  onRow?.(read);
  if (titleAccount && !/^62(\.|$)/.test(titleAccount)) throw fail('osv_wrong_account', `This is the ОСВ for account ${titleAccount}, not 62: save the ОСВ for account 62 from 1C`, { account: titleAccount });
  if (!amountCols) throw fail('osv_header', 'The ОСВ header (Сальдо на начало / Обороты / Сальдо на конец, each Дебет and Кредит) is not found', { row: headerStarts ?? 1 });
  if (!period) throw fail('osv_period', 'The ОСВ names no period («Период: 01.01.2026 - 31.03.2026» under its title)');
  // A counterparty or contract the file does not split into documents owes its balance as one.
  for (const u of units) {
    if (u.documents > 0 || u.contracts > 0 || u.balances.closingDebit + u.balances.openingDebit + u.balances.debitTurnover === 0) continue;
    const cp = byName.get(u.name)!;
    cp.documents.push({ row: u.row, title: 'Сальдо', kind: 'opening', number: `Сальдо ${u.contract ?? ''}`.trim(), date: period.to, contract: u.contract, synthetic: true, ...u.balances });
  }
  return { account: account ?? titleAccount ?? '62', organisation, period, counterparties: [...byName.values()], rows: read };
}
