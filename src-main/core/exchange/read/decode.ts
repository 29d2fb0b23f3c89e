import iconv from 'iconv-lite';
import { AppError } from '../../errors';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1251';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
}

/**
 * Text files from Russian offices come in three encodings: UTF-8 (with or without a
 * BOM), UTF-16 ("Unicode text" from Excel) and Windows-1251 (1C, older Excel). A
 * file that is valid UTF-8 is UTF-8 (Cyrillic in 1251 is almost never valid UTF-8);
 * anything else is taken as 1251. NUL bytes mean a binary file, not text.
 *
 * The whole file is decoded at once, so no letter is ever split between two pieces.
 * Bytes that are no letter in the file's encoding are refused with their line (never
 * turned into U+FFFD and imported): a UTF-8 file with a few damaged bytes among many
 * good letters is damaged UTF-8, not Windows-1251, and 0x98 is no letter in 1251.
 */
export function decodeText(buf: Buffer): DecodedText {
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return strict(buf, 2, 'utf-16le');
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) return strict(buf, 2, 'utf-16be');
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return strict(buf, 3, 'utf-8');
  if (buf.subarray(0, 64 * 1024).includes(0)) throw new AppError('exchange.file_binary', 'The file is not a table: it contains binary data');
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buf), encoding: 'utf-8' };
  } catch {
    // not (clean) UTF-8: below
  }
  const loose = new TextDecoder('utf-8').decode(buf);
  let bad = 0;
  let good = 0;
  for (let i = 0; i < loose.length; i++) {
    const c = loose.charCodeAt(i);
    if (c === 0xfffd) bad++;
    else if (c > 0x7f) good++;
  }
  // Damaged UTF-8: mostly good multi-byte letters. 1251 Cyrillic makes almost none.
  if (good >= 20 && bad * 50 <= good) return strict(buf, 0, 'utf-8');
  const undefinedByte = buf.indexOf(0x98); // the one byte Windows-1251 leaves undefined
  if (undefinedByte >= 0) throw damaged(buf, undefinedByte, 'windows-1251');
  return { text: iconv.decode(buf, 'win1251'), encoding: 'windows-1251' };
}

const DECODERS: Record<Exclude<TextEncoding, 'windows-1251'>, string> = { 'utf-8': 'utf-8', 'utf-16le': 'utf-16le', 'utf-16be': 'utf-16be' };

function strict(buf: Buffer, bom: number, encoding: Exclude<TextEncoding, 'windows-1251'>): DecodedText {
  const body = buf.subarray(bom);
  try {
    return { text: new TextDecoder(DECODERS[encoding], { fatal: true, ignoreBOM: true }).decode(body), encoding };
  } catch {
    throw damaged(body, firstBadByte(body, encoding), encoding);
  }
}

/** Where a loose decode first differs from the bytes: re-encoding puts U+FFFD's bytes there. */
function firstBadByte(body: Buffer, encoding: Exclude<TextEncoding, 'windows-1251'>): number {
  const again =
    encoding === 'utf-8'
      ? Buffer.from(new TextDecoder('utf-8').decode(body), 'utf8')
      : iconv.encode(new TextDecoder(DECODERS[encoding], { ignoreBOM: true }).decode(body), encoding === 'utf-16le' ? 'utf16le' : 'utf16be');
  let i = 0;
  while (i < body.length && body[i] === again[i]) i++;
  return i;
}

function damaged(body: Buffer, offset: number, encoding: TextEncoding): AppError {
  const unit = encoding.startsWith('utf-16') ? 2 : 1;
  let line = 1;
  for (let i = 0; i < offset; i += unit) if (body[encoding === 'utf-16be' ? i + 1 : i] === 0x0a && (unit === 1 || body[encoding === 'utf-16be' ? i : i + 1] === 0)) line++;
  const byte = `0x${(body[offset] ?? 0).toString(16).toUpperCase().padStart(2, '0')}`;
  return new AppError('exchange.file_bad_bytes', `Line ${line}: byte ${byte} is not text in ${encoding}; the file is damaged`, { line, byte, encoding });
}

const CANDIDATES = [';', '\t', ','] as const;

/**
 * The delimiter is the candidate that splits the first lines into the same number
 * of parts most consistently (quoted parts ignored). `;` wins ties: Russian Excel
 * and 1C write it, and `,` also appears inside numbers like 1 234,56.
 */
export function detectDelimiter(text: string): string {
  const lines = text
    .slice(0, 64 * 1024)
    .replace(/"[^"]*"/g, '')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .slice(0, 30);
  let best: string = ';';
  let bestScore = 0;
  for (const d of CANDIDATES) {
    const counts = lines.map((l) => l.split(d).length - 1);
    const freq = new Map<number, number>();
    for (const c of counts) if (c > 0) freq.set(c, (freq.get(c) ?? 0) + 1);
    // Lines agreeing on the most common count, weighted a little by that count.
    let score = 0;
    for (const [count, lineCount] of freq) score = Math.max(score, lineCount * 10 + Math.min(count, 9));
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

/** Encoding for writing a 1C file; everything else is UTF-8 with a BOM. */
export function encodeText(text: string, encoding: 'utf-8-bom' | 'windows-1251'): Buffer {
  if (encoding === 'windows-1251') return iconv.encode(text, 'win1251');
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
}
