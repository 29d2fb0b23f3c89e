import type { Cell } from '../read/types';

// Amounts as 1C writes them: number cells, or text «1 234 567,89» with ordinary,
// non-breaking or thin spaces between thousands, sometimes «-» or «руб.». Kept in whole
// kopecks from the text itself, so 0,1 + 0,2 never drifts.

const SPACES = /[\s\u00a0\u2007\u2009\u202f]/g;

/** Kopecks of a cell; null for an empty cell, 'invalid' for text that is no amount. */
export function kopecksOf(c: Cell): number | null | 'invalid' {
  if (c === null || c === '') return null;
  if (typeof c === 'number') return Number.isFinite(c) ? Math.round(c * 100) : 'invalid';
  if (typeof c !== 'string') return 'invalid';
  const t = c.replace(SPACES, '').replace(/(руб\.?|р\.|₽)$/iu, '');
  if (t === '' || t === '-' || t === '—') return null;
  const m = /^(-)?(\d+)(?:[.,](\d{1,2}))?$/.exec(t);
  if (!m) return 'invalid';
  const value = Number(m[2]) * 100 + Number((m[3] ?? '0').padEnd(2, '0'));
  return m[1] ? -value : value;
}

/** A sum from a text file («1234.56», «1234,56», «1234»): kopecks or null when not a sum. */
export function kopecksOfText(s: string): number | null {
  const k = kopecksOf(s.trim());
  return typeof k === 'number' ? k : null;
}

/** dd.mm.yyyy (optionally followed by a time) → yyyy-mm-dd, or null. */
export function isoOfRuDate(s: string): string | null {
  const m = /^\s*(\d{2})\.(\d{2})\.(\d{4})(?:\s|$)/.exec(s);
  if (!m) return null;
  const iso = `${m[3]}-${m[2]}-${m[1]}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso ? iso : null;
}
