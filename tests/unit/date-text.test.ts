import { describe, expect, it } from 'vitest';
import { addDaysIso, formatDateText, formatTimeText, isIsoDate, maskDate, maskTime, parseDate, parseTime } from '../../src-renderer/ui/dates/dateText';

// Typed character by character, the way the input's onChange sees it.
const typeInto = (mask: (s: string) => string, keys: string) => [...keys].reduce((shown, k) => mask(shown + k), '');

describe('maskDate', () => {
  it('puts the separators in as the next part starts, in the language order', () => {
    expect(typeInto((s) => maskDate(s, 'ru'), '05122026')).toBe('05.12.2026');
    expect(typeInto((s) => maskDate(s, 'en'), '12052026')).toBe('12/05/2026');
    expect(typeInto((s) => maskDate(s, 'ru'), '0512')).toBe('05.12');
  });
  it('completes a day above 3 and a month above 1 at once', () => {
    expect(typeInto((s) => maskDate(s, 'ru'), '5122026')).toBe('05.12.2026');
    expect(typeInto((s) => maskDate(s, 'ru'), '1532026')).toBe('15.03.2026');
    expect(typeInto((s) => maskDate(s, 'en'), '352026')).toBe('03/05/2026');
  });
  it('lets a typed separator end a short part and leaves nothing else through', () => {
    expect(typeInto((s) => maskDate(s, 'ru'), '1.1.26')).toBe('1.1.26');
    expect(typeInto((s) => maskDate(s, 'ru'), '1/1/2026')).toBe('1.1.2026');
    expect(typeInto((s) => maskDate(s, 'ru'), 'ab05x12y2026z9')).toBe('05.12.2026');
  });
  it('adds no separator before a digit follows, so Backspace removes it', () => {
    expect(maskDate('05.', 'ru')).toBe('05.');
    expect(maskDate('05', 'ru')).toBe('05');
    expect(maskDate('05.12.', 'ru')).toBe('05.12.');
  });
  it('shows a pasted ISO date in the pattern', () => {
    expect(maskDate('2026-12-05', 'ru')).toBe('05.12.2026');
    expect(maskDate(' 2026-12-05 ', 'en')).toBe('12/05/2026');
  });
});

describe('parseDate', () => {
  const today = new Date(2026, 5, 15);
  it('reads the language pattern into yyyy-MM-dd', () => {
    expect(parseDate('05.12.2026', 'ru', today)).toBe('2026-12-05');
    expect(parseDate('12/05/2026', 'en', today)).toBe('2026-12-05');
    expect(parseDate('5.3.2026', 'ru', today)).toBe('2026-03-05');
    expect(parseDate('2026-12-05', 'en', today)).toBe('2026-12-05');
  });
  it('empty is empty, not an error', () => {
    expect(parseDate('', 'ru', today)).toBe('');
    expect(parseDate('   ', 'ru', today)).toBe('');
  });
  it('refuses what is no date', () => {
    for (const bad of ['31.02.2026', '29.02.2027', '00.01.2026', '12.13.2026', '05.12.202', '05', '05.', 'завтра', '2026-02-30']) {
      expect(parseDate(bad, 'ru', today), bad).toBeNull();
    }
    expect(parseDate('13/05/2026', 'en', today)).toBeNull();
  });
  it('knows leap years', () => {
    expect(parseDate('29.02.2028', 'ru', today)).toBe('2028-02-29');
    expect(parseDate('29.02.2000', 'ru', today)).toBe('2000-02-29');
    expect(parseDate('29.02.1900', 'ru', today)).toBeNull();
  });
  it('puts a two-digit year at most 20 years ahead, and a day and month alone in this year', () => {
    expect(parseDate('05.12.26', 'ru', today)).toBe('2026-12-05');
    expect(parseDate('01.01.46', 'ru', today)).toBe('2046-01-01');
    expect(parseDate('01.01.47', 'ru', today)).toBe('1947-01-01');
    expect(parseDate('14.07.85', 'ru', today)).toBe('1985-07-14');
    expect(parseDate('05.12', 'ru', today)).toBe('2026-12-05');
    expect(parseDate('12/05', 'en', today)).toBe('2026-12-05');
  });
  it('round-trips with formatDateText for every day of a leap year in both languages', () => {
    for (let d = 0; d < 366; d++) {
      const iso = addDaysIso('2028-01-01', d);
      for (const lang of ['ru', 'en'] as const) expect(parseDate(formatDateText(iso, lang), lang, today)).toBe(iso);
    }
  });
});

describe('formatDateText / addDaysIso / isIsoDate', () => {
  it('formats by language and leaves anything else as it is', () => {
    expect(formatDateText('2026-12-05', 'ru')).toBe('05.12.2026');
    expect(formatDateText('2026-12-05', 'en')).toBe('12/05/2026');
    expect(formatDateText('05.1', 'ru')).toBe('05.1');
  });
  it('moves across month and year ends', () => {
    expect(addDaysIso('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDaysIso('2028-03-01', -1)).toBe('2028-02-29');
  });
  it('tells a real ISO date', () => {
    expect(isIsoDate('2026-12-05')).toBe(true);
    expect(isIsoDate('2026-02-30')).toBe(false);
    expect(isIsoDate('05.12.2026')).toBe(false);
  });
});

describe('time', () => {
  it('masks typed digits into hh:mm', () => {
    expect(typeInto(maskTime, '1430')).toBe('14:30');
    expect(typeInto(maskTime, '930')).toBe('09:30');
    expect(typeInto(maskTime, '9.3')).toBe('09:3');
    expect(typeInto(maskTime, '14:30:55')).toBe('14:30');
    expect(typeInto(maskTime, '2:30pm')).toBe('2:30 PM');
    expect(maskTime('14:')).toBe('14:');
  });
  it('reads 24-hour time and AM/PM in either language', () => {
    expect(parseTime('14:30')).toBe('14:30');
    expect(parseTime('1430')).toBe('14:30');
    expect(parseTime('9')).toBe('09:00');
    expect(parseTime('9:05')).toBe('09:05');
    expect(parseTime('0:00')).toBe('00:00');
    expect(parseTime('23:59')).toBe('23:59');
    expect(parseTime('2:30 PM')).toBe('14:30');
    expect(parseTime('12:15 am')).toBe('00:15');
    expect(parseTime('12 pm')).toBe('12:00');
    expect(parseTime('')).toBe('');
  });
  it('refuses what is no time', () => {
    for (const bad of ['24:00', '25', '13 PM', '0 AM', '9:5', 'обед']) expect(parseTime(bad), bad).toBeNull();
  });
  it('formats 24-hour in Russian and h:mm AM/PM in English', () => {
    expect(formatTimeText('14:30', 'ru')).toBe('14:30');
    expect(formatTimeText('14:30', 'en')).toBe('2:30 PM');
    expect(formatTimeText('00:05', 'en')).toBe('12:05 AM');
    expect(formatTimeText('12:00', 'en')).toBe('12:00 PM');
    for (let m = 0; m < 24 * 60; m += 7) {
      const hhmm = `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
      expect(parseTime(formatTimeText(hhmm, 'en'))).toBe(hhmm);
      expect(parseTime(formatTimeText(hhmm, 'ru'))).toBe(hhmm);
    }
  });
});
