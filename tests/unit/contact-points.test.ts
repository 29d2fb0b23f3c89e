import { describe, expect, it } from 'vitest';
import { checkEmail, emailKey, formatPhone, normalizePhone, phoneQueryDigits } from '../../src-main/core/validation/contact-points';

describe('phone normalisation', () => {
  it.each([
    '8 (495) 123-45-67',
    '+7 495 123 45 67',
    '84951234567',
    '74951234567',
    '4951234567',
    '+7(495)123-45-67',
    '8-495-123-45-67',
    '7 (495) 123.45.67',
    '  8 495 1234567  ',
    '495 123–45–67',
  ])('reads %j as the Moscow number 74951234567', (raw) => {
    expect(normalizePhone(raw)).toEqual({ digits: '74951234567', extension: null });
  });

  it('keeps a foreign number typed with + as its international digits', () => {
    expect(normalizePhone('+375 29 123-45-67')?.digits).toBe('375291234567');
    expect(normalizePhone('+44 20 7946 0958')?.digits).toBe('442079460958');
  });

  it.each([
    ['8 (495) 123-45-67 доб. 12', '12'],
    ['8 (495) 123-45-67 доб 345', '345'],
    ['+7 495 123 45 67 ext. 9', '9'],
    ['+7 495 123 45 67 x 101', '101'],
    ['84951234567#7', '7'],
    ['+7 (495) 123-45-67 (доб. 12)', '12'],
    ['8 495 123 45 67, доб. 204', '204'],
  ])('strips the extension from %j', (raw, ext) => {
    expect(normalizePhone(raw)).toEqual({ digits: '74951234567', extension: ext });
  });

  it.each(['', 'abc', 'позвоните секретарю', '123', '12-34', '+7 495 ABC-45-67', '1234567890123456', '8 495 123 45 67, 8 916 123 45 67'])(
    'rejects junk %j',
    (raw) => expect(normalizePhone(raw)).toBeNull(),
  );

  it('reads an 8-prefixed 11-digit search query as a +7 number, shorter ones as typed', () => {
    expect(phoneQueryDigits('8 (916) 123-45-67')).toBe('79161234567');
    expect(phoneQueryDigits('8 916 12')).toBe('891612');
    expect(phoneQueryDigits('495 123-45')).toBe('49512345');
  });

  it('formats Russian numbers as +7 XXX XXX-XX-XX and others internationally', () => {
    expect(formatPhone('74951234567')).toBe('+7 495 123-45-67');
    expect(formatPhone('375291234567')).toBe('+375 29 123 45 67');
  });
});

describe('e-mail', () => {
  it.each(['ivan@mail.ru', 'Ivan.Petrov+crm@Example.COM', 'zakaz@roga-i-kopyta.moscow', 'иван@почта.рф', 'a@b.co.uk'])(
    'accepts %j',
    (address) => expect(checkEmail(address)).toBeNull(),
  );

  it.each(['', 'ivan', 'ivan@mail', 'ivan mail.ru', 'ivan @mail.ru', 'a@b@c.ru', 'ivan@.ru', 'ivan@mail..ru', '@mail.ru'])(
    'rejects %j',
    (address) => expect(checkEmail(address)).toBe('email.invalid'),
  );

  it('keys addresses case-insensitively for duplicates and search', () => {
    expect(emailKey('  Ivan.Petrov@Mail.RU ')).toBe('ivan.petrov@mail.ru');
  });
});
