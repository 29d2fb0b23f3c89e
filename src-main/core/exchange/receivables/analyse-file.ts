import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Ctx } from '../../context';
import { AppError } from '../../errors';
import { prepared } from '../../db/statements';
import { counterpartyKey, findClientsByCounterparty } from '../../receivables/names';
import type { BatchInfo, IncomingDocument, IncomingPayment } from '../../receivables/ingest';
import { openTable } from '../read/open';
import { previewRows } from '../analyse';
import { outlineRows } from './outline-sheet';
import { looksLikeOsv, readOsv } from './osv';
import { looksLikeAging, readAging } from './aging';
import { readDocumentList, type RowProblem } from './document-list';
import { looksLikeStatement, readStatement } from './bank-statement';
import { textOf } from './one-c-text';

// Reads a 1C file into what the import would write, and which of its counterparties are
// which clients. Writes nothing: the user maps the names the file does not settle, then
// apply-file.ts writes it all in one transaction.

export type FileEntity = 'receivables' | 'payments';
export const FILE_ENTITIES: FileEntity[] = ['receivables', 'payments'];

/** A name (or payer) of the file and the client it is, if that is settled. */
export interface Party {
  /** The key mappings refer to: the name as the file writes it. */
  name: string;
  inn: string | null;
  rows: number[];
  clientId: string | null;
  /** Clients the name could be when it is not exactly one. */
  candidates: { id: string; name: string }[];
  documents: number;
  payments: number;
}

export interface FileAnalysis {
  entity: FileEntity;
  batch: BatchInfo;
  parties: Party[];
  documents: (Omit<IncomingDocument, 'clientId'> & { party: string })[];
  advances: { party: string; kopecks: number }[];
  payments: (Omit<IncomingPayment, 'clientId'> & { party: string })[];
  problems: RowProblem[];
  stats: { rows: number; outgoing: number; repeatedInFile: number };
}

async function fileHash(path: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(path)) h.update(chunk as Buffer);
  return h.digest('hex');
}

async function head(path: string): Promise<Buffer> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(64);
    const { bytesRead } = await fh.read(buf, 0, 64, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

function clientsByInn(ctx: Ctx, inn: string): { id: string; name: string }[] {
  return prepared<{ id: string; name: string }>(ctx.ws.sqlite, `SELECT id, name FROM clients WHERE inn = ? AND archived_at IS NULL AND merged_into_id IS NULL LIMIT 5`).all(inn);
}

class Parties {
  private byName = new Map<string, Party>();
  constructor(private ctx: Ctx) {}
  /** By ИНН when the file has it, else by the folded name. */
  get(name: string, inn: string | null, row: number, nameAfterInn = false): Party {
    const key = inn ?? name;
    let p = this.byName.get(key);
    if (!p) {
      let found = inn ? clientsByInn(this.ctx, inn) : findClientsByCounterparty(this.ctx, name);
      // A list's card may lack the ИНН the list has: its name then decides.
      if (inn && found.length === 0 && nameAfterInn && name !== inn) found = findClientsByCounterparty(this.ctx, name);
      p = { name, inn, rows: [], clientId: found.length === 1 ? found[0]!.id : null, candidates: found.length === 1 ? [] : found, documents: 0, payments: 0 };
      this.byName.set(key, p);
    }
    if (p.rows.length < 50) p.rows.push(row);
    return p;
  }
  all(): Party[] {
    return [...this.byName.values()];
  }
}

const fail = (code: string, message: string, params: Record<string, string | number> = {}) => new AppError(`receivables_import.${code}`, message, params);

/** Reads a file for `receivables` (ОСВ 62, the debts-by-age report or a document list) or `payments` (a bank statement). */
export async function analyseFile(ctx: Ctx, path: string, fileName: string, entity: FileEntity, onProgress?: (rows: number) => void): Promise<FileAnalysis> {
  const first = await head(path).catch(() => {
    throw new AppError('exchange.file_missing', `The file cannot be opened: ${fileName}`, { name: fileName });
  });
  if (first.length === 0) throw new AppError('exchange.file_empty', `The file is empty: ${fileName}`, { name: fileName });
  if (first[0] === 0xd0 && first[1] === 0xcf && first[2] === 0x11 && first[3] === 0xe0) {
    throw fail('xls_legacy', 'Old .xls format: in 1C save the report as «Лист Excel 2007 (*.xlsx)», or open it in Excel and choose File → Save As → Excel Workbook (.xlsx)', { name: fileName });
  }
  const contentHash = await fileHash(path);
  const parties = new Parties(ctx);
  const a = (kind: BatchInfo['kind']): FileAnalysis => ({
    entity,
    batch: { kind, fileName, contentHash, periodFrom: null, periodTo: null, asOf: null },
    parties: [],
    documents: [],
    advances: [],
    payments: [],
    problems: [],
    stats: { rows: 0, outgoing: 0, repeatedInFile: 0 },
  });
  if (entity === 'payments') {
    if (!looksLikeStatement(first)) throw fail('bank_not_statement', 'The file is not a bank statement for 1C (its first line is not 1CClientBankExchange)');
    const st = await readStatement(createReadStream(path, { highWaterMark: 256 * 1024 }) as AsyncIterable<Buffer>, onProgress);
    const out = a('bank');
    out.batch.periodFrom = st.from;
    out.batch.periodTo = st.to;
    for (const p of st.incoming) {
      const party = parties.get(p.payerName, p.payerInn, p.line);
      party.payments++;
      out.payments.push({ party: p.payerInn ?? p.payerName, number: p.number, date: p.date, amountKopecks: p.amountKopecks, payerInn: p.payerInn, payerName: p.payerName, purpose: p.purpose, row: p.line });
    }
    out.stats = { rows: st.lines, outgoing: st.outgoing, repeatedInFile: st.repeated };
    out.parties = parties.all();
    return out;
  }
  if (looksLikeStatement(first)) throw fail('bank_for_payments', 'This is a bank statement: import it as payments (--entity payments)');
  const isZip = first[0] === 0x50 && first[1] === 0x4b;
  let title = '';
  if (isZip) {
    const table = await openTable(path, fileName);
    title = (await previewRows(table, 0)).map((r) => r.cells.map((c) => textOf(c)).join(' ')).join('\n');
  }
  if (isZip && looksLikeOsv(title)) {
    const osv = await readOsv(outlineRows(path), onProgress);
    const out = a('osv');
    out.batch.periodFrom = osv.period.from;
    out.batch.periodTo = osv.period.to;
    for (const cp of osv.counterparties) {
      const party = parties.get(cp.name, null, cp.rows[0]!);
      for (const r of cp.rows.slice(1)) if (party.rows.length < 50) party.rows.push(r);
      for (const d of cp.documents) {
        if (d.openingDebit + d.debitTurnover + d.closingDebit === 0) continue; // a payment's row: its effect is in the balances
        party.documents++;
        // In the period the document's debit turnover is its amount; before it, what it still owed then.
        const amount = Math.max(d.debitTurnover > 0 ? d.debitTurnover + d.openingDebit : d.openingDebit, d.closingDebit);
        out.documents.push({ party: cp.name, contract: d.contract, kind: d.kind, number: d.number, date: d.date, amountKopecks: amount, openKopecks: d.closingDebit, dueDate: null, row: d.row });
      }
      if (cp.closingCredit > 0) out.advances.push({ party: cp.name, kopecks: cp.closingCredit });
    }
    out.stats.rows = osv.rows;
    out.parties = parties.all();
    return out;
  }
  if (isZip && looksLikeAging(title)) {
    const aging = await readAging(outlineRows(path));
    const out = a('aging');
    out.batch.asOf = aging.asOf;
    for (const p of aging.parties) {
      const party = parties.get(p.name, null, p.rows[0]!);
      for (const d of p.documents) {
        party.documents++;
        out.documents.push({ party: p.name, contract: d.contract, kind: d.kind, number: d.number, date: d.date, amountKopecks: d.debtKopecks, openKopecks: d.debtKopecks, dueDate: null, row: d.row });
      }
    }
    out.stats.rows = aging.rows;
    out.parties = parties.all();
    return out;
  }
  const list = await readDocumentList(await openTable(path, fileName)).catch((e: unknown) => {
    if (e instanceof AppError && e.code === 'receivables_import.list_header' && isZip && /оборотно|ведомост|задолженност/iu.test(title)) {
      throw fail('report_unknown', 'This 1C report is not one the import reads: save «Оборотно-сальдовая ведомость по счету 62» or «Задолженность покупателей по срокам долга»');
    }
    throw e;
  });
  const out = a('list');
  out.problems = list.problems;
  let lastDate = '';
  for (const d of list.documents) {
    const party = parties.get(d.client || d.inn!, d.inn, d.row, true);
    party.documents++;
    if (d.date > lastDate) lastDate = d.date;
    out.documents.push({ party: d.inn ?? d.client, contract: d.contract, kind: d.kind, number: d.number, date: d.date, amountKopecks: d.amountKopecks, openKopecks: d.openKopecks, dueDate: d.dueDate, row: d.row });
  }
  // A list is a snapshot as of its newest document.
  out.batch.asOf = lastDate || null;
  out.stats.rows = list.rows;
  out.parties = parties.all();
  return out;
}

/** The key a party's documents and payments refer to. */
export const partyKey = (p: Party): string => p.inn ?? p.name;
export { counterpartyKey };
