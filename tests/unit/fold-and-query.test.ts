import { describe, expect, it } from 'vitest';
import { foldText, nameKey, prefixUpperBound, sortKey, tokens } from '../../src-main/core/text/fold';
import { parseQuery } from '../../src-main/core/search/query';

describe('text folding', () => {
  it('lower-cases Cyrillic and folds ё to е', () => {
    expect(foldText('Королёв')).toBe('королев');
    expect(foldText('ЁЛКА Ёжик')).toBe('елка ежик');
    expect(foldText('ПЁТР')).toBe('петр');
  });

  it('folds a decomposed ё (е + combining diaeresis, as pasted from macOS) the same way', () => {
    expect(foldText('Корол\u0435\u0308в')).toBe('королев');
    expect(nameKey('Корол\u0435\u0308в')).toBe(nameKey('Королёв'));
  });

  it('makes name keys of letters and digits only, single-spaced', () => {
    expect(nameKey('ООО «Рога и Копыта»')).toBe('ооо рога и копыта');
    expect(nameKey('  Иванов-Петров, И.И. ')).toBe('иванов петров и и');
    expect(nameKey('ИП Семёнов С. С. (№2)')).toBe('ип семенов с с 2');
    expect(nameKey('«»—!?')).toBe('');
  });

  it('splits a query into folded tokens without losing Cyrillic', () => {
    expect(tokens('Фёдоров   ООО "Альфа"')).toEqual(['федоров', 'ооо', 'альфа']);
    expect(tokens('   ')).toEqual([]);
  });

  it('gives a prefix upper bound that sorts after every string with that prefix', () => {
    const hi = prefixUpperBound('иван');
    for (const s of ['иван', 'иванов', 'иванова яна', 'иваню']) expect(s < hi, s).toBe(true);
    expect('ивао' < hi).toBe(false);
    expect('иво' < hi).toBe(false);
  });
});

describe('search query parsing', () => {
  it('quotes every token as a prefix, so FTS syntax typed by the user stays text', () => {
    expect(parseQuery('Иванов AND (Рога) -копыта*').fts).toBe('"иванов"* AND "and"* AND "рога"* AND "копыта"*');
    expect(parseQuery('NEAR("a" b)').fts).toBe('"near"* AND "a"* AND "b"*');
  });

  it('has no FTS expression for a query of punctuation only', () => {
    for (const q of ['"', '*', '(', '-', '""', '^', ':']) {
      const p = parseQuery(q);
      expect(p.fts, q).toBeNull();
      expect(p.key, q).toBe('');
      expect(p.phoneFts, q).toBeNull();
    }
  });

  it('looks for digits inside phones only when the query has no letters', () => {
    expect(parseQuery('495 123-45').phoneFts).toBe('"49512345"');
    expect(parseQuery('ООО 495').phoneFts).toBeNull();
    expect(parseQuery('12').phoneFts).toBeNull();
  });

  it('also reads a domestic 8-prefix as +7', () => {
    expect(parseQuery('8 916 12').phoneFts).toBe('"891612" OR "791612"');
    expect(parseQuery('8 (916) 123-45-67').phoneFts).toBe('"79161234567"');
  });
});

describe('digits typed with spaces or brackets', () => {
  it('are one ИНН/ОГРН prefix for the text index, not words that must all match', () => {
    expect(parseQuery('7707 083').fts).toBe('"7707083"*');
    expect(parseQuery('8 (4').fts).toBe('"84"*');
    expect(parseQuery('8 (4').phoneFts).toBeNull();
  });
});

describe('sortKey', () => {
  it('drops a leading legal form, so «ООО Ромашка» sorts under Р', () => {
    expect(sortKey('ООО «Ромашка»')).toBe('ромашка');
    expect(sortKey('ПАО «Сбербанк»')).toBe('сбербанк');
    expect(sortKey('ИП Семёнов С. С.')).toBe('семенов с с');
    expect(sortKey('Иванов Иван')).toBe('иванов иван');
  });
  it('keeps a name that is only a legal form, and does not cut words that merely start like one', () => {
    expect(sortKey('ООО')).toBe('ооо');
    expect(sortKey('Аорта')).toBe('аорта');
    expect(sortKey('АО')).toBe('ао');
  });
});
