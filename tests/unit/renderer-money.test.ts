import { beforeAll, describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { lineTotal, linesTotal } from '../../src-main/shared/money';
import { formatMoney, parseQuantity, parseRoubles, quantityText, roublesText } from '../../src-renderer/deals/money';

// Money is integer kopecks and quantities integer thousandths on every side: the lines
// editor's live total must equal the total the core stores (both call shared/money.ts).

beforeAll(async () => {
  await i18next.init({ lng: 'ru', resources: {} });
});

const NBSP = '\u00a0';

describe('line totals (shared by the core and the renderer)', () => {
  it('round half up once per line, in kopecks', () => {
    expect(lineTotal(1000, 150_000_00)).toBe(150_000_00);
    expect(lineTotal(1500, 333)).toBe(500); // 499.5 → 500
    expect(lineTotal(1499, 333)).toBe(499); // 499.167 → 499
    expect(lineTotal(1, 1)).toBe(0);
    expect(lineTotal(500, 1)).toBe(1);
  });
  it('a sum of lines rounds each line, not the sum', () => {
    const lines = [
      { quantityMilli: 500, priceKopecks: 1 },
      { quantityMilli: 500, priceKopecks: 1 },
    ];
    expect(linesTotal(lines)).toBe(2);
    expect(linesTotal([])).toBe(0);
  });
  it('stays exact for a large invoice (no float drift across 10,000 lines)', () => {
    const lines = Array.from({ length: 10_000 }, (_, i) => ({ quantityMilli: 1000 + i, priceKopecks: 99_99 }));
    const expected = lines.reduce((s, l) => s + Math.floor((l.quantityMilli * l.priceKopecks + 500) / 1000), 0);
    expect(linesTotal(lines)).toBe(expected);
    expect(Number.isInteger(linesTotal(lines))).toBe(true);
  });
});

describe('roubles typed by a user', () => {
  it('read spaces, commas, points and the currency sign into kopecks', () => {
    expect(parseRoubles('150 000')).toBe(150_000_00);
    expect(parseRoubles('1 234,5')).toBe(1_234_50);
    expect(parseRoubles('99.90')).toBe(99_90);
    expect(parseRoubles(`1${NBSP}000 ₽`)).toBe(1_000_00);
    expect(parseRoubles('500 руб.')).toBe(500_00);
    expect(parseRoubles('')).toBe(0);
    // 0.29 * 100 is 28.999… in floats: the parse never multiplies a float.
    expect(parseRoubles('0,29')).toBe(29);
  });
  it('refuse what is not a sum', () => {
    for (const bad of ['abc', '1,2,3', '1.234', '-5', '12e3']) expect(parseRoubles(bad)).toBeNull();
  });
  it('round-trip through the editable text', () => {
    for (const k of [0, 1, 99, 100, 150_000_50, 123_456_789_01]) expect(parseRoubles(roublesText(k))).toBe(k);
    expect(roublesText(150_000_50)).toBe('150000,50');
    expect(roublesText(5_00)).toBe('5');
  });
});

describe('quantities', () => {
  it('thousandths as text and back', () => {
    expect(quantityText(1500)).toBe('1,5');
    expect(parseQuantity('1,5')).toBe(1500);
    expect(parseQuantity('2.125')).toBe(2125);
    expect(parseQuantity('3')).toBe(3000);
    expect(parseQuantity('1,2345')).toBeNull();
    expect(parseQuantity('x')).toBeNull();
  });
});

describe('money as the locale writes it', () => {
  it('roubles without kopecks when whole, with two digits otherwise', async () => {
    await i18next.changeLanguage('ru');
    expect(formatMoney(1_234_567_00).replace(/[\s\u00a0\u202f]/g, ' ')).toBe('1 234 567 ₽');
    expect(formatMoney(1_234_567_89).replace(/[\s\u00a0\u202f]/g, ' ')).toBe('1 234 567,89 ₽');
    await i18next.changeLanguage('en');
    expect(formatMoney(1_234_567_89).replace(/[\s\u00a0\u202f]/g, ' ')).toBe('RUB 1,234,567.89');
  });
});
