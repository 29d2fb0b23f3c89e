import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { cellDate, cellNumber, cellText, splitEmails, splitPhones } from '../../src-main/core/exchange/cells';
import { decodeText, detectDelimiter } from '../../src-main/core/exchange/read/decode';
import { isTotalsRow, fieldForHeader } from '../../src-main/core/exchange/header';
import { CLIENT_FIELDS } from '../../src-main/core/exchange/entities/client-fields';
import { neutralise } from '../../src-main/core/exchange/export/values';

describe('cells as office files write them', () => {
  it('numbers in Russian and English notation', () => {
    expect(cellNumber('1 234,56')).toBe(1234.56);
    expect(cellNumber('1\u00a0234,56 руб.')).toBe(1234.56);
    expect(cellNumber('1.234,5')).toBe(1234.5);
    expect(cellNumber('1234.5')).toBe(1234.5);
    expect(cellNumber('12 штук')).toBeNull();
  });

  it('dates: text, Excel cells and serial numbers; impossible days are invalid', () => {
    expect(cellDate('05.03.2024')).toBe('2024-03-05');
    expect(cellDate('5.3.24')).toBe('2024-03-05');
    expect(cellDate('2024-03-05')).toBe('2024-03-05');
    expect(cellDate(new Date(Date.UTC(2024, 2, 5)))).toBe('2024-03-05');
    expect(cellDate(45356)).toBe('2024-03-05');
    expect(cellDate('31.02.2024')).toBe('invalid');
    expect(cellDate('завтра')).toBe('invalid');
  });

  it('text: non-breaking spaces, big integers without exponent, the export apostrophe', () => {
    expect(cellText('\u00a0ООО\u00a0«Ромашка» ')).toBe('ООО «Ромашка»');
    expect(cellText(7707083893)).toBe('7707083893');
    expect(cellText(`'=SUM(A1)`)).toBe('=SUM(A1)');
    expect(cellText('   ')).toBeNull();
  });

  it('several phones and e-mails in one cell; an extension stays with its number', () => {
    expect(splitPhones('8 (495) 123-45-67, +7 916 000-00-00; 84951234567')).toEqual(['8 (495) 123-45-67', '+7 916 000-00-00', '84951234567']);
    expect(splitPhones('8 495 123-45-67, доб. 12')).toEqual(['8 495 123-45-67, доб. 12']);
    expect(splitEmails('a@x.ru, b@y.ru;c@z.ru')).toEqual(['a@x.ru', 'b@y.ru', 'c@z.ru']);
  });
});

describe('text files', () => {
  it('decodes UTF-8 with and without BOM, UTF-16 and Windows-1251', () => {
    expect(decodeText(Buffer.from('Имя;ИНН', 'utf8'))).toEqual({ text: 'Имя;ИНН', encoding: 'utf-8' });
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Имя')])).text).toBe('Имя');
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Имя\tИНН', 'utf16le')])).text).toBe('Имя\tИНН');
    expect(decodeText(iconv.encode('Наименование;ИНН', 'win1251'))).toEqual({ text: 'Наименование;ИНН', encoding: 'windows-1251' });
  });

  it('detects the delimiter; ; wins over commas inside numbers', () => {
    expect(detectDelimiter('a;b;c\n1;2,5;3\n')).toBe(';');
    expect(detectDelimiter('a,b,c\n1,2,3\n')).toBe(',');
    expect(detectDelimiter('a\tb\tc\n1\t2\t3\n')).toBe('\t');
    expect(detectDelimiter('"x;y",b,c\n1,2,3\n')).toBe(',');
  });
});

describe('headers and totals', () => {
  it('matches 1C, Russian and English names, and names with a suffix', () => {
    const key = (h: string) => fieldForHeader(CLIENT_FIELDS, h)?.key ?? null;
    expect(key('Адрес электронной почты')).toBe('emails');
    expect(key('E-mail')).toBe('emails');
    expect(key('ИНН контрагента')).toBe('inn');
    expect(key('Юр. / физ. лицо')).toBe('kind');
    expect(key('Full name')).toBe('fullName');
    expect(key('Цвет глаз')).toBeNull();
  });

  it('«Итого» rows are not records', () => {
    expect(isTotalsRow(['Итого', null, 15])).toBe(true);
    expect(isTotalsRow(['', 'Итого:', ''])).toBe(true);
    expect(isTotalsRow(['ООО «Итоговый отчёт»'])).toBe(false);
  });

  it('neutralises formulas', () => {
    expect(neutralise('=1+1')).toBe(`'=1+1`);
    expect(neutralise('@cmd')).toBe(`'@cmd`);
    expect(neutralise('ООО')).toBe('ООО');
  });
});
