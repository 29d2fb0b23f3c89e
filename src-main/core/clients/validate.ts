import type { FieldIssue } from '../errors';
import { checkInn, checkKpp, checkOgrn, checkBik, checkAccount, checkCorrAccount, restoreInn } from '../validation/requisites';
import { normalizePhone, checkEmail, emailKey } from '../validation/contact-points';
import type { ClientFields } from './schemas';

export interface NormalizedPhoneRow {
  raw: string;
  digits: string;
  label: string | null;
}
export interface NormalizedEmailRow {
  address: string;
  addressKey: string;
  label: string | null;
}

/** A person's name derived from its parts: "Фамилия Имя Отчество". */
export function personName(last: unknown, first: unknown, middle: unknown): string {
  return [last, first, middle].filter((v): v is string => typeof v === 'string' && v !== '').join(' ');
}

/** Person names are derived unless typed; an organisation's name is typed. */
export function displayName(f: Pick<ClientFields, 'kind' | 'name' | 'lastName' | 'firstName' | 'middleName'>): string {
  if (f.name) return f.name;
  return f.kind !== 'organization' ? personName(f.lastName, f.firstName, f.middleName) : '';
}

export function normalizePhones(
  list: { raw: string; label: string | null }[],
  fieldPrefix: string,
  issues: FieldIssue[],
): NormalizedPhoneRow[] {
  const out: NormalizedPhoneRow[] = [];
  const seen = new Set<string>();
  list.forEach((p, i) => {
    const raw = p.raw.trim();
    if (!raw) return;
    const n = normalizePhone(raw);
    if (!n) {
      issues.push({ field: `${fieldPrefix}.${i}`, code: 'phone.invalid', params: { value: raw } });
      return;
    }
    // One office number with different extensions is several phones.
    const key = n.extension ? `${n.digits}#${n.extension}` : n.digits;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ raw, digits: n.digits, label: p.label });
  });
  return out;
}

export function normalizeEmails(
  list: { address: string; label: string | null }[],
  fieldPrefix: string,
  issues: FieldIssue[],
): NormalizedEmailRow[] {
  const out: NormalizedEmailRow[] = [];
  const seen = new Set<string>();
  list.forEach((e, i) => {
    const address = e.address.trim();
    if (!address) return;
    const code = checkEmail(address);
    if (code) {
      issues.push({ field: `${fieldPrefix}.${i}`, code, params: { value: address } });
      return;
    }
    const key = emailKey(address);
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ address, addressKey: key, label: e.label });
  });
  return out;
}

/** Requisite checks that depend on the kind of counterparty. */
export function requisiteIssues(f: ClientFields): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const push = (field: string, code: string | null) => {
    if (code) issues.push({ field, code });
  };
  if (!displayName(f)) issues.push({ field: f.kind === 'organization' ? 'name' : 'lastName', code: 'required' });
  if (f.inn) push('inn', checkInn(restoreInn(f.inn), f.kind === 'organization' ? 10 : 12));
  if (f.kpp) push('kpp', f.kind === 'organization' ? checkKpp(f.kpp.toUpperCase()) : 'kpp.only_organization');
  if (f.ogrn) push('ogrn', checkOgrn(f.ogrn, f.kind === 'organization' ? 13 : 15));
  if (f.bankBik) push('bankBik', checkBik(f.bankBik));
  if (f.bankAccount) push('bankAccount', checkAccount(f.bankAccount, f.bankBik));
  if (f.bankCorrAccount) push('bankCorrAccount', checkCorrAccount(f.bankCorrAccount, f.bankBik));
  return issues;
}
