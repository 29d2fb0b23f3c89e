import { describe, expect, it } from 'vitest';
import {
  checkAccount,
  checkBik,
  checkCorrAccount,
  checkInn,
  checkKpp,
  checkOgrn,
  restoreInn,
} from '../../src-main/core/validation/requisites';

// Reference control-key calculation for bank accounts, written from the Bank of
// Russia rule independently of the code under test: the 23-digit string (3 digits
// from the БИК + the 20-digit account) is multiplied by 7,1,3,7,1,3...; the account
// is valid when the sum of the last digits of the products ends in 0. The control
// digit is the 9th digit of the account.
function withControlDigit(prefix3: string, account: string): string {
  const weights = [7, 1, 3];
  const zeroed = account.slice(0, 8) + '0' + account.slice(9);
  const s = prefix3 + zeroed;
  let sum = 0;
  for (let i = 0; i < s.length; i++) sum += (Number(s[i]) * weights[i % 3]!) % 10;
  const control = ((sum % 10) * 3) % 10;
  return account.slice(0, 8) + String(control) + account.slice(9);
}

describe('ИНН', () => {
  it.each([
    ['7707083893', 'ПАО Сбербанк'],
    ['7736207543', 'ООО «Яндекс»'],
    ['0274062111', 'Башкирия: ИНН с ведущим нулём'],
  ])('accepts the real 10-digit ИНН %s (%s)', (inn) => {
    expect(checkInn(inn)).toBeNull();
    expect(checkInn(inn, 10)).toBeNull();
  });

  it('accepts a valid 12-digit ИНН of a person', () => {
    expect(checkInn('500100732259')).toBeNull();
    expect(checkInn('500100732259', 12)).toBeNull();
  });

  it.each(['7707083894', '7736207544', '500100732258', '500100732249', '0274062112'])(
    'rejects %s with a wrong control digit',
    (inn) => expect(checkInn(inn)).toBe('inn.checksum'),
  );

  it('rejects wrong lengths and non-digits', () => {
    expect(checkInn('770708389')).toBe('inn.length');
    expect(checkInn('77070838931')).toBe('inn.length');
    expect(checkInn('7707083893123')).toBe('inn.length');
    expect(checkInn('770708389X')).toBe('inn.digits');
    expect(checkInn('7707 083893')).toBe('inn.digits');
  });

  it('reports a length that does not fit the kind of counterparty', () => {
    expect(checkInn('500100732259', 10)).toBe('inn.length10');
    expect(checkInn('7707083893', 12)).toBe('inn.length12');
  });
});

describe('restoreInn (leading zero lost by a spreadsheet)', () => {
  it('restores a 9-digit value whose zero-padded form passes the checksum', () => {
    expect(restoreInn('274062111')).toBe('0274062111');
  });

  it('leaves a 9-digit value alone when the padded form is not a valid ИНН', () => {
    expect(checkInn('0707083893')).not.toBeNull();
    expect(restoreInn('707083893')).toBe('707083893');
  });

  it('restores an 11-digit value of a person when the padded 12 digits are valid', () => {
    // Build a valid 12-digit ИНН starting with 0 from a known-valid one's scheme.
    const w1 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
    const w2 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
    const body = '0123456789';
    const c1 = (w1.reduce((s, w, i) => s + w * Number(body[i]), 0) % 11) % 10;
    const c2 = (w2.reduce((s, w, i) => s + w * Number((body + c1)[i]), 0) % 11) % 10;
    const inn12 = body + c1 + c2;
    expect(checkInn(inn12)).toBeNull();
    expect(restoreInn(inn12.slice(1))).toBe(inn12);
  });

  it('keeps full values and strips spaces', () => {
    expect(restoreInn('7707083893')).toBe('7707083893');
    expect(restoreInn(' 7707 083 893 ')).toBe('7707083893');
  });
});

describe('ОГРН / ОГРНИП', () => {
  it.each([
    ['1027700132195', 'ПАО Сбербанк'],
    ['1027700229193', 'ООО «Яндекс»'],
  ])('accepts the real ОГРН %s (%s)', (ogrn) => {
    expect(checkOgrn(ogrn)).toBeNull();
    expect(checkOgrn(ogrn, 13)).toBeNull();
  });

  it('accepts a valid 15-digit ОГРНИП', () => {
    expect(checkOgrn('304500116000157')).toBeNull();
    expect(checkOgrn('304500116000157', 15)).toBeNull();
  });

  it('rejects a wrong control digit', () => {
    expect(checkOgrn('1027700132196')).toBe('ogrn.checksum');
    expect(checkOgrn('304500116000158')).toBe('ogrn.checksum');
  });

  it('rejects wrong lengths, letters, and a length that does not fit the kind', () => {
    expect(checkOgrn('102770013219')).toBe('ogrn.length');
    expect(checkOgrn('10277001321950')).toBe('ogrn.length');
    expect(checkOgrn('10277001321O5')).toBe('ogrn.digits');
    expect(checkOgrn('304500116000157', 13)).toBe('ogrn.length13');
    expect(checkOgrn('1027700132195', 15)).toBe('ogrn.length15');
  });
});

describe('КПП', () => {
  it('accepts 9 digits and the letter form of the reason code', () => {
    expect(checkKpp('773601001')).toBeNull();
    expect(checkKpp('7736AB001')).toBeNull();
  });

  it('rejects short values, letters in the wrong place and lower case', () => {
    expect(checkKpp('7736010')).toBe('kpp.pattern');
    expect(checkKpp('77360100')).toBe('kpp.pattern');
    expect(checkKpp('77A601001')).toBe('kpp.pattern');
    expect(checkKpp('773601A01')).toBe('kpp.pattern');
    expect(checkKpp('7736ab001')).toBe('kpp.pattern');
  });
});

describe('БИК and bank accounts', () => {
  const BIK = '044525225'; // ПАО Сбербанк, Москва

  it('checks the БИК pattern', () => {
    expect(checkBik(BIK)).toBeNull();
    expect(checkBik('44525225')).toBe('bik.pattern');
    expect(checkBik('144525225')).toBe('bik.pattern');
    expect(checkBik('04452522A')).toBe('bik.pattern');
  });

  it('accepts Sberbank’s real correspondent account with its БИК', () => {
    expect(checkCorrAccount('30101810400000000225', BIK)).toBeNull();
  });

  it('rejects a correspondent account with a broken key or a wrong prefix', () => {
    expect(checkCorrAccount('30101810400000000226', BIK)).toBe('corr_account.checksum');
    expect(checkCorrAccount('30101810500000000225', BIK)).toBe('corr_account.checksum');
    expect(checkCorrAccount('40101810400000000225', BIK)).toBe('corr_account.pattern');
    expect(checkCorrAccount('3010181040000000022', BIK)).toBe('corr_account.pattern');
  });

  it('accepts settlement accounts whose key is computed by the reference rule', () => {
    for (const body of ['40702810038000012345', '40817810000000000001', '40802810900001234567']) {
      const account = withControlDigit(BIK.slice(-3), body);
      expect(checkAccount(account, BIK)).toBeNull();
    }
    // The same check for a correspondent account: "0" + БИК digits 5-6.
    expect(withControlDigit('0' + BIK.slice(4, 6), '30101810000000000225')).toBe('30101810400000000225');
  });

  it('rejects a settlement account with any single digit changed', () => {
    const account = withControlDigit(BIK.slice(-3), '40702810038000012345');
    for (const i of [0, 5, 8, 12, 19]) {
      const d = (Number(account[i]) + 1) % 10;
      const broken = account.slice(0, i) + d + account.slice(i + 1);
      expect(checkAccount(broken, BIK), broken).toBe('account.checksum');
    }
  });

  it('checks only the 20-digit pattern when there is no valid БИК to key against', () => {
    expect(checkAccount('40702810000000000000')).toBeNull();
    expect(checkAccount('40702810000000000000', '12345')).toBeNull();
    expect(checkAccount('4070281000000000000')).toBe('account.pattern');
    expect(checkAccount('4070281000000000000X')).toBe('account.pattern');
  });
});
