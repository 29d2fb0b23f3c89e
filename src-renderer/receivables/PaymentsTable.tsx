import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { errorText, formatDate } from '../i18n';
import { formatMoney } from '../deals/money';
import { confirmAction } from '../ui/Dialog';
import { notify, notifyError } from '../ui/toast';
import { ReassignDialog } from './ReassignDialog';
import type { ClientDebt } from './useClientDebt';

type Payment = ClientDebt['payments'][number];

/** The client's payments with the documents each went to; any one can be allocated by hand. */
export function PaymentsTable({ debt, mayChange, mayDelete, onChanged }: { debt: ClientDebt; mayChange: boolean; mayDelete: boolean; onChanged: () => void }) {
  const { t } = useTranslation();
  const [reassigning, setReassigning] = useState<Payment | null>(null);
  if (debt.payments.length === 0) return <p className="muted">{t('recv.payments.none')}</p>;
  const remove = async (p: Payment) => {
    if (!(await confirmAction(t('recv.payments.deleteConfirm', { number: p.number })))) return;
    try {
      await call('receivables.deletePayment', { id: p.id });
      notify(t('recv.payments.deleted'));
      onChanged();
    } catch (e) {
      notifyError(errorText(e));
    }
  };
  return (
    <>
      <table className="debt-table" data-testid="debt-payments">
        <thead>
          <tr>
            <th>{t('recv.payments.number')}</th>
            <th>{t('recv.payments.date')}</th>
            <th className="num">{t('recv.payments.amount')}</th>
            <th>{t('recv.payments.allocations')}</th>
            <th>{t('recv.payments.purpose')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {debt.payments.map((p) => (
            <tr key={p.id}>
              <td>{p.number}</td>
              <td>{formatDate(p.date)}</td>
              <td className="num">{formatMoney(p.amountKopecks)}</td>
              <td>
                {p.allocations.map((a) => (
                  <div key={a.documentId}>
                    № {a.number}: {formatMoney(a.kopecks)}
                    {a.manual && <span className="muted small"> ({t('recv.payments.manual')})</span>}
                  </div>
                ))}
                {p.advanceKopecks > 0 && <div className="muted">{t('recv.payments.advance', { amount: formatMoney(p.advanceKopecks) })}</div>}
              </td>
              <td className="small">{p.purpose}</td>
              <td className="row-actions">
                {mayChange && (
                  <button className="link" onClick={() => setReassigning(p)}>
                    {t('recv.payments.reassign')}
                  </button>
                )}
                {mayDelete && p.source === 'manual' && (
                  <button className="link danger" aria-label={`${t('recv.payments.delete')} ${p.number}`} onClick={() => void remove(p)}>
                    ×
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {reassigning && (
        <ReassignDialog
          payment={reassigning}
          documents={debt.documents}
          onClose={() => setReassigning(null)}
          onSaved={() => {
            setReassigning(null);
            onChanged();
          }}
        />
      )}
    </>
  );
}
