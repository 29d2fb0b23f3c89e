import { createWriteStream, type WriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify/sync';
import type { Ctx } from '../../context';
import { AppError } from '../../errors';
import { encodeText } from '../read/decode';
import { exportEntity } from '../entities/registry';
import type { ExportValue, FieldDef } from '../entities/types';
import { joinList, neutralise, textValue, toDate } from './values';
import { writeVcards } from './vcard-write';
import { assertEncodable, for1251, type Target } from './encodable';

export const EXPORT_FORMATS = ['xlsx', 'csv', 'csv-1c', 'vcf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

// Column names 1C's "load from spreadsheet" recognises for counterparties.
const HEADERS_1C: Record<string, string> = {
  kind: 'Юр. / физ. лицо',
  phones: 'Телефон',
  emails: 'Адрес электронной почты',
  actualAddress: 'Фактический адрес',
  legalAddress: 'Юридический адрес',
  notes: 'Комментарий',
};

const yieldNow = () => new Promise((r) => setImmediate(r));

/** The record's name for messages about its row. */
export const recordName = (r: Record<string, ExportValue>): string => String(r.name ?? r.title ?? r.clientName ?? '');

function checkRow(values: unknown[], columns: FieldDef[], target: Target, row: number, record: string): void {
  values.forEach((v, i) => {
    if (typeof v === 'string') assertEncodable(v, target, { row, field: columns[i]!.header, record });
  });
}

export function chooseColumns(all: FieldDef[], keys: string[] | null | undefined): FieldDef[] {
  if (!keys || keys.length === 0) return all;
  const byKey = new Map(all.map((f) => [f.key, f]));
  const out = keys.map((k) => byKey.get(k)).filter((f): f is FieldDef => !!f);
  if (out.length === 0) throw new AppError('exchange.columns_empty', 'No known column chosen');
  return out;
}

function widthOf(f: FieldDef): number {
  if (f.type === 'date') return 12;
  if (f.type === 'code') return 16;
  if (f.type === 'phones' || f.type === 'emails') return 24;
  if (f.key === 'name' || f.key === 'fullName' || f.key.endsWith('Address') || f.key === 'notes') return 40;
  return Math.min(30, Math.max(12, f.header.length + 2));
}

function xlsxCell(f: FieldDef, v: ExportValue): unknown {
  if (v === null || v === undefined) return null;
  switch (f.type) {
    case 'date':
      return typeof v === 'string' ? toDate(v) ?? v : v;
    case 'money':
      return Number(v) / 100;
    case 'number':
      return typeof v === 'number' ? v : Number.isFinite(Number(v)) ? Number(v) : v;
    case 'bool':
      return v === '1' || v === true ? 'да' : 'нет';
    case 'code':
    case 'phones':
      // Text cells: an ИНН or a phone typed as a number loses leading zeros and gets 7.7E+09.
      return joinList(v);
    default:
      return neutralise(joinList(v));
  }
}

async function writeXlsx(path: string, sheetName: string, columns: FieldDef[], rows: Iterable<Record<string, ExportValue>>): Promise<number> {
  // The streaming writer commits rows to disk as they come: memory stays flat for any list size.
  const file = createWriteStream(path);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: file, useStyles: true, useSharedStrings: false });
  try {
    return await writeSheet(wb, sheetName, columns, rows);
  } catch (e) {
    (wb as unknown as { zip: { abort(): void } }).zip.abort();
    await closed(file);
    throw e;
  }
}

/**
 * A writer stopped half-way (a refused character) still holds its file open; Windows
 * cannot delete an open file, so it is closed before anyone removes it.
 */
async function closed(file: WriteStream): Promise<void> {
  if (file.closed) return;
  file.destroy();
  await once(file, 'close');
}

async function writeSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, sheetName: string, columns: FieldDef[], rows: Iterable<Record<string, ExportValue>>): Promise<number> {
  const ws = wb.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((f) => ({
    header: f.header,
    key: f.key,
    width: widthOf(f),
    style: f.type === 'date' ? { numFmt: 'dd.mm.yyyy' } : f.type === 'money' ? { numFmt: '#,##0.00 "₽"' } : f.type === 'code' || f.type === 'phones' ? { numFmt: '@' } : {},
  }));
  ws.getRow(1).font = { bold: true };
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  let n = 0;
  const moneyColumns = columns.flatMap((f, i) => (f.type === 'money' ? [i + 1] : []));
  checkRow(columns.map((f) => f.header), columns, 'xlsx', 1, '');
  for (const r of rows) {
    const values = columns.map((f) => xlsxCell(f, r[f.key] ?? null));
    checkRow(values, columns, 'xlsx', n + 2, recordName(r));
    const row = ws.addRow(values);
    // A deal in another currency shows its own code instead of the column's ₽.
    const code = typeof r.currency === 'string' && /^[A-Z]{3}$/.test(r.currency) && r.currency !== 'RUB' ? r.currency : null;
    if (code) for (const i of moneyColumns) row.getCell(i).numFmt = `#,##0.00 "${code}"`;
    row.commit();
    if (++n % 2000 === 0) await yieldNow();
  }
  ws.commit();
  await wb.commit();
  return n;
}

async function writeCsv(path: string, columns: FieldDef[], rows: Iterable<Record<string, ExportValue>>, for1c: boolean): Promise<number> {
  const out = createWriteStream(path);
  const opts = { delimiter: ';', record_delimiter: 'windows' as const };
  let first = true;
  const write = async (lines: string[][]) => {
    const text = stringify(lines, opts);
    // Excel needs the BOM to read UTF-8; 1C and old Excel read Windows-1251.
    const buf = for1c ? encodeText(text, 'windows-1251') : first ? encodeText(text, 'utf-8-bom') : Buffer.from(text, 'utf8');
    first = false;
    if (!out.write(buf)) await once(out, 'drain');
  };
  const target: Target = for1c ? 'windows-1251' : 'utf-8';
  // The 1C file gets 1251's equivalents (₽ → руб., thin spaces, hyphens) before the check.
  const text = for1c ? for1251 : (s: string) => s;
  try {
    const header = columns.map((f) => text(for1c ? HEADERS_1C[f.key] ?? f.header : f.header));
    checkRow(header, columns, target, 1, '');
    await write([header]);
    let batch: string[][] = [];
    let n = 0;
    for (const r of rows) {
      const values = columns.map((f) => text(textValue(f, r[f.key] ?? null)));
      checkRow(values, columns, target, n + 2, recordName(r));
      batch.push(values);
      n++;
      if (batch.length === 1000) {
        await write(batch);
        batch = [];
      }
    }
    if (batch.length) await write(batch);
    out.end();
    await once(out, 'finish');
    return n;
  } catch (e) {
    await closed(out);
    throw e;
  }
}

export interface ExportRequest {
  entity: string;
  format: ExportFormat;
  query?: unknown;
  columns?: string[] | null;
}

/**
 * Writes a list to `path`; returns the number of records written. The file appears
 * only when it is complete: a refused character leaves no half file, and an earlier
 * file of that name as it was.
 */
export async function writeExport(ctx: Ctx, req: ExportRequest, path: string): Promise<number> {
  const part = `${path}.part`;
  try {
    const n = await writeWhole(ctx, req, part);
    await rename(part, path);
    return n;
  } catch (e) {
    await rm(part, { force: true });
    throw e;
  }
}

async function writeWhole(ctx: Ctx, req: ExportRequest, path: string): Promise<number> {
  const entity = exportEntity(req.entity);
  const query = entity.parseQuery(req.query);
  if (req.format === 'vcf' && !entity.vcard) throw new AppError('exchange.format_unsupported', `${req.entity} cannot be written as ${req.format}`, { format: req.format });
  const rows = entity.rows(ctx, query);
  if (req.format === 'vcf') return writeVcards(path, req.entity, rows, Object.fromEntries(entity.fields(ctx).map((f) => [f.key, f.header])));
  const columns = chooseColumns(entity.fields(ctx), req.columns);
  if (req.format === 'xlsx') return writeXlsx(path, entity.title, columns, rows);
  return writeCsv(path, columns, rows, req.format === 'csv-1c');
}
