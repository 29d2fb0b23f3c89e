import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, type ProcOutput } from '../api/client';
import { errorText, formatDate } from '../i18n';
import { notify, notifyError } from '../ui/toast';
import { uploadFile } from '../exchange/transfer';
import { ClientPicker } from '../clients/ClientPicker';
import type { PickedClient } from '../clients/ClientPicker';
import './receivables.css';

// The accountant's files as 1C saves them (ОСВ по 62, debts by age, a document list; a
// bank statement kl_to_1c.txt): read and matched first, nothing written; every name
// the workspace does not know is settled once (a client, or left out) before the one
// write; a bank payer who is no client can become one in a click.

type Entity = 'receivables' | 'payments';
type Analysis = Awaited<ProcOutput<'exchange.receivables.analyse'>>;
type Result = Awaited<ProcOutput<'exchange.receivables.apply'>>;
type Party = Analysis['unmatched'][number];
type Choice = { client: PickedClient } | { skip: true };

export function OneCFilesImport(props: { onImported: () => void }) {
  const { t, i18n } = useTranslation();
  const [entity, setEntity] = useState<Entity>('receivables');
  const [busy, setBusy] = useState<string | null>(null);
  const [analysis, setAnalysis] = useState<Analysis | null>(null);
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const [result, setResult] = useState<Result | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const lang = i18n.language === 'en' ? 'en' : 'ru';

  const guard = async (label: string, work: () => Promise<void>) => {
    setBusy(label);
    try {
      await work();
    } catch (e) {
      notifyError(errorText(e));
    } finally {
      setBusy(null);
    }
  };

  const choose = (file: File) =>
    guard(t('exchange.uploading', { percent: 0 }), async () => {
      setResult(null);
      setAnalysis(null);
      setChoices({});
      const fileId = await uploadFile(file, (f) => setBusy(t('exchange.uploading', { percent: Math.round(f * 100) })));
      setBusy(t('recv.import.reading'));
      setAnalysis(await call('exchange.receivables.analyse', { fileId, entity, lang }));
    });

  // Bank payers who are not clients are kept apart and attach later: only the
  // counterparties of an ОСВ or a debts list must all be settled before the write.
  const mustSettle = analysis?.entity === 'receivables' ? analysis.unmatched : [];
  const unsettled = mustSettle.filter((p) => !choices[p.name]);

  const apply = () =>
    analysis &&
    guard(t('recv.import.applying'), async () => {
      const map: Record<string, string> = {};
      const skip: string[] = [];
      for (const [name, c] of Object.entries(choices)) {
        if ('skip' in c) skip.push(name);
        else map[name] = c.client.id;
      }
      const r = await call('exchange.receivables.apply', { analysisId: analysis.analysisId, lang, map, skip });
      if (!r.applied) {
        notifyError(r.errors.map((e) => e.message).join('; ') || t('recv.import.notApplied'));
        return;
      }
      setResult(r);
      setAnalysis(null);
      notify(t('recv.import.done', { documents: r.documents.created + r.documents.updated, payments: r.payments.added }));
      props.onImported();
    });

  const makeClient = (p: Party) =>
    p.inn &&
    guard(t('recv.import.creatingClient'), async () => {
      const r = await call('receivables.createClientFromPayer', { inn: p.inn!, name: p.name });
      notify(t('recv.import.clientCreated', { name: p.name, count: r.payments }));
      setResult((prev) => (prev ? { ...prev, unmatched: prev.unmatched.filter((u) => u.name !== p.name) } : prev));
    });

  return (
    <section className="panel onec-import" data-testid="onec-import" aria-label={t('recv.import.title')}>
      <h2>{t('recv.import.title')}</h2>
      <p className="muted">{t('recv.import.intro')}</p>
      <div className="row">
        <label className="field inline">
          <span className="field-label">{t('recv.import.what')}</span>
          <select value={entity} onChange={(e) => setEntity(e.target.value as Entity)} disabled={!!busy}>
            <option value="receivables">{t('recv.import.entity.receivables')}</option>
            <option value="payments">{t('recv.import.entity.payments')}</option>
          </select>
        </label>
        <button className="primary" disabled={!!busy} onClick={() => fileInput.current?.click()}>
          {t('recv.import.chooseFile')}
        </button>
        <input
          ref={fileInput}
          type="file"
          hidden
          data-testid="onec-file"
          accept={entity === 'payments' ? '.txt' : '.xlsx,.csv,.xls'}
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f) void choose(f);
          }}
        />
      </div>
      {busy && (
        <p role="status" className="muted">
          {busy}
        </p>
      )}

      {analysis && (
        <div data-testid="onec-analysis">
          <p>
            {t(`recv.import.kind.${analysis.kind}`)}
            {analysis.period ? ` · ${t('recv.import.period', { from: formatDate(analysis.period.from), to: formatDate(analysis.period.to) })}` : ''}
            {analysis.asOf ? ` · ${t('recv.import.asOf', { date: formatDate(analysis.asOf) })}` : ''}
          </p>
          <p>
            {t('recv.import.found', { documents: analysis.documents, payments: analysis.payments, matched: analysis.matched.length })}
            {analysis.outgoing > 0 ? ` ${t('recv.import.outgoing', { count: analysis.outgoing })}` : ''}
          </p>
          {analysis.errors.length > 0 && (
            <ul className="errors" data-testid="onec-errors">
              {analysis.errors.slice(0, 20).map((e, k) => (
                <li key={k}>{t('recv.import.rowError', { row: e.row, message: e.message })}</li>
              ))}
            </ul>
          )}
          {mustSettle.length > 0 && (
            <div className="unmatched" data-testid="onec-unmatched">
              <h3>{t('recv.import.unmatchedTitle', { count: mustSettle.length })}</h3>
              <p className="muted">{t('recv.import.unmatchedHint')}</p>
              {mustSettle.map((p) => (
                <UnmatchedRow key={p.name} party={p} choice={choices[p.name] ?? null} onChoose={(c) => setChoices((all) => withChoice(all, p.name, c))} />
              ))}
            </div>
          )}
          {analysis.entity === 'payments' && analysis.unmatched.length > 0 && (
            <p className="muted">{t('recv.import.strangersLater', { count: analysis.unmatched.length })}</p>
          )}
          <div className="actions">
            <button onClick={() => setAnalysis(null)} disabled={!!busy}>
              {t('common.cancel')}
            </button>
            <button className="primary" onClick={() => void apply()} disabled={!!busy || unsettled.length > 0}>
              {unsettled.length > 0 ? t('recv.import.settleFirst', { count: unsettled.length }) : t('recv.import.apply')}
            </button>
          </div>
        </div>
      )}

      {result && (
        <div data-testid="onec-result">
          <p>
            {t('recv.import.resultDocuments', { ...result.documents })}
            {result.entity === 'payments' ? ` ${t('recv.import.resultPayments', { ...result.payments })}` : ''}
          </p>
          {result.counterparties.skipped.length > 0 && <p className="muted">{t('recv.import.skippedNames', { names: result.counterparties.skipped.join(', ') })}</p>}
          {result.entity === 'payments' && result.unmatched.length > 0 && (
            <div data-testid="onec-strangers">
              <h3>{t('recv.import.strangersTitle', { count: result.unmatched.length })}</h3>
              <ul>
                {result.unmatched.map((p) => (
                  <li key={p.name} className="row">
                    <span>
                      {p.name}
                      {p.inn ? ` · ${t('fields.inn')} ${p.inn}` : ''} · {t('recv.import.payerPayments', { count: p.payments })}
                    </span>
                    {p.inn && (
                      <button className="link" disabled={!!busy} onClick={() => void makeClient(p)}>
                        {t('recv.import.makeClient')}
                      </button>
                    )}
                  </li>
                ))}
              </ul>
            </div>
          )}
        </div>
      )}
    </section>
  );
}

function withChoice(all: Record<string, Choice>, name: string, c: Choice | null): Record<string, Choice> {
  const next = { ...all };
  if (c) next[name] = c;
  else delete next[name];
  return next;
}

function UnmatchedRow(props: { party: Party; choice: Choice | null; onChoose: (c: Choice | null) => void }) {
  const { t } = useTranslation();
  const { party: p, choice } = props;
  const picked = choice && 'client' in choice ? choice.client : null;
  return (
    <div className="unmatched-row" data-testid="onec-unmatched-row">
      <div>
        <strong>{p.name}</strong>
        <span className="muted"> · {t('recv.import.partyDocuments', { count: p.documents })}</span>
      </div>
      {p.candidates.length > 0 && !choice && (
        <div className="row">
          <span className="muted">{t('recv.import.candidates')}</span>
          {p.candidates.map((c) => (
            <button key={c.id} className="link" onClick={() => props.onChoose({ client: { id: c.id, name: c.name } })}>
              {c.name}
            </button>
          ))}
        </div>
      )}
      {choice && 'skip' in choice ? (
        <div className="row">
          <span className="muted">{t('recv.import.willSkip')}</span>
          <button className="link" onClick={() => props.onChoose(null)}>
            {t('recv.import.undoSkip')}
          </button>
        </div>
      ) : (
        <div className="row">
          <ClientPicker value={picked} onChange={(c) => props.onChoose(c ? { client: c } : null)} testId={`onec-client-${p.name}`} />
          {!picked && (
            <button className="link" onClick={() => props.onChoose({ skip: true })}>
              {t('recv.import.skip')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
