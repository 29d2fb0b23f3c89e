// Russian company requisites: ИНН, КПП, ОГРН/ОГРНИП, БИК and bank accounts.
// Each check returns an issue code (an i18n key) or null when the value is valid.

const digitsOnly = (s: string) => /^\d+$/.test(s);

function weightedSum(digits: string, weights: number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += Number(digits[i]) * weights[i]!;
  return sum;
}

const INN10_W = [2, 4, 10, 3, 5, 9, 4, 6, 8];
const INN12_W1 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const INN12_W2 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];

export function checkInn(inn: string, expectLength?: 10 | 12): string | null {
  if (!digitsOnly(inn)) return 'inn.digits';
  if (inn.length !== 10 && inn.length !== 12) return 'inn.length';
  if (expectLength && inn.length !== expectLength) return expectLength === 10 ? 'inn.length10' : 'inn.length12';
  if (inn.length === 10) {
    return (weightedSum(inn, INN10_W) % 11) % 10 === Number(inn[9]) ? null : 'inn.checksum';
  }
  const c1 = (weightedSum(inn, INN12_W1) % 11) % 10;
  const c2 = (weightedSum(inn, INN12_W2) % 11) % 10;
  return c1 === Number(inn[10]) && c2 === Number(inn[11]) ? null : 'inn.checksum';
}

/** ОГРН (13 digits, organisations) or ОГРНИП (15 digits, sole traders). */
export function checkOgrn(ogrn: string, expectLength?: 13 | 15): string | null {
  if (!digitsOnly(ogrn)) return 'ogrn.digits';
  if (ogrn.length !== 13 && ogrn.length !== 15) return 'ogrn.length';
  if (expectLength && ogrn.length !== expectLength) return expectLength === 13 ? 'ogrn.length13' : 'ogrn.length15';
  const body = BigInt(ogrn.slice(0, -1));
  const mod = ogrn.length === 13 ? 11n : 13n;
  return Number((body % mod) % 10n) === Number(ogrn[ogrn.length - 1]) ? null : 'ogrn.checksum';
}

/** КПП: 4 digits (tax office), 2 digits or capital Latin letters (reason), 3 digits. */
export function checkKpp(kpp: string): string | null {
  return /^\d{4}[\dA-Z]{2}\d{3}$/.test(kpp) ? null : 'kpp.pattern';
}

export function checkBik(bik: string): string | null {
  return /^04\d{7}$/.test(bik) ? null : 'bik.pattern';
}

const ACCOUNT_W = [7, 1, 3];

function accountKeyOk(key: string): boolean {
  let sum = 0;
  for (let i = 0; i < key.length; i++) sum += (Number(key[i]) * ACCOUNT_W[i % 3]!) % 10;
  return sum % 10 === 0;
}

/** Settlement account (р/с): 20 digits, control key computed with the bank's БИК. */
export function checkAccount(account: string, bik?: string | null): string | null {
  if (!/^\d{20}$/.test(account)) return 'account.pattern';
  if (bik && checkBik(bik) === null && !accountKeyOk(bik.slice(-3) + account)) return 'account.checksum';
  return null;
}

/** Correspondent account (к/с): 20 digits starting 301, keyed with "0" + БИК digits 5-6. */
export function checkCorrAccount(account: string, bik?: string | null): string | null {
  if (!/^301\d{17}$/.test(account)) return 'corr_account.pattern';
  if (bik && checkBik(bik) === null && !accountKeyOk('0' + bik.slice(4, 6) + account)) return 'corr_account.checksum';
  return null;
}

/**
 * Spreadsheets store ИНН as a number and drop a leading zero: a 9- or 11-digit value
 * whose zero-padded form passes the checksum is restored.
 */
export function restoreInn(value: string): string {
  const v = value.replace(/\s+/g, '');
  if (/^\d{9}$/.test(v) && checkInn('0' + v) === null) return '0' + v;
  if (/^\d{11}$/.test(v) && checkInn('0' + v) === null) return '0' + v;
  return v;
}
