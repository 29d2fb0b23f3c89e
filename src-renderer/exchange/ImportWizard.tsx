import { useEffect, useReducer, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { errorText } from '../i18n';
import { confirmAction } from '../ui/Dialog';
import { notify, notifyError } from '../ui/toast';
import { useClients } from '../clients/store';
import { uploadFile, downloadFile } from './transfer';
import { HeaderStep } from './HeaderStep';
import { MappingStep } from './MappingStep';
import { CheckStep } from './CheckStep';
import { DuplicatesStep } from './DuplicatesStep';
import { checkPassed, initialWizard, newUsersOf, STEPS, wizardReducer, type Loaded, type WizardState } from './wizardState';

/** choose file → sheet and header row → columns → check → duplicates → apply → result (with undo). */
export function ImportWizard(props: { onImported: () => void }) {
  const { t, i18n } = useTranslation();
  const [state, dispatch] = useReducer(wizardReducer, undefined, () => initialWizard());
  // What the core is doing for the wizard right now (a line under the steps), if anything.
  const [busy, setBusy] = useState<string | null>(null);
  const refreshClients = useClients((s) => s.refresh);
  const fileInput = useRef<HTMLInputElement>(null);
  const { step, choices } = state;
  const newUsers = newUsersOf(state);

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

  const chooseFile = (file: File) => {
    if (state.step !== 'file') return;
    const { entity } = state;
    return guard(t('exchange.uploading', { percent: 0 }), async () => {
      const fileId = await uploadFile(file, (f) => setBusy(t('exchange.uploading', { percent: Math.round(f * 100) })));
      const info = await call('exchange.inspect', { fileId });
      const preview = await call('exchange.preview', { fileId, entity, sheet: 0, headerRow: null });
      dispatch({ type: 'loaded', fileId, info, preview });
    });
  };

  const reloadPreview = (s: Loaded, sheet: number, headerRow: number | null) =>
    guard(t('common.loading'), async () => {
      const preview = await call('exchange.preview', { fileId: s.fileId, entity: s.entity, sheet, headerRow });
      dispatch({ type: 'previewed', sheet, preview });
    });

  // Polls the background check until it ends.
  const checkJob = state.step === 'check' ? state.jobId : null;
  useEffect(() => {
    if (!checkJob) return;
    let stop = false;
    const tick = async () => {
      try {
        const s = await call('exchange.job', { jobId: checkJob });
        if (stop) return;
        dispatch({ type: 'status', status: s });
        if (s.state === 'running') setTimeout(() => void tick(), 300);
        else if (s.state !== 'done') {
          notifyError(s.state === 'cancelled' ? t('exchange.cancelled') : errorText({ payload: s.error }));
          dispatch({ type: 'checkFailed' });
        }
      } catch (e) {
        notifyError(errorText(e));
      }
    };
    void tick();
    return () => {
      stop = true;
    };
  }, [checkJob, t]);

  // The dry run shows what the chosen choices will do before anything is written.
  const dryJob = state.step === 'duplicates' ? state.jobId : null;
  useEffect(() => {
    if (!dryJob) return;
    let live = true;
    call('exchange.apply', { jobId: dryJob, ...choices, dryRun: true }).then(
      (dry) => live && dispatch({ type: 'dry', dry }),
      (e) => notifyError(errorText(e)),
    );
    return () => {
      live = false;
    };
  }, [dryJob, choices]);

  const startCheck = (s: Extract<WizardState, { step: 'mapping' }>) =>
    guard(t('exchange.analysing', { count: 0 }), async () => {
      const headerRow = s.preview.headerRow;
      if (!headerRow || !Object.values(s.mapping).some(Boolean)) throw new Error(t('exchange.mappingEmpty'));
      const r = await call('exchange.analyse', { fileId: s.fileId, entity: s.entity, sheet: s.sheet, headerRow, mapping: s.mapping, remember: true });
      dispatch({ type: 'checkStarted', jobId: r.jobId });
    });

  const apply = (s: Extract<WizardState, { step: 'duplicates' }>) =>
    guard(t('exchange.applying'), async () => {
      const result = await call('exchange.apply', { jobId: s.jobId, ...s.choices, createUsers: s.choices.createUsers && newUsers.length > 0, dryRun: false });
      dispatch({ type: 'applied', result });
      refreshClients();
      props.onImported();
    });

  const reset = () => {
    dispatch({ type: 'reset' });
    if (fileInput.current) fileInput.current.value = '';
  };

  const undo = async (s: Extract<WizardState, { step: 'result' }>) => {
    const batchId = s.result.batchId;
    if (!batchId || !(await confirmAction(t('exchange.undoConfirm', { name: s.info.name })))) return;
    await guard(t('exchange.applying'), async () => {
      const r = await call('exchange.undo', { batchId });
      notify(t('exchange.undone', r));
      refreshClients();
      props.onImported();
      reset();
    });
  };

  const index = STEPS.indexOf(step);
  const canNext = !busy && ((state.step === 'header' && !!state.preview.headerRow) || state.step === 'mapping' || checkPassed(state));
  const next = () => {
    if (state.step === 'header') dispatch({ type: 'toMapping' });
    else if (state.step === 'mapping') void startCheck(state);
    else if (state.step === 'check') dispatch({ type: 'toDuplicates' });
  };
  const back = () => {
    if (state.step === 'header' && fileInput.current) fileInput.current.value = '';
    dispatch({ type: 'back' });
  };
  const checking = state.step === 'check' && state.status?.state === 'running';

  return (
    <section className="panel xch-wizard" aria-label={t('exchange.importTitle')}>
      <h2>{t('exchange.importTitle')}</h2>
      <ol className="xch-steps">
        {STEPS.map((s, i) => (
          <li key={s} className={i === index ? 'current' : i < index ? 'done' : undefined} aria-current={i === index ? 'step' : undefined}>
            {t(`exchange.steps.${s}`)}
          </li>
        ))}
      </ol>
      {state.step !== 'file' && (
        <p className="muted">
          {state.info.name}
          {state.info.encoding ? ` — ${t('exchange.encoding', { encoding: state.info.encoding, delimiter: state.info.delimiter === '\t' ? 'Tab' : state.info.delimiter })}` : ''}
        </p>
      )}

      {state.step === 'file' && (
        <div
          className="xch-drop"
          onDragOver={(e) => e.preventDefault()}
          onDrop={(e) => {
            e.preventDefault();
            const f = e.dataTransfer.files[0];
            if (f) void chooseFile(f);
          }}
        >
          <p className="muted">{t('exchange.importHint')}</p>
          <label className="row">
            {t('exchange.entity')}
            <select value={state.entity} onChange={(e) => dispatch({ type: 'entity', entity: e.target.value })}>
              <option value="clients">{t('exchange.entities.clients')}</option>
              <option value="contacts">{t('exchange.entities.contacts')}</option>
              <option value="deals">{t('exchange.entities.deals')}</option>
              <option value="plans">{t('exchange.entities.plans')}</option>
            </select>
          </label>
          <button className="primary" disabled={!!busy} onClick={() => fileInput.current?.click()}>
            {t('exchange.chooseFile')}
          </button>
          <input
            ref={fileInput}
            type="file"
            hidden
            accept=".xlsx,.xlsm,.xls,.csv,.txt,.vcf"
            onChange={(e) => {
              const f = e.target.files?.[0];
              if (f) void chooseFile(f);
            }}
          />
          <span className="muted"> {t('exchange.dropHint')}</span>
        </div>
      )}

      {state.step === 'header' && (
        <HeaderStep
          info={state.info}
          sheet={state.sheet}
          preview={state.preview}
          onSheet={(sheet) => void reloadPreview(state, sheet, null)}
          onHeaderRow={(n) => void reloadPreview(state, state.sheet, n)}
        />
      )}
      {state.step === 'mapping' && (
        <MappingStep
          entity={state.entity}
          preview={state.preview}
          mapping={state.mapping}
          onMapping={(mapping) => dispatch({ type: 'mapping', mapping })}
          onPresetsChanged={() => void call('exchange.presets', { entity: state.entity }).then((presets) => dispatch({ type: 'presets', presets }))}
        />
      )}
      {state.step === 'check' && state.status && (
        <CheckStep
          status={state.status}
          onCancel={() => void call('exchange.cancel', { jobId: state.jobId })}
          onDownloadRejected={() =>
            void guard(t('exchange.exporting'), async () => {
              const r = await call('exchange.rejected', { jobId: state.jobId, lang: i18n.language === 'en' ? 'en' : 'ru' });
              await downloadFile(r.fileId);
            })
          }
        />
      )}
      {state.step === 'duplicates' && newUsers.length > 0 && (
        <label className="row new-users" data-testid="create-users">
          <input type="checkbox" checked={choices.createUsers} onChange={(e) => dispatch({ type: 'choices', choices: { createUsers: e.target.checked } })} />
          {t('exchange.users_create', { count: newUsers.length, names: newUsers.slice(0, 10).join(', ') + (newUsers.length > 10 ? '…' : '') })}
        </label>
      )}
      {state.step === 'duplicates' && (
        <DuplicatesStep
          entity={state.entity}
          policy={choices.policy}
          matchOrder={choices.matchOrder}
          dry={state.dry}
          onPolicy={(policy) => dispatch({ type: 'choices', choices: { policy } })}
          onMatchOrder={(matchOrder) => dispatch({ type: 'choices', choices: { matchOrder } })}
        />
      )}
      {state.step === 'result' && (
        <div>
          <p role="status" data-testid="import-result">
            {t('exchange.done', { created: state.result.created, updated: state.result.updated, skipped: state.result.skipped })}
          </p>
          <div className="row">
            {state.result.batchId && <button onClick={() => void undo(state)}>{t('exchange.undo')}</button>}
            <button onClick={reset}>{t('exchange.newImport')}</button>
          </div>
        </div>
      )}

      {busy && (
        <p className="xch-progress muted" role="status">
          <progress /> {busy}
        </p>
      )}
      {step !== 'file' && step !== 'result' && (
        <div className="actions">
          <button onClick={back} disabled={!!busy || checking}>
            {t('exchange.back')}
          </button>
          {state.step === 'duplicates' ? (
            <button className="primary" onClick={() => void apply(state)} disabled={!!busy || !state.dry}>
              {busy ? t('exchange.applying') : t('exchange.apply')}
            </button>
          ) : (
            <button className="primary" onClick={next} disabled={!canNext}>
              {t('exchange.next')}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
