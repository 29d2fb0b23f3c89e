import { AppError } from '../../errors';
import type { OutlineRow } from './outline-sheet';
import { kopecksOf } from './money';
import { CONTRACT_NAME, asOfOf, columnLetter, documentTitle, textOf, type DocumentTitle } from './one-c-text';

// «Задолженность покупателей (клиентов) по срокам долга» from 1C:УТ 11 / УНФ saved to
// Excel: title and parameter rows, a header naming the client column and «Долг» /
// «Сумма долга» (then «Просрочено» and the day ranges), then partner → counterparty →
// contract → settlement document rows, told apart by outline level or indent.

export interface AgingDocument extends DocumentTitle {
  row: number;
  contract: string | null;
  debtKopecks: number;
  overdueKopecks: number;
  synthetic: boolean;
}

export interface AgingParty {
  name: string;
  rows: number[];
  documents: AgingDocument[];
}

export interface AgingReport {
  asOf: string;
  parties: AgingParty[];
  rows: number;
}

const fail = (code: string, message: string, params: Record<string, string | number> = {}) => new AppError(`receivables_import.${code}`, message, params);

export const looksLikeAging = (text: string): boolean => /задолженность\s+(покупателей|клиентов)\s+по\s+срокам\s+долга/iu.test(text);

interface Line {
  n: number;
  depth: number;
  name: string;
  debt: number;
  overdue: number;
  doc: DocumentTitle | null;
}

export async function readAging(rows: AsyncIterable<OutlineRow>): Promise<AgingReport> {
  let asOf: string | null = null;
  let header: { name: number; debt: number; overdue: number | null } | null = null;
  const lines: Line[] = [];
  let read = 0;
  for await (const r of rows) {
    read++;
    const texts = r.cells.map((c) => textOf(c));
    if (!header) {
      const joined = texts.filter(Boolean).join(' ');
      asOf ??= asOfOf(joined);
      const debt = texts.findIndex((x) => /^(сумма\s+)?(долг|задолженность)(\s+клиента|\s+покупателя)?$/iu.test(x));
      if (debt >= 0) {
        const named = texts.findIndex((x) => /клиент|партн[её]р|контрагент|покупател/iu.test(x) && !/долг/iu.test(x));
        const overdue = texts.findIndex((x) => /просроч/iu.test(x));
        header = { name: named >= 0 ? named : 0, debt, overdue: overdue >= 0 ? overdue : null };
      }
      continue;
    }
    const name = texts[header.name] || texts.slice(0, header.debt).find(Boolean) || '';
    if (!name) continue;
    if (/^итого/iu.test(name)) break;
    const debt = kopecksOf(r.cells[header.debt] ?? null);
    const overdue = header.overdue === null ? 0 : kopecksOf(r.cells[header.overdue] ?? null);
    if (debt === 'invalid') throw fail('aging_amount', `Row ${r.n}, column ${columnLetter(header.debt)}: «${texts[header.debt]}» is not an amount`, { row: r.n, column: columnLetter(header.debt), value: texts[header.debt] ?? '' });
    if (debt === null) continue; // a header's second row (the day ranges) or a note
    lines.push({ n: r.n, depth: r.level || r.indent, name, debt, overdue: typeof overdue === 'number' ? overdue : 0, doc: documentTitle(name) });
  }
  if (!header) throw fail('aging_header', 'The report has no column «Долг» / «Сумма долга»: save «Задолженность покупателей по срокам долга» from 1C again');
  if (!asOf) throw fail('aging_date', 'The report names no date («на 31.03.2026» or «Период» in its parameters)');
  const parties = new Map<string, AgingParty>();
  const partyOf = (name: string, row: number) => {
    let p = parties.get(name);
    if (!p) parties.set(name, (p = { name, rows: [], documents: [] }));
    if (!p.rows.includes(row)) p.rows.push(row);
    return p;
  };
  // The client of a row: the nearest row above that is shallower, not a document and not a contract.
  // A file without levels: names, then contracts, then documents nest by what they are.
  if (lines.every((l) => l.depth === 0)) for (const l of lines) l.depth = l.doc ? 2 : CONTRACT_NAME.test(l.name) ? 1 : 0;
  const stack: Line[] = [];
  lines.forEach((l, i) => {
    while (stack.length && stack[stack.length - 1]!.depth >= l.depth) stack.pop();
    const owner = [...stack].reverse().find((s) => !s.doc && !CONTRACT_NAME.test(s.name)) ?? null;
    const contract = [...stack].reverse().find((s) => !s.doc && CONTRACT_NAME.test(s.name))?.name ?? null;
    const next = lines[i + 1];
    const leaf = !next || next.depth <= l.depth;
    if (l.doc) {
      if (!owner) throw fail('aging_levels', `Row ${l.n}: a document without a client above it`, { row: l.n });
      partyOf(owner.name, owner.n).documents.push({ ...l.doc, row: l.n, contract, debtKopecks: l.debt, overdueKopecks: l.overdue, synthetic: false });
    } else if (leaf && l.debt > 0) {
      const isContract = CONTRACT_NAME.test(l.name);
      const party = isContract ? owner : l;
      if (!party) throw fail('aging_levels', `Row ${l.n}: a contract without a client above it`, { row: l.n });
      const number = `Долг ${isContract ? l.name : ''}`.trim();
      partyOf(party.name, party.n).documents.push({ title: 'Долг', kind: 'opening', number, date: asOf!, row: l.n, contract: isContract ? l.name : null, debtKopecks: l.debt, overdueKopecks: l.overdue, synthetic: true });
    } else if (!l.doc && !CONTRACT_NAME.test(l.name) && leaf) partyOf(l.name, l.n);
    stack.push(l);
  });
  return { asOf, parties: [...parties.values()], rows: read };
}
