import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { errorText } from '../i18n';
import { parseRoubles, roublesText } from '../deals/money';
import { TextField } from '../ui/fields';
import { notify, notifyError } from '../ui/toast';
import type { ClientDebt } from './useClientDebt';

/** Days of deferral and the credit limit; empty means "the workspace's" and "no limit". */
export function TermsForm({ clientId, terms, onSaved, readOnly }: { clientId: string; terms: ClientDebt['terms']; onSaved: () => void; readOnly: boolean }) {
  const { t } = useTranslation();
  const [days, setDays] = useState(terms.paymentDays === null ? '' : String(terms.paymentDays));
  const [limit, setLimit] = useState(terms.creditLimitKopecks === null ? '' : roublesText(terms.creditLimitKopecks));
  const [errors, setErrors] = useState<{ days?: string; limit?: string }>({});
  const workspaceDays = terms.paymentDays === null ? terms.effectiveDays : null;

  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    const d = days.trim() === '' ? null : /^\d{1,4}$/.test(days.trim()) && Number(days) <= 3650 ? Number(days) : NaN;
    const l = limit.trim() === '' ? null : parseRoubles(limit);
    const next = { days: Number.isNaN(d) ? t('recv.terms.badDays') : undefined, limit: l === null && limit.trim() !== '' ? t('recv.terms.badMoney') : undefined };
    setErrors(next);
    if (next.days || next.limit) return;
    try {
      await call('receivables.setTerms', { clientId, paymentDays: d, creditLimitKopecks: l });
      notify(t('recv.terms.saved'));
      onSaved();
    } catch (err) {
      notifyError(errorText(err));
    }
  };

  return (
    <form className="debt-terms" onSubmit={(e) => void save(e)} aria-label={t('recv.terms.title')}>
      <TextField label={t('recv.terms.paymentDays')} value={days} onChange={setDays} inputMode="numeric" error={errors.days} />
      {workspaceDays !== null && days === '' && <p className="muted small">{t('recv.terms.paymentDaysHint', { days: workspaceDays })}</p>}
      <TextField label={t('recv.terms.creditLimit')} value={limit} onChange={setLimit} error={errors.limit} />
      {limit === '' && <p className="muted small">{t('recv.terms.creditLimitHint')}</p>}
      {!readOnly && <button type="submit">{t('recv.terms.save')}</button>}
    </form>
  );
}
