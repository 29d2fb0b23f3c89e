import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { errorText, formatDate } from '../i18n';
import { formatMoney } from '../deals/money';
import { confirmAction } from '../ui/Dialog';
import { notify, notifyError } from '../ui/toast';
import type { ClientDebt } from './useClientDebt';

type Doc = ClientDebt['documents'][number];

/** Every document of the client, newest first, with what each still owes. */
export function DocumentsTable({ documents, asOf, mayDelete, onPrint, onChanged }: { documents: Doc[]; asOf: string; mayDelete: boolean; onPrint: (id: string) => void; onChanged: () => void }) {
  const { t } = useTranslation();
  if (documents.length === 0) return <p className="muted">{t('recv.documents.none')}</p>;
  const remove = async (d: Doc) => {
    if (!(await confirmAction(t('recv.documents.deleteConfirm', { number: d.number })))) return;
    try {
      await call('receivables.deleteDocument', { id: d.id });
      notify(t('recv.documents.deleted'));
      onChanged();
    } catch (e) {
      notifyError(errorText(e));
    }
  };
  return (
    <table className="debt-table" data-testid="debt-documents">
      <thead>
        <tr>
          <th>{t('recv.documents.kind')}</th>
          <th>{t('recv.documents.number')}</th>
          <th>{t('recv.documents.date')}</th>
          <th>{t('recv.documents.due')}</th>
          <th className="num">{t('recv.documents.amount')}</th>
          <th className="num">{t('recv.documents.open')}</th>
          <th>{t('recv.documents.source')}</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {documents.map((d) => {
          const overdue = d.openKopecks > 0 && d.due < asOf;
          return (
            <tr key={d.id} className={overdue ? 'overdue' : undefined}>
              <td>{t(`recv.kinds.${d.kind}`, { defaultValue: d.kind })}</td>
              <td>
                {d.number}
                {d.contract && <div className="muted small">{d.contract}</div>}
              </td>
              <td>{formatDate(d.date)}</td>
              <td className={overdue ? 'danger-text' : undefined}>{formatDate(d.due)}</td>
              <td className="num">{formatMoney(d.amountKopecks)}</td>
              <td className="num">{d.openKopecks > 0 ? formatMoney(d.openKopecks) : <span className="muted">{t('recv.documents.paid')}</span>}</td>
              <td className="muted small">{t(`recv.sources.${d.source}`, { defaultValue: d.source })}</td>
              <td className="row-actions">
                {d.source === 'manual' && (
                  <button className="link" onClick={() => onPrint(d.id)}>
                    {t('recv.documents.print')}
                  </button>
                )}
                {mayDelete && d.source === 'manual' && (
                  <button className="link danger" aria-label={`${t('recv.documents.delete')} ${d.number}`} onClick={() => void remove(d)}>
                    ×
                  </button>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
