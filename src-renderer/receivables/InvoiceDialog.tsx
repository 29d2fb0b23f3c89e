import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { errorText } from '../i18n';
import { formatMoney, parseRoubles } from '../deals/money';
import { Dialog } from '../ui/Dialog';
import { TextField } from '../ui/fields';
import { DateField } from '../ui/dates/fields';
import { notify } from '../ui/toast';
import { todayLocal } from './dates';

interface Line {
  name: string;
  quantity: string;
  unit: string;
  price: string;
}
const blank = (): Line => ({ name: '', quantity: '1', unit: 'шт', price: '' });
const quantityOf = (s: string) => {
  const n = Number(s.trim().replace(',', '.'));
  return Number.isFinite(n) && n > 0 ? n : null;
};

/** A hand-made invoice: lines, the total from them, a due date (empty: by the client's terms). */
export function InvoiceDialog({ clientId, onClose, onSaved }: { clientId: string; onClose: () => void; onSaved: (documentId: string) => void }) {
  const { t } = useTranslation();
  const [number, setNumber] = useState('');
  const [date, setDate] = useState(todayLocal());
  const [dueDate, setDueDate] = useState('');
  const [comment, setComment] = useState('');
  const [lines, setLines] = useState<Line[]>([blank()]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const setLine = (i: number, patch: Partial<Line>) => setLines(lines.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  const total = lines.reduce((n, l) => n + Math.round((quantityOf(l.quantity) ?? 0) * (parseRoubles(l.price) ?? 0)), 0);

  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    const used = lines.filter((l) => l.name.trim() || l.price.trim());
    if (used.length === 0) return setError(t('recv.invoice.noLines'));
    for (const [i, l] of used.entries()) {
      const reason = !l.name.trim() ? t('recv.invoice.needName') : quantityOf(l.quantity) === null ? t('recv.invoice.needQuantity') : parseRoubles(l.price) === null ? t('recv.invoice.needPrice') : null;
      if (reason) return setError(t('recv.invoice.badLine', { row: i + 1, reason }));
    }
    setBusy(true);
    try {
      const doc = await call('receivables.createDocument', {
        clientId,
        kind: 'invoice',
        number: number.trim(),
        date,
        dueDate: dueDate || null,
        comment: comment.trim() || null,
        lines: used.map((l) => ({ name: l.name.trim(), quantity: quantityOf(l.quantity)!, unit: l.unit.trim() || 'шт', priceKopecks: parseRoubles(l.price)! })),
      });
      notify(t('recv.invoice.saved', { number: doc.number }));
      onSaved(doc.id);
    } catch (err) {
      setError(errorText(err));
      setBusy(false);
    }
  };

  return (
    <Dialog title={t('recv.invoice.title')} onClose={onClose} wide testId="invoice-dialog" dirty={lines.some((l) => l.name || l.price)}>
      <form onSubmit={(e) => void save(e)}>
        <div className="row">
          <TextField label={t('recv.invoice.number')} value={number} onChange={setNumber} />
          <DateField label={t('recv.invoice.date')} value={date} onChange={setDate} />
          <DateField label={t('recv.invoice.dueDate')} value={dueDate} onChange={setDueDate} />
        </div>
        <table className="debt-table invoice-lines">
          <caption>{t('recv.invoice.lines')}</caption>
          <thead>
            <tr>
              <th>{t('recv.invoice.name')}</th>
              <th>{t('recv.invoice.quantity')}</th>
              <th>{t('recv.invoice.unit')}</th>
              <th>{t('recv.invoice.price')}</th>
              <th className="num">{t('recv.invoice.sum')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {lines.map((l, i) => (
              <tr key={i}>
                <td>
                  <input aria-label={`${t('recv.invoice.name')} ${i + 1}`} value={l.name} onChange={(e) => setLine(i, { name: e.target.value })} />
                </td>
                <td>
                  <input className="short" aria-label={`${t('recv.invoice.quantity')} ${i + 1}`} value={l.quantity} onChange={(e) => setLine(i, { quantity: e.target.value })} />
                </td>
                <td>
                  <input className="short" aria-label={`${t('recv.invoice.unit')} ${i + 1}`} value={l.unit} onChange={(e) => setLine(i, { unit: e.target.value })} />
                </td>
                <td>
                  <input className="short" aria-label={`${t('recv.invoice.price')} ${i + 1}`} value={l.price} onChange={(e) => setLine(i, { price: e.target.value })} />
                </td>
                <td className="num">{formatMoney(Math.round((quantityOf(l.quantity) ?? 0) * (parseRoubles(l.price) ?? 0)))}</td>
                <td>
                  {lines.length > 1 && (
                    <button type="button" className="link danger" aria-label={`${t('recv.invoice.removeLine')} ${i + 1}`} onClick={() => setLines(lines.filter((_, j) => j !== i))}>
                      ×
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="row">
          <button type="button" onClick={() => setLines([...lines, blank()])}>
            {t('recv.invoice.addLine')}
          </button>
          <span className="spacer" />
          <strong data-testid="invoice-total">{t('recv.invoice.total', { amount: formatMoney(total) })}</strong>
        </p>
        <TextField label={t('recv.invoice.comment')} value={comment} onChange={setComment} />
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <div className="actions">
          <button type="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {t('recv.invoice.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
