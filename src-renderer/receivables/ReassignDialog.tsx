import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { errorText, formatDate } from '../i18n';
import { formatMoney, parseRoubles, roublesText } from '../deals/money';
import { Dialog } from '../ui/Dialog';
import { notify } from '../ui/toast';
import type { ClientDebt } from './useClientDebt';

type Payment = ClientDebt['payments'][number];
type Doc = ClientDebt['documents'][number];

/**
 * Allocating one payment by hand: an amount per document (what it covers now plus what
 * is still open is the most it can take); the rest stays an advance. "Automatic" hands
 * the payment back to the rules (named document, then oldest first).
 */
export function ReassignDialog({ payment, documents, onClose, onSaved }: { payment: Payment; documents: Doc[]; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const current = new Map(payment.allocations.map((a) => [a.documentId, a.kopecks]));
  const candidates = documents.filter((d) => d.openKopecks > 0 || current.has(d.id));
  const [amounts, setAmounts] = useState<Record<string, string>>(() => Object.fromEntries(candidates.map((d) => [d.id, current.has(d.id) ? roublesText(current.get(d.id)!) : ''])));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const parsed = candidates.map((d) => ({ d, k: amounts[d.id]?.trim() ? parseRoubles(amounts[d.id]!) : 0 }));
  const sum = parsed.reduce((n, p) => n + (p.k ?? 0), 0);

  const send = async (allocations: { documentId: string; kopecks: number }[] | null) => {
    setBusy(true);
    try {
      await call('receivables.reassignPayment', { paymentId: payment.id, allocations });
      notify(t('recv.payments.reassigned'));
      onSaved();
    } catch (e) {
      setError(errorText(e));
      setBusy(false);
    }
  };
  const save = (e: React.FormEvent) => {
    e.preventDefault();
    const bad = parsed.find((p) => p.k === null);
    if (bad) return setError(`№ ${bad.d.number}: ${t('recv.terms.badMoney')}`);
    if (sum > payment.amountKopecks) return setError(t('recv.payments.overAllocated', { sum: formatMoney(sum), amount: formatMoney(payment.amountKopecks) }));
    void send(parsed.filter((p) => (p.k ?? 0) > 0).map((p) => ({ documentId: p.d.id, kopecks: p.k! })));
  };

  return (
    <Dialog title={t('recv.payments.reassignTitle', { number: payment.number, date: formatDate(payment.date), amount: formatMoney(payment.amountKopecks) })} onClose={onClose} testId="reassign-dialog">
      <form onSubmit={save}>
        <p className="muted small">{t('recv.payments.reassignHint')}</p>
        <table className="debt-table">
          <tbody>
            {candidates.map((d) => (
              <tr key={d.id}>
                <td>
                  {t(`recv.kinds.${d.kind}`, { defaultValue: d.kind })} № {d.number}
                </td>
                <td>{formatDate(d.date)}</td>
                <td className="num">{formatMoney(d.openKopecks + (current.get(d.id) ?? 0))}</td>
                <td>
                  <input className="short" aria-label={`№ ${d.number}`} value={amounts[d.id] ?? ''} onChange={(e) => setAmounts({ ...amounts, [d.id]: e.target.value })} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p>{t('recv.payments.advance', { amount: formatMoney(Math.max(0, payment.amountKopecks - sum)) })}</p>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <div className="actions">
          <button type="button" disabled={busy} onClick={() => void send(null)}>
            {t('recv.payments.auto')}
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {t('recv.payments.reassign')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
