import { open } from 'node:fs/promises';
import { extname } from 'node:path';
import { AppError } from '../../errors';
import { openCsv } from './csv';
import { openXlsx, type ReadTuning } from './xlsx';
import { openVcards } from './vcard';
import type { TableSource } from './types';

/**
 * Opens a table file by what its bytes are, not its name: an .xlsx is a zip ("PK"),
 * an old binary .xls an OLE container (D0 CF 11 E0), anything else is read as text.
 * `name` (the user's file name) only decides the wording of messages.
 */
export async function openTable(path: string, name = path, tuning: ReadTuning & { csvSliceChars?: number } = {}): Promise<TableSource> {
  const head = Buffer.alloc(16);
  const fh = await open(path, 'r').catch(() => {
    throw new AppError('exchange.file_missing', `The file cannot be opened: ${name}`, { name });
  });
  let size: number;
  try {
    size = (await fh.stat()).size;
    await fh.read(head, 0, 16, 0);
  } finally {
    await fh.close();
  }
  if (size === 0) throw new AppError('exchange.file_empty', `The file is empty: ${name}`, { name });
  if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) {
    throw new AppError('exchange.xls_legacy', 'Old .xls format: open it in Excel and choose File → Save As → Excel Workbook (.xlsx)', { name });
  }
  if (head[0] === 0x50 && head[1] === 0x4b) return openXlsx(path, tuning);
  if (['.xlsx', '.xlsm'].includes(extname(name).toLowerCase())) {
    throw new AppError('exchange.xlsx_broken', `The workbook cannot be read (damaged or not an .xlsx): ${name}`, { name });
  }
  const start = head.toString('latin1').replace(/^\xef\xbb\xbf/, '').trimStart().toUpperCase();
  if (start.startsWith('BEGIN:VCARD') || extname(name).toLowerCase() === '.vcf') return openVcards(path);
  return openCsv(path, tuning.csvSliceChars);
}
