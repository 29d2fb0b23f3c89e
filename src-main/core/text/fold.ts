// Text folding shared by search indexing, name keys and queries. SQLite's lower()
// and LIKE only fold ASCII, so every Cyrillic-aware fold happens here, in JS.

/** Lower-cases (Unicode-aware) and folds ё to е. */
export function foldText(s: string): string {
  return s.normalize('NFC').toLowerCase().replace(/ё/g, 'е');
}

/** Folded letters and digits only, single-spaced: the sortable key of a name. */
export function nameKey(s: string): string {
  return foldText(s)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Search tokens of a user's query or of a text to index. */
export function tokens(s: string): string[] {
  const k = nameKey(s);
  return k ? k.split(' ') : [];
}

/** Returns the smallest string greater than every string starting with `prefix`. */
export function prefixUpperBound(prefix: string): string {
  return prefix + '\u{10FFFF}';
}

// Legal forms people do not think of as part of the name: «ООО Ромашка» is found by
// "ромашка" and sorted under Р, as in a paper card index.
const LEGAL_FORM = /^(?:ооо|оао|зао|пао|нао|ао|ип|нко|ано|одо|тоо|фгуп|гуп|муп|нп|чу)\s+/u;

/** Folded name without a leading legal form: the list's sort key and the search's name prefix. */
export function sortKey(s: string): string {
  const k = nameKey(s);
  const stripped = k.replace(LEGAL_FORM, '');
  return stripped || k;
}
