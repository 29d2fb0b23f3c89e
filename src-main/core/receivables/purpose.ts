// What documents a payment's purpose names: «Оплата по УПД № ГР00-000124 от 15.02.2026»,
// «по счету 45 от 01.02.2026», «сч. № 45, 46», «по счет-фактуре 12», «по акту № 7».
// A contract («по договору № 12») is not a document and is not read.

export interface NamedDocument {
  /** As written, normalised (upper case, ё → е, no spaces). */
  number: string;
  /** yyyy-mm-dd when «от dd.mm.yyyy» follows the number. */
  date: string | null;
}

const KEYWORD =
  '(?:упд|универсальн[а-яё]*\\s+передаточн[а-яё]*\\s+документ[а-яё]*|сч(?:[её]т[а-яё]*)?\\.?(?:[\\s-]*фактур[а-яё]*)?|с/ф|сф|акт[а-яё]*|накладн[а-яё]*|торг-?12|реализаци[а-яё]*|отгрузк[а-яё]*|документ[а-яё]*)';
const NUMBER = '(?:№|n|no\\.?|#)?\\s*([a-zа-яё]{0,6}[-/]?\\d[\\w\\-/]*)';
const DATE = '(?:\\s*от\\s*(\\d{1,2})[./](\\d{1,2})[./](\\d{2,4}))?';
const NAMED = new RegExp(`(?<![\\p{L}])${KEYWORD}\\s*${NUMBER}${DATE}`, 'giu');
const MORE = new RegExp(`^\\s*(?:,|и|;)\\s*${NUMBER}${DATE}`, 'iu');

export function normaliseNumber(n: string): string {
  return n.toUpperCase().replace(/Ё/g, 'Е').replace(/\s+/g, '');
}

/** The last run of digits without leading zeros: «ГР00-000124» → '124'. */
export function numberCore(n: string): string {
  const runs = n.match(/\d+/g);
  return runs ? runs[runs.length - 1]!.replace(/^0+(?=\d)/, '') : '';
}

function date(d: string | undefined, m: string | undefined, y: string | undefined): string | null {
  if (!d || !m || !y) return null;
  const year = y.length === 2 ? `20${y}` : y;
  return `${year}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

export function namedDocuments(purpose: string): NamedDocument[] {
  const out: NamedDocument[] = [];
  for (const m of purpose.matchAll(NAMED)) {
    out.push({ number: normaliseNumber(m[1]!), date: date(m[2], m[3], m[4]) });
    let rest = purpose.slice(m.index! + m[0].length);
    for (let more = MORE.exec(rest); more; more = MORE.exec(rest)) {
      out.push({ number: normaliseNumber(more[1]!), date: date(more[2], more[3], more[4]) });
      rest = rest.slice(more[0].length);
    }
  }
  return out;
}

interface Doc {
  id: string;
  number: string;
  date: string;
}

/**
 * The client's documents a purpose names, in the order named: an exact number first;
 * a bare number («счет 45») also matches «ГР00-000045» by its digits; «от date» narrows.
 */
export function documentsNamed<D extends Doc>(purpose: string, docs: D[]): D[] {
  const named = namedDocuments(purpose);
  if (named.length === 0) return [];
  const found: D[] = [];
  for (const n of named) {
    let hits = docs.filter((d) => normaliseNumber(d.number) === n.number);
    if (hits.length === 0 && /^\d+$/.test(n.number)) hits = docs.filter((d) => numberCore(d.number) === numberCore(n.number));
    if (n.date && hits.length > 1) {
      const onDate = hits.filter((d) => d.date === n.date);
      if (onDate.length > 0) hits = onDate;
    }
    for (const h of hits) if (!found.includes(h)) found.push(h);
  }
  return found;
}
