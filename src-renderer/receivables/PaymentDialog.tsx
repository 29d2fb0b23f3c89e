import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { errorText } from '../i18n';
import { parseRoubles } from '../deals/money';
import { Dialog } from '../ui/Dialog';
import { TextField } from '../ui/fields';
import { DateField } from '../ui/dates/fields';
import { notify } from '../ui/toast';
import { todayLocal } from './dates';

/** A payment typed by hand (cash, or a bank statement not imported); it allocates like an imported one. */
export function PaymentDialog({ clientId, onClose, onSaved }: { clientId: string; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const [number, setNumber] = useState('');
  const [date, setDate] = useState(todayLocal());
  const [amount, setAmount] = useState('');
  const [purpose, setPurpose] = useState('');
  const [errors, setErrors] = useState<{ amount?: string; form?: string }>({});
  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    const k = parseRoubles(amount);
    if (!k) return setErrors({ amount: t('recv.terms.badMoney') });
    try {
      await call('receivables.addPayment', { clientId, number: number.trim(), date, amountKopecks: k, purpose: purpose.trim() });
      notify(t('recv.payments.added'));
      onSaved();
    } catch (err) {
      setErrors({ form: errorText(err) });
    }
  };
  return (
    <Dialog title={t('recv.payment.title')} onClose={onClose} testId="payment-dialog" dirty={!!amount}>
      <form onSubmit={(e) => void save(e)}>
        <TextField label={t('recv.payment.number')} value={number} onChange={setNumber} />
        <DateField label={t('recv.payment.date')} value={date} onChange={setDate} />
        <TextField label={t('recv.payment.amount')} value={amount} onChange={setAmount} error={errors.amount} autoFocus />
        <TextField label={t('recv.payment.purpose')} value={purpose} onChange={setPurpose} multiline />
        {errors.form && (
          <p className="error" role="alert">
            {errors.form}
          </p>
        )}
        <div className="actions">
          <button type="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="primary">
            {t('recv.payment.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
