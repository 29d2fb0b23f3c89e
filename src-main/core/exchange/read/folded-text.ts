import iconv from 'iconv-lite';
import { AppError } from '../../errors';
import { decodeText, type TextEncoding } from './decode';

// vCard and iCalendar fold long lines (a line break plus a space or tab) and count the
// line length in bytes, so writers often cut a letter in two at a fold; vCard 2.1 from
// phones also carries non-Latin values as quoted-printable bytes («=D0=98=D0=B2…») with
// soft line breaks between any two bytes. Both are undone on the bytes, before any
// letter is decoded: decoding first would turn each half of a cut letter into U+FFFD.

export interface FoldedText {
  /** Logical lines, joined with CRLF, quoted-printable values decoded. */
  text: string;
  encoding: TextEncoding;
}

const QP = /^[^:]*;(?:ENCODING=)?QUOTED-PRINTABLE[;:]/i;

/** Unfolds a vCard/iCalendar file's bytes and decodes them as one text. */
export function unfoldText(buf: Buffer): FoldedText {
  // A UTF-16 file has no cut letters in bytes that matter here: decode, then unfold.
  const utf16 = buf.length >= 2 && ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff)) ? decodeText(buf) : null;
  const raw = utf16 ? utf16.text : buf.toString('latin1'); // latin1: one char per byte, bytes unchanged
  const lines: string[] = [];
  const firstLine: number[] = []; // the file's line number where each logical line starts
  raw.split(/\r\n|\n|\r(?!\n)/).forEach((line, i) => {
    const last = lines.length - 1;
    if (last >= 0 && (line.startsWith(' ') || line.startsWith('\t'))) lines[last] += line.slice(1);
    else if (last >= 0 && QP.test(lines[last]!) && lines[last]!.endsWith('=')) lines[last] = lines[last]!.slice(0, -1) + line;
    else {
      lines.push(line);
      firstLine.push(i + 1);
    }
  });
  if (utf16) return { text: decodeQuotedPrintable(lines, firstLine).join('\r\n'), encoding: utf16.encoding };
  let decoded;
  try {
    decoded = decodeText(Buffer.from(lines.join('\r\n'), 'latin1'));
  } catch (e) {
    if (e instanceof AppError && e.code === 'exchange.file_bad_bytes') {
      const line = firstLine[Number(e.params.line) - 1] ?? Number(e.params.line);
      throw new AppError(e.code, e.message.replace(/^Line \d+/, `Line ${line}`), { ...e.params, line });
    }
    throw e;
  }
  return { text: decodeQuotedPrintable(decoded.text.split('\r\n'), firstLine).join('\r\n'), encoding: decoded.encoding };
}

/** vCard 2.1 quoted-printable values as plain text in the CHARSET they name (UTF-8 when none). */
function decodeQuotedPrintable(lines: string[], firstLine: number[]): string[] {
  return lines.map((line, i) => {
    if (!QP.test(line)) return line;
    const colon = line.indexOf(':');
    const params = line.slice(0, colon).split(';');
    const charset = params.find((p) => /^charset=/i.test(p))?.slice(8) ?? 'utf-8';
    const bytes = Buffer.from(line.slice(colon + 1).replace(/=([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1');
    let value: string;
    try {
      value = iconv.encodingExists(charset) && !/^utf-?8$/i.test(charset) ? iconv.decode(bytes, charset) : new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new AppError('exchange.file_bad_bytes', `Line ${firstLine[i]}: the quoted-printable value is not ${charset} text; the file is damaged`, {
        line: firstLine[i] ?? i + 1,
        byte: '(quoted-printable)',
        encoding: charset,
      });
    }
    const kept = params.filter((p) => !/^(encoding=)?quoted-printable$|^charset=/i.test(p));
    // A line break inside the value is written the vCard 3.0 way, so it stays one line.
    return `${kept.join(';')}:${value.replace(/\r\n|\r|\n/g, '\\n')}`;
  });
}
