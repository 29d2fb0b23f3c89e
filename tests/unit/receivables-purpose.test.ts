import { describe, expect, it } from 'vitest';
import { documentsNamed, namedDocuments } from '../../src-main/core/receivables/purpose';
import { bucketOf } from '../../src-main/core/receivables/aging';

describe('documents a payment purpose names', () => {
  it.each([
    ['Оплата по УПД № ГР00-000124 от 15.02.2026, в т.ч. НДС 20%', [{ number: 'ГР00-000124', date: '2026-02-15' }]],
    ['Оплата по счету 45 от 01.02.2026 Сумма 1200-00', [{ number: '45', date: '2026-02-01' }]],
    ['Оплата сч. № 45, 46 без НДС', [{ number: '45', date: null }, { number: '46', date: null }]],
    ['по счёт-фактуре №12 от 3.4.26', [{ number: '12', date: '2026-04-03' }]],
    ['Оплата по акту № А-7 за услуги', [{ number: 'А-7', date: null }]],
    ['Оплата по договору № 12 от 01.01.2026, НДС не облагается', []],
    ['Перевод средств по расчету 15', []],
  ])('%s', (purpose, expected) => {
    expect(namedDocuments(purpose)).toEqual(expected);
  });

  it('a bare number finds a 1C number by its digits; a date picks among equals', () => {
    const docs = [
      { id: 'a', number: 'ГР00-000045', date: '2026-01-10' },
      { id: 'b', number: 'ГР01-000045', date: '2026-02-01' },
      { id: 'c', number: '46', date: '2026-02-01' },
    ];
    expect(documentsNamed('по счету 45 от 01.02.2026', docs).map((d) => d.id)).toEqual(['b']);
    expect(documentsNamed('по счету 45', docs).map((d) => d.id)).toEqual(['a', 'b']);
    expect(documentsNamed('по УПД ГР00-000045', docs).map((d) => d.id)).toEqual(['a']);
    expect(documentsNamed('Оплата за услуги', docs)).toEqual([]);
  });

  it('buckets: the due date itself is day 0 of 0–30; 30/31, 60/61, 90/91', () => {
    expect([-1, 0, 30, 31, 60, 61, 90, 91].map(bucketOf)).toEqual(['notDue', 'b0_30', 'b0_30', 'b31_60', 'b31_60', 'b61_90', 'b61_90', 'b90plus']);
  });
});
