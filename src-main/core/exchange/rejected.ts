import ExcelJS from 'exceljs';
import type { Analysis } from './analyse';
import type { RowIssue } from './entities/types';

/**
 * The rows that could not be imported, as they were, plus the row number and the
 * reasons, so the user fixes them in Excel and imports this file again.
 */
export async function writeRejected(path: string, a: Analysis, describe: (i: RowIssue) => string): Promise<number> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true });
  const ws = wb.addWorksheet('Не загружено', { views: [{ state: 'frozen', ySplit: 1 }] });
  const header = ws.addRow([...a.headers, 'Строка в файле', 'Ошибки']);
  header.font = { bold: true };
  header.commit();
  for (const r of a.rejected) {
    const cells = a.headers.map((_, i) => r.cells[i] ?? null);
    ws.addRow([...cells, r.row, r.reasons.map(describe).join('; ')]).commit();
  }
  ws.commit();
  await wb.commit();
  return a.rejected.length;
}
