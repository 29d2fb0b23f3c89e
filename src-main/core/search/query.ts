import { sortKey, tokens } from '../text/fold';
import { phoneQueryDigits } from '../validation/contact-points';

export interface ParsedQuery {
  /** Folded whole query, for the ordered name-prefix tier. */
  key: string;
  /** FTS5 expression: every token as a quoted prefix, ANDed; null when no tokens. */
  fts: string | null;
  /** Trigram expression for digits inside phone numbers; null unless the query reads as a phone. */
  phoneFts: string | null;
  /** The words the index must match (each as a prefix), unquoted. */
  words: string[];
  /** Digits looked for inside phone numbers (as typed, and with a leading 8 read as 7). */
  phoneDigits: string[];
}

/**
 * Tokens keep only letters and digits (\p{L}\p{N}, so Cyrillic survives) and are
 * quoted, so nothing a user types can become FTS5 syntax.
 */
export function parseQuery(q: string): ParsedQuery {
  const toks = tokens(q);
  const looksLikePhone = !/\p{L}/u.test(q) && /\d/.test(q);
  const digits = looksLikePhone ? phoneQueryDigits(q) : '';
  // Stored Russian numbers start with 7; a partial number typed the domestic way
  // ("8 916 12") is looked for both as typed and with the 8 read as +7.
  const variants = digits.length >= 3 ? [digits] : [];
  if (digits.length >= 4 && digits.startsWith('8')) variants.push('7' + digits.slice(1));
  // Digits typed with spaces or brackets ("7707 083", "8 (4") are one number, an ИНН
  // or ОГРН prefix, not several words that must all match.
  const ftsTokens = looksLikePhone ? [q.replace(/\D/g, '')] : toks;
  return {
    key: sortKey(q),
    fts: ftsTokens.length ? ftsTokens.map((t) => `"${t}"*`).join(' AND ') : null,
    phoneFts: variants.length ? variants.map((v) => `"${v}"`).join(' OR ') : null,
    words: ftsTokens,
    phoneDigits: variants,
  };
}
