import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../i18n';
import { formatMoney } from '../deals/money';
import { useMay } from '../access/store';
import { useClientDebt } from './useClientDebt';
import { TermsForm } from './TermsForm';
import { DocumentsTable } from './DocumentsTable';
import { PaymentsTable } from './PaymentsTable';
import { InvoiceDialog } from './InvoiceDialog';
import { PaymentDialog } from './PaymentDialog';
import { InvoicePrint } from './InvoicePrint';
import { PromisesPanel } from './PromisesPanel';
import { ReconciliationBox } from './ReconciliationBox';
import { LetterPrint } from './LetterPrint';
import './receivables.css';

/**
 * The client card's «Задолженность»: what the client owes today and since when, the
 * terms, the documents and payments, and the work on them (invoices, payments by hand).
 */
export function DebtPanel({ clientId, archived }: { clientId: string; archived: boolean }) {
  const { t } = useTranslation();
  const mayChange = useMay('change') && !archived;
  const mayDelete = useMay('archive') && !archived;
  const { data, error, reload } = useClientDebt(clientId);
  const [dialog, setDialog] = useState<'invoice' | 'payment' | null>(null);
  const [printing, setPrinting] = useState<string | null>(null);
  const [letter, setLetter] = useState<'letter' | 'claim' | null>(null);
  if (error) return <section className="panel debt-panel"><p className="error" role="alert">{error}</p></section>;
  if (!data) return null;
  const empty = data.documents.length === 0 && data.payments.length === 0;

  return (
    <section className="panel debt-panel" aria-label={t('recv.tab')} data-testid="debt-panel">
      <header className="row">
        <h2>{t('recv.tab')}</h2>
        <span className="muted small">{t('recv.asOf', { date: formatDate(data.asOf) })}</span>
        <span className="spacer" />
        {mayChange && (
          <>
            <button onClick={() => setDialog('invoice')}>{t('recv.invoice.new')}</button>
            <button onClick={() => setDialog('payment')}>{t('recv.payments.add')}</button>
          </>
        )}
      </header>
      {data.debtKopecks === 0 && <p className="muted empty-state" data-testid="no-debt">{t('recv.noDebt')}</p>}
      {data.debtKopecks > 0 && (
        <div className="debt-summary" data-testid="debt-summary">
          <div>
            <span className="muted small">{t('recv.debt')}</span>
            <span className="big" data-testid="debt-total">{formatMoney(data.debtKopecks)}</span>
          </div>
          <div>
            <span className="muted small">{t('recv.overdue')}</span>
            <span className={`big${data.overdueKopecks ? ' danger-text' : ''}`} data-testid="debt-overdue">{formatMoney(data.overdueKopecks)}</span>
          </div>
          {data.oldestOverdueDays !== null && data.overdueKopecks > 0 && (
            <div>
              <span className="muted small">{t('recv.oldestDays')}</span>
              <span className="big" data-testid="debt-days">{t('recv.days', { count: data.oldestOverdueDays })}</span>
            </div>
          )}
          <div>
            <span className="muted small">{t('recv.creditLimit')}</span>
            <span className="big">{data.creditLimitKopecks === null ? t('recv.noLimit') : formatMoney(data.creditLimitKopecks)}</span>
          </div>
        </div>
      )}
      {data.advanceKopecks > 0 && <p>{t('recv.advance')}: {formatMoney(data.advanceKopecks)}</p>}
      {data.overLimit && <p className="debt-warning" role="status">{t('recv.overLimit')}</p>}
      <h3>{t('recv.terms.title')}</h3>
      <TermsForm key={JSON.stringify(data.terms)} clientId={clientId} terms={data.terms} onSaved={reload} readOnly={!mayChange} />
      {!empty && (
        <>
          <h3>{t('recv.documents.title')}</h3>
          <DocumentsTable documents={data.documents} asOf={data.asOf} mayDelete={mayDelete} onPrint={setPrinting} onChanged={reload} />
          <h3>{t('recv.payments.title')}</h3>
          <PaymentsTable debt={data} mayChange={mayChange} mayDelete={mayDelete} onChanged={reload} />
        </>
      )}
      <h3>{t('recv.promises.title')}</h3>
      <PromisesPanel clientId={clientId} promises={data.promises} mayChange={mayChange && data.debtKopecks > 0} onChanged={reload} />
      {!empty && (
        <>
          <h3>{t('recv.recon.heading')}</h3>
          <ReconciliationBox clientId={clientId} />
        </>
      )}
      {data.overdueKopecks > 0 && (
        <>
          <h3>{t('recv.letters.title')}</h3>
          <p className="row">
            <button onClick={() => setLetter('letter')}>{t('recv.letters.letter')}</button>
            <button onClick={() => setLetter('claim')}>{t('recv.letters.claim')}</button>
          </p>
        </>
      )}
      {letter && <LetterPrint clientId={clientId} kind={letter} onClose={() => setLetter(null)} />}
      {dialog === 'invoice' && (
        <InvoiceDialog
          clientId={clientId}
          onClose={() => setDialog(null)}
          onSaved={(id) => {
            setDialog(null);
            reload();
            setPrinting(id);
          }}
        />
      )}
      {dialog === 'payment' && (
        <PaymentDialog
          clientId={clientId}
          onClose={() => setDialog(null)}
          onSaved={() => {
            setDialog(null);
            reload();
          }}
        />
      )}
      {printing && <InvoicePrint documentId={printing} onClose={() => setPrinting(null)} />}
    </section>
  );
}
