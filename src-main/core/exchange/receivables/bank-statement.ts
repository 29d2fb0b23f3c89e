import iconv from 'iconv-lite';
import { AppError } from '../../errors';
import { isoOfRuDate, kopecksOfText } from './money';

// A bank statement in the 1CClientBankExchange text format (kl_to_1c.txt), the file every
// Russian bank's client writes for 1C: «Ключ=Значение» lines, CRLF, Windows-1251 or UTF-8
// (or DOS 866) as its «Кодировка=» line says; `СекцияДокумент=…` … `КонецДокумента`
// blocks; `КонецФайла` last. Read as a stream of bytes through one decoder, so a letter
// cut between two read chunks is never split.

export interface BankPayment {
  /** The line `СекцияДокумент=` is on. */
  line: number;
  kind: string;
  number: string;
  date: string;
  amountKopecks: number;
  payerInn: string | null;
  payerName: string;
  payerAccount: string | null;
  recipientInn: string | null;
  recipientAccount: string | null;
  purpose: string;
}

export interface BankStatement {
  encoding: 'windows-1251' | 'utf-8' | 'cp866';
  version: string | null;
  from: string | null;
  to: string | null;
  accounts: string[];
  /** Payments to us, each once (a block the bank repeated is counted in `repeated`). */
  incoming: BankPayment[];
  outgoing: number;
  repeated: number;
  lines: number;
}

const fail = (code: string, message: string, params: Record<string, string | number> = {}) => new AppError(`receivables_import.${code}`, message, params);

const MARKER = '1CClientBankExchange';
const KEY_VARIANTS: [BankStatement['encoding'], Buffer][] = [
  ['utf-8', Buffer.from('Кодировка=', 'utf8')],
  ['windows-1251', iconv.encode('Кодировка=', 'win1251')],
  ['cp866', iconv.encode('Кодировка=', 'cp866')],
];

/** Whether a file's first bytes are a 1CClientBankExchange statement. */
export function looksLikeStatement(head: Buffer): boolean {
  return head.subarray(0, 64).toString('latin1').replace(/^\xef\xbb\xbf/, '').trimStart().startsWith(MARKER);
}

/** The encoding the header's «Кодировка=» line names (in whichever encoding it is written). */
export function statementEncoding(head: Buffer): BankStatement['encoding'] {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  for (const [written, key] of KEY_VARIANTS) {
    const at = head.indexOf(key);
    if (at < 0) continue;
    const value = head.subarray(at + key.length, at + key.length + 20).toString('latin1').split(/[\r\n]/)[0]!.trim().toLowerCase();
    if (/^dos|866/.test(value)) return 'cp866';
    if (/^utf-?8/.test(value)) return 'utf-8';
    if (/^windows|1251/.test(value)) return 'windows-1251';
    return written;
  }
  // No «Кодировка=» line: UTF-8 when the head is valid UTF-8, else what 1C writes.
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, Math.max(0, head.length - 4)));
    return 'utf-8';
  } catch {
    return 'windows-1251';
  }
}

const HEAD_BYTES = 8 * 1024;

type Decoder = { write(b: Buffer): string; end(): string | undefined };

/** Text lines of the byte chunks, decoded by one streaming decoder, with their numbers. */
async function* linesOf(chunks: AsyncIterable<Buffer>, onEncoding: (e: BankStatement['encoding']) => void): AsyncGenerator<[number, string]> {
  const head: Buffer[] = [];
  let headLength = 0;
  let decoder: Decoder | null = null;
  let carry = '';
  let n = 0;
  function* split(text: string, last: boolean): Generator<[number, string]> {
    let s = carry + text;
    // A CR at a chunk's end may be the first half of CRLF: it waits for the next chunk.
    const held = !last && s.endsWith('\r') ? '\r' : '';
    if (held) s = s.slice(0, -1);
    const parts = s.split(/\r\n|\n|\r/);
    carry = last ? '' : parts.pop()! + held;
    for (const p of parts) yield [++n, p];
    if (last && carry) yield [++n, carry];
  }
  const start = (): [Decoder, string] => {
    const bytes = Buffer.concat(head);
    const encoding = statementEncoding(bytes);
    onEncoding(encoding);
    const d = iconv.getDecoder(encoding === 'utf-8' ? 'utf8' : encoding === 'cp866' ? 'cp866' : 'win1251', { stripBOM: true }) as unknown as Decoder;
    return [d, d.write(bytes)];
  };
  for await (const chunk of chunks) {
    if (decoder) {
      yield* split(decoder.write(chunk), false);
      continue;
    }
    head.push(chunk);
    headLength += chunk.length;
    if (headLength < HEAD_BYTES) continue;
    const [d, text] = start();
    decoder = d;
    yield* split(text, false);
  }
  let rest = '';
  if (!decoder) [decoder, rest] = start();
  yield* split(rest + (decoder.end() ?? ''), true);
}

/** Reads a whole statement; any broken block stops it with the line to look at. */
export async function readStatement(chunks: AsyncIterable<Buffer>, onLine?: (n: number) => void): Promise<BankStatement> {
  const st: BankStatement = { encoding: 'windows-1251', version: null, from: null, to: null, accounts: [], incoming: [], outgoing: 0, repeated: 0, lines: 0 };
  let doc: { line: number; kind: string; fields: Map<string, string> } | null = null;
  let inAccount = false;
  let ended = false;
  let first = true;
  const seen = new Set<string>();
  for await (const [n, raw] of linesOf(chunks, (e) => (st.encoding = e))) {
    st.lines = n;
    if (n % 20000 === 0) onLine?.(n);
    const line = raw.trim();
    if (first) {
      if (line === '') continue;
      if (line !== MARKER) throw fail('bank_not_statement', 'The file is not a bank statement for 1C (its first line is not 1CClientBankExchange)');
      first = false;
      continue;
    }
    if (line === '' || ended) continue;
    const eq = line.indexOf('=');
    const key = eq < 0 ? line : line.slice(0, eq);
    const value = eq < 0 ? '' : line.slice(eq + 1).trim();
    if (key === 'СекцияДокумент') {
      if (doc) throw unclosed(doc.line, n);
      doc = { line: n, kind: value, fields: new Map() };
      continue;
    }
    if (key === 'КонецДокумента') {
      if (!doc) throw fail('bank_section_stray', `Line ${n}: КонецДокумента without СекцияДокумент above it`, { line: n });
      const p = payment(doc);
      if (incoming(p, doc.fields, st.accounts)) {
        const k = `${p.number}|${p.date}|${p.payerInn ?? p.payerName}|${p.amountKopecks}`;
        if (seen.has(k)) st.repeated++;
        else {
          seen.add(k);
          st.incoming.push(p);
        }
      } else st.outgoing++;
      doc = null;
      continue;
    }
    if (key === 'КонецФайла') {
      if (doc) throw unclosed(doc.line, n);
      ended = true;
      continue;
    }
    if (doc) {
      const prev = doc.fields.get(key);
      // НазначениеПлатежа may repeat or continue in НазначениеПлатежа1…6.
      doc.fields.set(key, prev ? `${prev} ${value}` : value);
      continue;
    }
    if (key === 'СекцияРасчСчет') inAccount = true;
    else if (key === 'КонецРасчСчет') inAccount = false;
    else if (key === 'ВерсияФормата') st.version = value;
    else if (key === 'РасчСчет' && value && !st.accounts.includes(value)) st.accounts.push(value);
    else if (!inAccount && key === 'ДатаНачала') st.from = isoOfRuDate(value);
    else if (!inAccount && key === 'ДатаКонца') st.to = isoOfRuDate(value);
  }
  if (first) throw fail('bank_not_statement', 'The file is not a bank statement for 1C (its first line is not 1CClientBankExchange)');
  if (doc) throw unclosed(doc.line, st.lines);
  if (!ended) throw fail('bank_truncated', `The file ends at line ${st.lines} without КонецФайла: it was cut short; save the statement from the bank again`, { line: st.lines });
  onLine?.(st.lines);
  return st;
}

function unclosed(line: number, at: number): AppError {
  return fail('bank_section_unclosed', `Line ${line}: the document section is not closed by КонецДокумента before line ${at}`, { line, at });
}

function payment(doc: { line: number; kind: string; fields: Map<string, string> }): BankPayment {
  const f = (k: string) => doc.fields.get(k)?.trim() || null;
  const sum = f('Сумма');
  const amount = sum === null ? null : kopecksOfText(sum);
  if (amount === null || amount <= 0) throw fail('bank_amount', `Line ${doc.line}: the document's Сумма «${sum ?? ''}» is not an amount`, { line: doc.line, value: sum ?? '' });
  const rawDate = f('ДатаПоступило') ?? f('Дата');
  const date = rawDate === null ? null : isoOfRuDate(rawDate);
  if (!date) throw fail('bank_date', `Line ${doc.line}: the document's date «${rawDate ?? ''}» is not a date (dd.mm.yyyy)`, { line: doc.line, value: rawDate ?? '' });
  const payerField = f('Плательщик');
  const payerName = f('Плательщик1') ?? payerField?.replace(/^ИНН\s*\d+\s*/u, '') ?? '';
  const purpose = [f('НазначениеПлатежа'), ...[1, 2, 3, 4, 5, 6].map((i) => f(`НазначениеПлатежа${i}`))].filter(Boolean).join(' ');
  return {
    line: doc.line,
    kind: doc.kind,
    number: f('Номер') ?? '',
    date,
    amountKopecks: amount,
    payerInn: f('ПлательщикИНН')?.replace(/\D/g, '') || null,
    payerName,
    payerAccount: f('ПлательщикСчет') ?? f('ПлательщикРасчСчет'),
    recipientInn: f('ПолучательИНН'),
    recipientAccount: f('ПолучательСчет') ?? f('ПолучательРасчСчет'),
    purpose,
  };
}

/** To us: our account receives it; without accounts to compare, the bank's «поступило» date says so. */
function incoming(p: BankPayment, fields: Map<string, string>, ours: string[]): boolean {
  if (p.recipientAccount && ours.includes(p.recipientAccount)) return true;
  if (p.payerAccount && ours.includes(p.payerAccount)) return false;
  if (fields.get('ДатаПоступило')?.trim()) return true;
  return false;
}
