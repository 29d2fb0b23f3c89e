import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, type ProcOutput } from '../api/client';
import { errorText, formatDate } from '../i18n';
import { formatMoney } from '../deals/money';
import { Dialog } from '../ui/Dialog';
import { todayLocal } from './dates';
import { notify, notifyError } from '../ui/toast';

type Letter = ProcOutput<'receivables.letter'>;

/** A reminder letter or a claim from the core's template, as a printable page. */
export function LetterPrint({ clientId, kind, onClose }: { clientId: string; kind: 'letter' | 'claim'; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const [letter, setLetter] = useState<Letter | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  useEffect(() => {
    call('receivables.letter', { clientId, kind, asOf: todayLocal(), lang: i18n.language === 'en' ? 'en' : 'ru' }).then(setLetter, (e) => setError(errorText(e)));
  }, [clientId, kind, i18n.language]);
  return (
    <Dialog title={letter?.title ?? t('common.loading')} onClose={onClose} wide testId="letter-print">
      {error && <p className="error" role="alert">{error}</p>}
      {letter && (
        <div className="print-page">
          <p className="muted">{letter.from.name}{letter.from.inn && `, ${t('recv.print.inn')} ${letter.from.inn}`}{letter.from.address && `, ${letter.from.address}`}</p>
          <p>{letter.to.fullName || letter.to.name}{letter.to.inn && `, ${t('recv.print.inn')} ${letter.to.inn}`}</p>
          <p>{formatDate(letter.date)}</p>
          <h2>{letter.title}</h2>
          {letter.paragraphs.map((p, i) => (
            <p key={i}>{p}</p>
          ))}
          <table className="debt-table">
            <thead>
              <tr>
                <th>{t('recv.documents.number')}</th>
                <th>{t('recv.documents.date')}</th>
                <th>{t('recv.documents.due')}</th>
                <th className="num">{t('recv.documents.open')}</th>
              </tr>
            </thead>
            <tbody>
              {letter.documents.map((d) => (
                <tr key={d.id}>
                  <td>{d.number}</td>
                  <td>{formatDate(d.date)}</td>
                  <td>{formatDate(d.due)}</td>
                  <td className="num">{formatMoney(d.openKopecks)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <td colSpan={3}>{t('recv.print.total')}</td>
                <td className="num">{formatMoney(letter.totalKopecks)}</td>
              </tr>
            </tfoot>
          </table>
          <p className="signature">____________ {letter.signer}</p>
        </div>
      )}
      <div className="actions no-print">
        <button
          disabled={!letter || letter.documents.length === 0 || sent}
          onClick={() =>
            void call('receivables.letterSent', { clientId, kind, asOf: letter!.date, lang: i18n.language === 'en' ? 'en' : 'ru' }).then(
              () => {
                setSent(true);
                notify(t('recv.print.sentRecorded'));
              },
              (e) => notifyError(errorText(e)),
            )
          }
        >
          {t('recv.print.markSent')}
        </button>
        <button className="primary" disabled={!letter} onClick={() => window.print()}>{t('recv.print.print')}</button>
      </div>
    </Dialog>
  );
}
