import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, type ProcOutput } from '../api/client';
import { errorText, formatDate } from '../i18n';
import { formatMoney } from '../deals/money';
import { downloadFile } from '../exchange/transfer';
import { DateInput } from '../ui/dates/DateInput';
import { Dialog } from '../ui/Dialog';
import { notifyError } from '../ui/toast';
import { todayLocal } from './dates';

type Statement = ProcOutput<'receivables.reconciliation'>;
const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** The reconciliation statement (акт сверки) for a period: as .xlsx, or as a printable page. */
export function ReconciliationBox({ clientId }: { clientId: string }) {
  const { t, i18n } = useTranslation();
  const today = todayLocal();
  const [from, setFrom] = useState(`${today.slice(0, 4)}-01-01`);
  const [to, setTo] = useState(today);
  const [shown, setShown] = useState<Statement | null>(null);
  const lang = i18n.language === 'en' ? 'en' : 'ru';
  const download = async () => {
    try {
      const { fileId } = await call('receivables.reconciliationExport', { clientId, from, to, lang });
      await downloadFile(fileId);
    } catch (e) {
      notifyError(errorText(e));
    }
  };
  const show = async () => {
    try {
      setShown(await call('receivables.reconciliation', { clientId, from, to }));
    } catch (e) {
      notifyError(errorText(e));
    }
  };
  return (
    <div className="row" data-testid="reconciliation">
      <label className="row small">
        {t('recv.recon.from')}
        <DateInput aria-label={t('recv.recon.from')} value={from} onChange={(v) => ISO.test(v) && setFrom(v)} />
      </label>
      <label className="row small">
        {t('recv.recon.to')}
        <DateInput aria-label={t('recv.recon.to')} value={to} onChange={(v) => ISO.test(v) && setTo(v)} />
      </label>
      <button onClick={() => void download()}>{t('recv.recon.xlsx')}</button>
      <button onClick={() => void show()}>{t('recv.recon.print')}</button>
      {shown && (
        <Dialog title={t('recv.recon.title', { from: formatDate(shown.from), to: formatDate(shown.to) })} onClose={() => setShown(null)} wide testId="reconciliation-print">
          <div className="print-page">
            <h2>{t('recv.recon.title', { from: formatDate(shown.from), to: formatDate(shown.to) })}</h2>
            <p>
              {shown.company.name} — {shown.client.fullName || shown.client.name}
              {shown.client.inn && `, ${t('recv.print.inn')} ${shown.client.inn}`}
            </p>
            <table className="debt-table">
              <thead>
                <tr>
                  <th>{t('recv.documents.date')}</th>
                  <th>{t('recv.recon.line')}</th>
                  <th className="num">{t('recv.recon.debit')}</th>
                  <th className="num">{t('recv.recon.credit')}</th>
                </tr>
              </thead>
              <tbody>
                <tr>
                  <td colSpan={2}>{t('recv.recon.opening')}</td>
                  <td className="num">{formatMoney(shown.openingKopecks)}</td>
                  <td />
                </tr>
                {shown.lines.map((l, i) => (
                  <tr key={i}>
                    <td>{formatDate(l.date)}</td>
                    <td>{t(`recv.recon.kinds.${l.kind}`, { number: l.number })}</td>
                    <td className="num">{l.debitKopecks ? formatMoney(l.debitKopecks) : ''}</td>
                    <td className="num">{l.creditKopecks ? formatMoney(l.creditKopecks) : ''}</td>
                  </tr>
                ))}
                <tr>
                  <td colSpan={2}>{t('recv.recon.turnover')}</td>
                  <td className="num">{formatMoney(shown.debitKopecks)}</td>
                  <td className="num">{formatMoney(shown.creditKopecks)}</td>
                </tr>
              </tbody>
              <tfoot>
                <tr>
                  <td colSpan={2}>{t('recv.recon.closing')}</td>
                  <td className="num" data-testid="recon-closing">{formatMoney(shown.closingKopecks)}</td>
                  <td />
                </tr>
              </tfoot>
            </table>
          </div>
          <div className="actions no-print">
            <button className="primary" onClick={() => window.print()}>{t('recv.print.print')}</button>
          </div>
        </Dialog>
      )}
    </div>
  );
}
