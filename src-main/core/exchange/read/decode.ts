import iconv from 'iconv-lite';
import { AppError } from '../../errors';

export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'windows-1251';
}

/**
 * Text files from Russian offices come in three encodings: UTF-8 (with or without a
 * BOM), UTF-16 ("Unicode text" from Excel) and Windows-1251 (1C, older Excel). A
 * file that is valid UTF-8 is UTF-8 (Cyrillic in 1251 is almost never valid UTF-8);
 * anything else is taken as 1251. NUL bytes mean a binary file, not text.
 */
export function decodeText(buf: Buffer): DecodedText {
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return { text: buf.subarray(2).toString('utf16le'), encoding: 'utf-16le' };
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    return { text: buf.subarray(3).toString('utf8'), encoding: 'utf-8' };
  }
  if (buf.subarray(0, 64 * 1024).includes(0)) throw new AppError('exchange.file_binary', 'The file is not a table: it contains binary data');
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buf), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(buf, 'win1251'), encoding: 'windows-1251' };
  }
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
