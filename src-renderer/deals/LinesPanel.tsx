import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { errorText } from '../i18n';
import { fieldErrors } from '../ui/fieldErrors';
import { notify } from '../ui/toast';
import type { DealCardData } from './types';
import { lineTotal } from '../../src-main/shared/money';
import { formatMoney, parseQuantity, parseRoubles, quantityText, roublesText } from './money';

interface Draft {
  name: string;
  quantity: string;
  price: string;
}

const toDraft = (l: DealCardData['lines'][number]): Draft => ({ name: l.name, quantity: quantityText(l.quantityMilli), price: roublesText(l.priceKopecks) });

/** Services or goods of the deal; their sum can fill the deal's amount. */
export function LinesPanel({ card, onChanged }: { card: DealCardData; onChanged: () => void }) {
  const { t } = useTranslation();
  const [rows, setRows] = useState<Draft[]>(card.lines.map(toDraft));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => setRows(card.lines.map(toDraft)), [card.lines]);
  const parsed = rows.map((r) => ({ name: r.name.trim(), quantityMilli: parseQuantity(r.quantity), priceKopecks: parseRoubles(r.price) }));
  const dirty = JSON.stringify(rows) !== JSON.stringify(card.lines.map(toDraft));
  const total = parsed.reduce((s, l) => s + (l.quantityMilli && l.priceKopecks != null ? lineTotal(l.quantityMilli, l.priceKopecks) : 0), 0);
  const set = (i: number, patch: Partial<Draft>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  const saveLines = async (fillAmount: boolean) => {
    const bad = parsed.findIndex((l) => !l.name || !l.quantityMilli || l.priceKopecks === null);
    if (bad >= 0) {
      setError(t('deals.lines.invalid', { row: bad + 1 }));
      return;
    }
    setBusy(true);
    try {
      await call('deals.update', {
        id: card.id,
        patch: { lines: parsed.map((l) => ({ name: l.name, quantityMilli: l.quantityMilli!, priceKopecks: l.priceKopecks! })), ...(fillAmount ? { amountKopecks: total } : {}) },
      });
      setError(null);
      notify(t('common.saved'));
      onChanged();
    } catch (e) {
      const fe = fieldErrors(e);
      setError(Object.values(fe)[0] ?? errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-label={t('deals.lines.title')} data-testid="deal-lines">
      <h2>{t('deals.lines.title')}</h2>
      {rows.length === 0 && <p className="muted">{t('deals.lines.empty')}</p>}
      {rows.length > 0 && (
        <table className="table lines">
          <thead>
            <tr>
              <th>{t('deals.lines.name')}</th>
              <th className="num">{t('deals.lines.quantity')}</th>
              <th className="num">{t('deals.lines.price')}</th>
              <th className="num">{t('deals.lines.sum')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => {
              const p = parsed[i]!;
              return (
                <tr key={i}>
                  <td><input aria-label={`${t('deals.lines.name')} ${i + 1}`} value={r.name} onChange={(e) => set(i, { name: e.target.value })} /></td>
                  <td><input className="short" aria-label={`${t('deals.lines.quantity')} ${i + 1}`} value={r.quantity} aria-invalid={!p.quantityMilli} onChange={(e) => set(i, { quantity: e.target.value })} /></td>
                  <td><input className="short" aria-label={`${t('deals.lines.price')} ${i + 1}`} value={r.price} aria-invalid={p.priceKopecks === null} onChange={(e) => set(i, { price: e.target.value })} /></td>
                  <td className="num">{p.quantityMilli && p.priceKopecks != null ? formatMoney(lineTotal(p.quantityMilli, p.priceKopecks)) : '—'}</td>
                  <td><button className="icon" aria-label={t('deals.lines.remove', { row: i + 1 })} onClick={() => setRows(rows.filter((_, j) => j !== i))}>×</button></td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <th colSpan={3}>{t('deals.lines.total')}</th>
              <th className="num" data-testid="lines-total">{formatMoney(total)}</th>
              <th />
            </tr>
          </tfoot>
        </table>
      )}
      {error && <p className="error" role="alert">{error}</p>}
      <div className="row">
        <button onClick={() => setRows([...rows, { name: '', quantity: '1', price: '' }])}>{t('deals.lines.add')}</button>
        <span className="spacer" />
        {dirty && <button className="primary" disabled={busy} onClick={() => saveLines(false)}>{t('common.save')}</button>}
        {rows.length > 0 && total !== card.amountKopecks && (
          <button disabled={busy} onClick={() => saveLines(true)}>{t('deals.lines.fillAmount', { sum: formatMoney(total) })}</button>
        )}
      </div>
    </section>
  );
}
