import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

// Files in the shapes 1C writes them, generated in code (never hand-made binaries):
// ОСВ по счёту 62 and «Задолженность покупателей по срокам долга» as 1C saves them to
// .xlsx (title rows, merged two-row header, outline levels and indents, amounts as text
// with non-breaking spaces or as number cells, «Итого»), and 1CClientBankExchange bank
// statements (Windows-1251 or UTF-8, CRLF or LF).

export interface OsvDoc {
  title?: string;
  number: string;
  /** dd.mm.yyyy */
  date: string;
  /** Kopecks: opening debit, debit turnover, credit turnover, closing debit (closing credit is 0). */
  od?: number;
  dt?: number;
  ct?: number;
  cd?: number;
}
export interface OsvParty {
  name: string;
  subaccount?: string;
  contracts?: { name: string; docs: OsvDoc[] }[];
  docs?: OsvDoc[];
  /** Without documents: balances of the counterparty row itself. */
  balance?: { od?: number; dt?: number; ct?: number; cd?: number; cc?: number };
}
export interface OsvSpec {
  account?: string;
  organisation?: string;
  periodLine?: string;
  parties: OsvParty[];
  /** 'text' writes «1 234,56» with NBSP as 1C's text export does, 'number' real numbers, 'mixed' both. */
  numbers?: 'text' | 'number' | 'mixed';
  /** Levels as Excel row groups, as indents, or both (1C writes both). */
  levels?: 'outline' | 'indent' | 'both' | 'none';
}

const NBSP = '\u00a0';
/** 123456789 kopecks → «1 234 567,89» with non-breaking spaces. */
export function rubText(kopecks: number): string {
  const neg = kopecks < 0;
  const abs = Math.abs(kopecks);
  const whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
  return `${neg ? '-' : ''}${whole},${String(abs % 100).padStart(2, '0')}`;
}

type Six = [number, number, number, number, number, number];
const sumDocs = (docs: OsvDoc[]): Six => {
  const s: Six = [0, 0, 0, 0, 0, 0];
  for (const d of docs) {
    s[0] += d.od ?? 0;
    s[2] += d.dt ?? 0;
    s[3] += d.ct ?? 0;
    s[4] += d.cd ?? 0;
  }
  return s;
};
const add = (a: Six, b: Six): Six => a.map((x, i) => x + b[i]!) as Six;

export async function writeOsv(path: string, spec: OsvSpec): Promise<void> {
  const account = spec.account ?? '62';
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: true });
  const ws = wb.addWorksheet('TDSheet');
  let n = 0;
  let i = 0;
  const amount = (k: number) => {
    if (k === 0) return null;
    const mode = spec.numbers ?? 'mixed';
    const asText = mode === 'text' || (mode === 'mixed' && i++ % 2 === 0);
    return asText ? rubText(k) : k / 100;
  };
  const levels = spec.levels ?? 'both';
  const put = (name: string, six: Six | null, level: number) => {
    const row = ws.getRow(++n);
    row.getCell(1).value = name;
    if (six) six.forEach((k, c) => (row.getCell(c + 2).value = amount(k)));
    if (level > 0 && (levels === 'outline' || levels === 'both')) row.outlineLevel = level;
    if (level > 0 && (levels === 'indent' || levels === 'both')) row.getCell(1).alignment = { indent: level };
    row.commit();
  };
  put(spec.organisation ?? 'ООО "Картотека Тест"', null, 0);
  put(`Оборотно-сальдовая ведомость по счету ${account} за 1 квартал 2026 г.`, null, 0);
  put(spec.periodLine ?? 'Период: 01.01.2026 - 31.03.2026', null, 0);
  put('Выводимые данные: БУ (данные бухгалтерского учета)', null, 0);
  n++;
  const h1 = ws.getRow(++n);
  h1.getCell(1).value = 'Счет';
  h1.getCell(2).value = 'Сальдо на начало периода';
  h1.getCell(4).value = 'Обороты за период';
  h1.getCell(6).value = 'Сальдо на конец периода';
  const h2 = ws.getRow(++n);
  ['Дебет', 'Кредит', 'Дебет', 'Кредит', 'Дебет', 'Кредит'].forEach((t, c) => (h2.getCell(c + 2).value = t));
  // The merged two-row header 1C writes: «Счет» over both rows, each group over its pair.
  ws.mergeCells(n - 1, 1, n, 1);
  ws.mergeCells(n - 1, 2, n - 1, 3);
  ws.mergeCells(n - 1, 4, n - 1, 5);
  ws.mergeCells(n - 1, 6, n - 1, 7);
  h1.commit();
  h2.commit();
  put('Контрагенты', null, 0);
  put('Договоры', null, 0);
  put('Документы расчетов с контрагентом', null, 0);
  const partySix = (p: OsvParty): Six => {
    if (p.balance) return [p.balance.od ?? 0, 0, p.balance.dt ?? 0, p.balance.ct ?? 0, p.balance.cd ?? 0, p.balance.cc ?? 0];
    return sumDocs([...(p.docs ?? []), ...(p.contracts ?? []).flatMap((c) => c.docs)]);
  };
  const subs = [...new Set(spec.parties.map((p) => p.subaccount ?? `${account}.01`))];
  const total = spec.parties.reduce<Six>((s, p) => add(s, partySix(p)), [0, 0, 0, 0, 0, 0]);
  put(account, total, 0);
  for (const sub of subs) {
    const parties = spec.parties.filter((p) => (p.subaccount ?? `${account}.01`) === sub);
    put(sub, parties.reduce<Six>((s, p) => add(s, partySix(p)), [0, 0, 0, 0, 0, 0]), 1);
    for (const p of parties) {
      put(p.name, partySix(p), 2);
      for (const c of p.contracts ?? []) {
        put(c.name, sumDocs(c.docs), 3);
        for (const d of c.docs) put(`${d.title ?? 'Реализация (акт, накладная, УПД)'} ${d.number} от ${d.date} 12:00:00`, sumDocs([d]), 4);
      }
      for (const d of p.docs ?? []) put(`${d.title ?? 'Реализация (акт, накладная, УПД)'} ${d.number} от ${d.date} 12:00:00`, sumDocs([d]), 3);
    }
  }
  put('Итого', total, 0);
  await wb.commit();
}

export interface AgingSpec {
  asOfLine?: string;
  parties: { name: string; docs?: { number: string; date: string; debt: number; overdue?: number }[]; debt?: number }[];
}

export async function writeAging(path: string, spec: AgingSpec): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('TDSheet');
  ws.addRow(['Задолженность покупателей по срокам долга']);
  ws.addRow([spec.asOfLine ?? 'Параметры: Дата отчета: 31.03.2026']);
  ws.addRow([]);
  ws.addRow(['Клиент', 'Долг клиента', 'Просрочено', 'Интервалы просроченной задолженности']);
  ws.addRow([null, null, null, '1-30 дней', '31-60 дней', 'более 60 дней']);
  ws.mergeCells(4, 4, 4, 6);
  for (const p of spec.parties) {
    const debt = p.debt ?? (p.docs ?? []).reduce((s, d) => s + d.debt, 0);
    ws.addRow([p.name, rubText(debt), null]);
    for (const d of p.docs ?? []) {
      const r = ws.addRow([`Реализация товаров и услуг ${d.number} от ${d.date} 0:00:00`, d.debt / 100, d.overdue ? rubText(d.overdue) : null]);
      r.outlineLevel = 1;
      r.getCell(1).alignment = { indent: 1 };
    }
  }
  ws.addRow(['Итого', 0]);
  await wb.xlsx.writeFile(path);
}

export interface BankDoc {
  kind?: string;
  number: string;
  date: string;
  sum: string;
  payerInn?: string;
  payer: string;
  payerAccount: string;
  recipientInn?: string;
  recipient?: string;
  recipientAccount: string;
  received?: string;
  debited?: string;
  purpose: string;
}

export const OUR_ACCOUNT = '40702810900000000001';
export const OUR_INN = '7700000001';

/** A 1CClientBankExchange statement's text; `encode` turns it into the file's bytes. */
export function statementText(docs: BankDoc[], o: { encodingLine?: string; eol?: string; omit?: 'КонецДокумента' | 'КонецФайла'; duplicateFirst?: boolean } = {}): string {
  const lines = [
    '1CClientBankExchange',
    'ВерсияФормата=1.03',
    `Кодировка=${o.encodingLine ?? 'Windows'}`,
    'Отправитель=Бухгалтерия предприятия, редакция 3.0',
    'Получатель=',
    'ДатаСоздания=01.04.2026',
    'ВремяСоздания=10:15:00',
    'ДатаНачала=01.01.2026',
    'ДатаКонца=31.03.2026',
    `РасчСчет=${OUR_ACCOUNT}`,
    'СекцияРасчСчет',
    'ДатаНачала=01.01.2026',
    'ДатаКонца=31.03.2026',
    `РасчСчет=${OUR_ACCOUNT}`,
    'НачальныйОстаток=0.00',
    'КонецРасчСчет',
  ];
  const block = (d: BankDoc, i: number) => {
    const out = [
      `СекцияДокумент=${d.kind ?? 'Платежное поручение'}`,
      `Номер=${d.number}`,
      `Дата=${d.date}`,
      `Сумма=${d.sum}`,
      `ПлательщикСчет=${d.payerAccount}`,
      `Плательщик=ИНН ${d.payerInn ?? ''} ${d.payer}`,
      `ПлательщикИНН=${d.payerInn ?? ''}`,
      `Плательщик1=${d.payer}`,
      `ПолучательСчет=${d.recipientAccount}`,
      `Получатель=ИНН ${d.recipientInn ?? OUR_INN} ${d.recipient ?? 'ООО "Картотека Тест"'}`,
      `ПолучательИНН=${d.recipientInn ?? OUR_INN}`,
      `Получатель1=${d.recipient ?? 'ООО "Картотека Тест"'}`,
      `ДатаПоступило=${d.received ?? ''}`,
      `ДатаСписано=${d.debited ?? ''}`,
      'ВидОплаты=01',
      'Очередность=5',
      `НазначениеПлатежа=${d.purpose}`,
    ];
    if (!(o.omit === 'КонецДокумента' && i === 1)) out.push('КонецДокумента');
    return out;
  };
  docs.forEach((d, i) => lines.push(...block(d, i)));
  if (o.duplicateFirst && docs[0]) lines.push(...block(docs[0], -1));
  if (o.omit !== 'КонецФайла') lines.push('КонецФайла');
  return lines.join(o.eol ?? '\r\n') + (o.eol ?? '\r\n');
}

export const encode = (text: string, encoding: 'windows-1251' | 'utf-8'): Buffer => (encoding === 'utf-8' ? Buffer.from(text, 'utf8') : iconv.encode(text, 'win1251'));

/** An incoming payment from a client to our account. */
export const paymentToUs = (number: string, date: string, sum: string, payerInn: string, payer: string, purpose: string): BankDoc => ({
  number,
  date,
  sum,
  payerInn,
  payer,
  payerAccount: `407028101000000${number.padStart(5, '0')}`.slice(0, 20),
  recipientAccount: OUR_ACCOUNT,
  received: date,
  purpose,
});

/** A payment of ours to a supplier. */
export const paymentFromUs = (number: string, date: string, sum: string, recipientInn: string, recipient: string): BankDoc => ({
  number,
  date,
  sum,
  payerInn: OUR_INN,
  payer: 'ООО "Картотека Тест"',
  payerAccount: OUR_ACCOUNT,
  recipientInn,
  recipient,
  recipientAccount: '40702810500000000777',
  debited: date,
  purpose: 'Оплата по счету поставщика',
});

/** A valid 10-digit ИНН (checksum and all) from a number. */
export function inn10(n: number): string {
  const body = `77${String(n).padStart(7, '0')}`.slice(0, 9);
  const w = [2, 4, 10, 3, 5, 9, 4, 6, 8];
  const sum = [...body].reduce((s, d, i) => s + Number(d) * w[i]!, 0);
  return body + ((sum % 11) % 10);
}
