import { AppError } from '../../errors';
import { cellCode, cellDate, cellText } from '../cells';
import { autoMapping, detectHeaderRow, isBlankRow, isTotalsRow } from '../header';
import { field } from '../entities/field-kit';
import type { FieldDef } from '../entities/types';
import type { SourceRow, TableSource } from '../read/types';
import { previewRows, headersOf } from '../analyse';
import { kopecksOf } from './money';
import type { DocumentKind } from './one-c-text';

// A plain list of documents (from 1C, another accounting program or kept by hand):
// client and/or ИНН, number, date, amount, paid, and optionally due date, contract and
// kind. Columns are matched by their header names, Russian or English.

export const LIST_FIELDS: FieldDef[] = [
  field('client', 'text', ['Клиент', 'Контрагент', 'Покупатель', 'Организация', 'Наименование', 'Client', 'Customer', 'Counterparty', 'Company']),
  field('inn', 'code', ['ИНН', 'ИНН контрагента', 'ИНН клиента', 'INN', 'Tax ID', 'TIN']),
  field('number', 'text', ['Номер', 'Номер документа', '№', 'Документ', 'Number', 'Document', 'Document number', 'Invoice', 'Invoice number']),
  field('date', 'date', ['Дата', 'Дата документа', 'Date', 'Document date', 'Invoice date']),
  field('amount', 'money', ['Сумма', 'Сумма документа', 'Amount', 'Total', 'Sum']),
  field('paid', 'money', ['Оплачено', 'Оплата', 'Сумма оплаты', 'Paid', 'Payment', 'Amount paid']),
  field('open', 'money', ['Долг', 'Остаток', 'Остаток долга', 'Задолженность', 'К оплате', 'Balance', 'Due', 'Outstanding', 'Open']),
  field('dueDate', 'date', ['Срок оплаты', 'Оплатить до', 'Срок', 'Due date', 'Pay by']),
  field('contract', 'text', ['Договор', 'Contract']),
  field('kind', 'text', ['Вид документа', 'Тип', 'Вид', 'Kind', 'Type']),
];

export interface ListDocument {
  row: number;
  client: string;
  inn: string | null;
  number: string;
  date: string;
  amountKopecks: number;
  openKopecks: number;
  dueDate: string | null;
  contract: string | null;
  kind: DocumentKind;
}

export interface RowProblem {
  row: number;
  field: string;
  column: string;
  code: string;
  value: string;
}

export interface DocumentList {
  headerRow: number;
  documents: ListDocument[];
  problems: RowProblem[];
  rows: number;
}

/** Whether a sheet's first rows hold a header naming a document list's columns. */
export function listHeader(rows: SourceRow[]): { row: number; mapping: Record<number, string | null>; headers: string[] } | null {
  const row = detectHeaderRow(rows, LIST_FIELDS);
  if (row === null) return null;
  const headers = headersOf(rows, row);
  const mapping = autoMapping(headers, LIST_FIELDS);
  const mapped = new Set(Object.values(mapping));
  if (!(mapped.has('client') || mapped.has('inn')) || !mapped.has('number') || !mapped.has('date') || !mapped.has('amount')) return null;
  return { row, mapping, headers };
}

const kindOf = (s: string | null): DocumentKind => (!s ? 'shipment' : /сч[её]т(?!-ф)|invoice/iu.test(s) ? 'invoice' : /остат|сальдо|opening/iu.test(s) ? 'opening' : 'shipment');

export async function readDocumentList(table: TableSource): Promise<DocumentList> {
  const head = await previewRows(table, 0);
  const found = listHeader(head);
  if (!found) throw new AppError('receivables_import.list_header', 'No header with the client (or ИНН), number, date and amount columns was found in the first rows');
  const col = new Map<string, number>();
  for (const [c, key] of Object.entries(found.mapping)) if (key && !col.has(key)) col.set(key, Number(c));
  const list: DocumentList = { headerRow: found.row, documents: [], problems: [], rows: 0 };
  for await (const r of table.rows(0)) {
    if (r.n <= found.row) continue;
    list.rows++;
    if (isBlankRow(r.cells) || isTotalsRow(r.cells)) continue;
    const get = (k: string) => (col.has(k) ? (r.cells[col.get(k)!] ?? null) : null);
    const problem = (k: string, code: string) => {
      list.problems.push({ row: r.n, field: k, column: found.headers[col.get(k) ?? -1] ?? k, code, value: cellText(get(k)) ?? '' });
      return null;
    };
    const client = cellText(get('client'));
    const inn = cellCode(get('inn'));
    if (!client && !inn) problem('client', 'required');
    const number = cellText(get('number')) ?? problem('number', 'required');
    const date = cellDate(get('date'));
    if (date === null) problem('date', 'required');
    else if (date === 'invalid') problem('date', 'date');
    const amount = kopecksOf(get('amount'));
    if (amount === null) problem('amount', 'required');
    else if (amount === 'invalid' || amount < 0) problem('amount', 'amount');
    const paid = kopecksOf(get('paid'));
    if (paid === 'invalid' || (typeof paid === 'number' && paid < 0)) problem('paid', 'amount');
    const open = kopecksOf(get('open'));
    if (open === 'invalid' || (typeof open === 'number' && open < 0)) problem('open', 'amount');
    const due = cellDate(get('dueDate'));
    if (due === 'invalid') problem('dueDate', 'date');
    if (list.problems.at(-1)?.row === r.n) continue;
    const a = amount as number;
    const openKopecks = typeof open === 'number' ? open : Math.max(0, a - ((paid as number | null) ?? 0));
    list.documents.push({
      row: r.n,
      client: client ?? '',
      inn,
      number: number!,
      date: date as string,
      amountKopecks: a,
      openKopecks: Math.min(a, openKopecks),
      dueDate: (due as string | null) ?? null,
      contract: cellText(get('contract')),
      kind: kindOf(cellText(get('kind'))),
    });
  }
  return list;
}
