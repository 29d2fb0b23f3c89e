import i18next from 'i18next';

const UNITS = ['kb', 'mb', 'gb'] as const;

/**
 * A file size as the user's language writes it: «294 МБ», «1,2 ГБ» in Russian, «294 MB»
 * in English (units as Windows Explorer shows them). One decimal below 10, none above;
 * a no-break space keeps the number and its unit on one line.
 */
export function fileSizeText(bytes: number): string {
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  if (unit === 0) value = Math.max(1, value);
  const locale = i18next.language === 'en' ? 'en-US' : 'ru-RU';
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: value < 10 ? 1 : 0 }).format(value);
  return `${number}\u00a0${i18next.t(`common.fileSize.${UNITS[unit]}`)}`;
}
