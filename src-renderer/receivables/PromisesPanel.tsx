import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { errorText, formatDate } from '../i18n';
import { formatMoney, parseRoubles } from '../deals/money';
import { DateField } from '../ui/dates/fields';
import { TextField } from '../ui/fields';
import { notify } from '../ui/toast';
import type { ClientDebt } from './useClientDebt';

/** Promises to pay: take one (date, amount), see which were kept and which broken. */
export function PromisesPanel({ clientId, promises, mayChange, onChanged }: { clientId: string; promises: ClientDebt['promises']; mayChange: boolean; onChanged: () => void }) {
  const { t } = useTranslation();
  const [taking, setTaking] = useState(false);
  const [date, setDate] = useState('');
  const [amount, setAmount] = useState('');
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<{ date?: string; amount?: string; form?: string }>({});
  const take = async (e: React.FormEvent) => {
    e.preventDefault();
    const k = parseRoubles(amount);
    const next = { date: /^\d{4}-\d{2}-\d{2}$/.test(date) ? undefined : t('recv.promises.needDate'), amount: k ? undefined : t('recv.terms.badMoney') };
    setErrors(next);
    if (next.date || next.amount) return;
    try {
      await call('receivables.takePromise', { clientId, promisedDate: date, amountKopecks: k!, comment: comment.trim() || null });
      notify(t('recv.promises.taken'));
      setTaking(false);
      setDate('');
      setAmount('');
      setComment('');
      onChanged();
    } catch (err) {
      setErrors({ form: errorText(err) });
    }
  };
  return (
    <div data-testid="debt-promises">
      {promises.length === 0 && !taking && <p className="muted">{t('recv.promises.none')}</p>}
      {promises.length > 0 && (
        <table className="debt-table">
          <thead>
            <tr>
              <th>{t('recv.promises.date')}</th>
              <th className="num">{t('recv.promises.amount')}</th>
              <th>{t('recv.promises.takenBy')}</th>
              <th>{t('recv.promises.status')}</th>
              <th>{t('recv.promises.comment')}</th>
            </tr>
          </thead>
          <tbody>
            {promises.map((p) => (
              <tr key={p.id}>
                <td>{formatDate(p.promisedDate)}</td>
                <td className="num">{formatMoney(p.amountKopecks)}</td>
                <td>
                  {p.takenBy ?? '—'} <span className="muted small">{formatDate(p.takenAt)}</span>
                </td>
                <td className={p.status === 'broken' ? 'danger-text' : undefined} data-testid="promise-status">
                  {t(`recv.promises.statuses.${p.status}`, { defaultValue: p.status })}
                  {p.resolvedAt && <span className="muted small"> {formatDate(p.resolvedAt)}</span>}
                </td>
                <td className="small">{p.comment}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {mayChange && !taking && <button onClick={() => setTaking(true)}>{t('recv.promises.take')}</button>}
      {taking && (
        <form className="debt-terms" onSubmit={(e) => void take(e)} aria-label={t('recv.promises.take')}>
          <DateField label={t('recv.promises.date')} value={date} onChange={setDate} error={errors.date} autoFocus />
          <TextField label={t('recv.promises.amountRub')} value={amount} onChange={setAmount} error={errors.amount} />
          <TextField label={t('recv.promises.comment')} value={comment} onChange={setComment} />
          <button type="button" onClick={() => setTaking(false)}>{t('common.cancel')}</button>
          <button type="submit" className="primary">{t('recv.promises.save')}</button>
          {errors.form && <p className="error" role="alert">{errors.form}</p>}
        </form>
      )}
    </div>
  );
}
