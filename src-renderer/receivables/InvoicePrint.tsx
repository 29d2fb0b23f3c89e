import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, type ProcOutput } from '../api/client';
import { errorText, formatDate } from '../i18n';
import { formatMoney } from '../deals/money';
import { Dialog } from '../ui/Dialog';
import { todayLocal } from './dates';

type Printable = ProcOutput<'receivables.document'>;

/** The invoice as a printable page: our requisites, the buyer's, the lines, the total, the due date. */
export function InvoicePrint({ documentId, onClose }: { documentId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [doc, setDoc] = useState<Printable | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    call('receivables.document', { id: documentId, asOf: todayLocal() }).then(setDoc, (e) => setError(errorText(e)));
  }, [documentId]);
  const title = doc ? t('recv.print.invoiceTitle', { number: doc.number, date: formatDate(doc.date) }) : '';
  const c = doc?.client;
  return (
    <Dialog title={title || t('common.loading')} onClose={onClose} wide testId="invoice-print">
      {error && <p className="error" role="alert">{error}</p>}
      {doc && c && (
        <div className="print-page">
          <h2>{title}</h2>
          <p>
            <strong>{t('recv.print.supplier')}:</strong> {doc.company.name}
            {doc.company.inn && `, ${t('recv.print.inn')} ${doc.company.inn}`}
            {doc.company.kpp && `, ${t('recv.print.kpp')} ${doc.company.kpp}`}
            {doc.company.address && `, ${doc.company.address}`}
            {doc.company.bank && <><br />{doc.company.bank}</>}
          </p>
          <p>
            <strong>{t('recv.print.buyer')}:</strong> {c.fullName || c.name}
            {c.inn && `, ${t('recv.print.inn')} ${c.inn}`}
            {c.kpp && `, ${t('recv.print.kpp')} ${c.kpp}`}
            {c.legalAddress && `, ${c.legalAddress}`}
          </p>
          <table className="debt-table print-lines">
            <thead>
              <tr>
                <th>{t('recv.print.row')}</th>
                <th>{t('recv.invoice.name')}</th>
                <th className="num">{t('recv.invoice.quantity')}</th>
                <th>{t('recv.invoice.unit')}</th>
                <th className="num">{t('recv.invoice.price')}</th>
                <th className="num">{t('recv.invoice.sum')}</th>
              </tr>
            </thead>
            <tbody>
              {doc.lines.map((l, i) => (
                <tr key={i}>
                  <td>{i + 1}</td>
                  <td>{l.name}</td>
                  <td className="num">{l.quantity.toLocaleString()}</td>
                  <td>{l.unit}</td>
                  <td className="num">{formatMoney(l.priceKopecks)}</td>
                  <td className="num">{formatMoney(l.amountKopecks)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <td colSpan={5}>{t('recv.print.total')}</td>
                <td className="num" data-testid="print-total">{formatMoney(doc.amountKopecks)}</td>
              </tr>
            </tfoot>
          </table>
          <p>{t('recv.print.payUntil', { date: formatDate(doc.due) })}</p>
          {doc.comment && <p>{doc.comment}</p>}
          <p className="signature">
            {t('recv.print.signer')}: ____________ {doc.company.signer}
          </p>
        </div>
      )}
      <div className="actions no-print">
        <button type="button" className="primary" disabled={!doc} onClick={() => window.print()}>
          {t('recv.print.print')}
        </button>
      </div>
    </Dialog>
  );
}
