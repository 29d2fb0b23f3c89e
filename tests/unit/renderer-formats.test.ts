import { beforeAll, describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { ru } from '../../src-main/shared/i18n/ru';
import { en } from '../../src-main/shared/i18n/en';
import { fileSizeText } from '../../src-renderer/ui/fileSize';
import { dealDate } from '../../src-renderer/deals/dates';
import { taskWhen } from '../../src-renderer/tasks/format';

// The renderer's formatters, with the real dictionaries: sizes in the user's units on
// one line, dates with the year only when it is not the current one, the age of a
// birthday in the right tense and word form.

beforeAll(async () => {
  await i18next.init({ resources: { ru: { translation: ru }, en: { translation: en } }, lng: 'ru', fallbackLng: 'ru', interpolation: { escapeValue: false } });
});

const NBSP = '\u00a0';

describe('file sizes', () => {
  it('read КБ/МБ/ГБ in Russian and KB/MB/GB in English, with a no-break space', async () => {
    await i18next.changeLanguage('ru');
    expect(fileSizeText(294 * 1024 * 1024)).toBe(`294${NBSP}МБ`);
    expect(fileSizeText(Math.round(2.5 * 1024 * 1024))).toBe(`2,5${NBSP}МБ`);
    expect(fileSizeText(Math.round(1.25 * 1024 ** 3))).toBe(`1,3${NBSP}ГБ`);
    expect(fileSizeText(300)).toBe(`1${NBSP}КБ`);
    expect(fileSizeText(700 * 1024)).toBe(`700${NBSP}КБ`);
    await i18next.changeLanguage('en');
    expect(fileSizeText(294 * 1024 * 1024)).toBe(`294${NBSP}MB`);
    expect(fileSizeText(Math.round(2.5 * 1024 * 1024))).toBe(`2.5${NBSP}MB`);
    await i18next.changeLanguage('ru');
  });
});

describe('deal and task dates', () => {
  const now = new Date(2026, 2, 4, 12);
  it('carry the year only when it is not the current one', () => {
    expect(dealDate('2026-06-30', now)).toBe('30 июн.');
    expect(dealDate('2027-06-30', now)).toBe('30 июн. 2027');
    expect(dealDate('2025-12-31', now)).toBe('31 дек. 2025');
    expect(dealDate(null, now)).toBe('');
    expect(taskWhen({ allDay: true, startsAt: '2026-03-14' }, now)).toBe('сб, 14 мар.');
    expect(taskWhen({ allDay: true, startsAt: '2031-03-14' }, now)).toBe('пт, 14 мар. 2031');
    expect(taskWhen({ allDay: false, startsAt: new Date(2031, 2, 14, 10, 30).toISOString() }, now)).toBe('пт, 14 мар. 2031 10:30');
  });
});

describe('birthday ages', () => {
  it('use год / года / лет and the tense of the date', () => {
    const t = (key: string, count: number) => i18next.t(`tasks.birthdays.${key}`, { count });
    expect([1, 2, 5, 11, 21, 22, 25, 65, 101, 111].map((n) => t('turned', n))).toEqual([
      'исполнился 1 год',
      'исполнилось 2 года',
      'исполнилось 5 лет',
      'исполнилось 11 лет',
      'исполнился 21 год',
      'исполнилось 22 года',
      'исполнилось 25 лет',
      'исполнилось 65 лет',
      'исполнился 101 год',
      'исполнилось 111 лет',
    ]);
    expect(t('turnsToday', 21)).toBe('сегодня исполняется 21 год');
    expect(t('turns', 44)).toBe('исполнится 44 года');
  });
});
