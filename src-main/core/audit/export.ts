import ExcelJS from 'exceljs';
import { message } from '../../shared/i18n/translate';
import type { UiLanguage } from '../../shared/i18n/languages';
import { actionText, detailLines, doorText, targetText, whoText, type Translate } from '../../shared/audit-text';
import { neutralise } from '../exchange/export/values';
import type { Ctx } from '../context';
import { eachAuditEntry, type AuditFilter } from './list';

// The log (as filtered on the screen) as an .xlsx in the style of the other exports:
// a bold frozen header with a filter, times as date cells in the user's zone, the
// details one change per line. Streaming writer, yielding every thousand rows.

/** The wall-clock time of an instant in a zone, as a Date whose UTC fields show it (Excel has no zones). */
function wallClock(iso: string, timeZone: string): Date {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  })
    .formatToParts(new Date(iso))
    .reduce<Record<string, number>>((acc, p) => (p.type === 'literal' ? acc : { ...acc, [p.type]: Number(p.value) }), {});
  return new Date(Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!));
}

export async function writeAuditXlsx(ctx: Ctx, path: string, filter: AuditFilter, lang: UiLanguage, timeZone: string): Promise<number> {
  const t: Translate = (key, params) => message(lang, key, params);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet(t('audit.title').slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [
    { header: t('audit.col.at'), key: 'at', width: 20, style: { numFmt: lang === 'ru' ? 'dd.mm.yyyy hh:mm:ss' : 'mm/dd/yyyy hh:mm:ss' } },
    { header: t('audit.col.user'), key: 'user', width: 22 },
    { header: t('audit.col.from'), key: 'from', width: 24 },
    { header: t('audit.col.action'), key: 'action', width: 30 },
    { header: t('audit.col.target'), key: 'target', width: 34 },
    { header: t('audit.col.details'), key: 'details', width: 70, style: { alignment: { wrapText: true, vertical: 'top' } } },
  ];
  ws.getRow(1).font = { bold: true };
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: 6 } };
  let n = 0;
  for (const e of eachAuditEntry(ctx, filter)) {
    ws.addRow([
      wallClock(e.at, timeZone),
      neutralise(whoText(t, e)),
      neutralise(doorText(t, e)),
      neutralise(actionText(t, e.action)),
      neutralise(targetText(t, e)),
      neutralise(detailLines(t, lang, e).join('\n')),
    ]).commit();
    if (++n % 1000 === 0) await new Promise((r) => setImmediate(r));
  }
  ws.commit();
  await wb.commit();
  return n;
}
