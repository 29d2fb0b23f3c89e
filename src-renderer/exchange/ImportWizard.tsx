import { useEffect, useRef, useState } from 'react';
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
import type { FileInfo, ImportResult, JobStatus, Mapping, MatchKey, Policy, Preview } from './types';

const STEPS = ['file', 'header', 'mapping', 'check', 'duplicates', 'result'] as const;
type Step = (typeof STEPS)[number];

/** choose file → sheet and header row → columns → check → duplicates → apply → result (with undo). */
export function ImportWizard(props: { onImported: () => void }) {
  const { t, i18n } = useTranslation();
  const [step, setStep] = useState<Step>('file');
  const [entity, setEntity] = useState('clients');
  const [busy, setBusy] = useState<string | null>(null);
  const [fileId, setFileId] = useState<string | null>(null);
  const [info, setInfo] = useState<FileInfo | null>(null);
  const [sheet, setSheet] = useState(0);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [mapping, setMapping] = useState<Mapping>({});
  const [jobId, setJobId] = useState<string | null>(null);
  const [status, setStatus] = useState<JobStatus | null>(null);
  const [policy, setPolicy] = useState<Policy>('update_empty');
  const [matchOrder, setMatchOrder] = useState<MatchKey[]>(['inn', 'phone', 'email']);
  const [dry, setDry] = useState<ImportResult | null>(null);
  // Deals: the managers the file names who are not users yet are created unless unticked.
  const [createUsers, setCreateUsers] = useState(true);
  const newUsers = status?.summary?.newUsers ?? [];
  const [result, setResult] = useState<ImportResult | null>(null);
  const refreshClients = useClients((s) => s.refresh);
  const fileInput = useRef<HTMLInputElement>(null);

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

  const loadPreview = async (id: string, s: number, headerRow?: number) => {
    const p = await call('exchange.preview', { fileId: id, entity, sheet: s, headerRow: headerRow ?? null });
    setPreview(p);
    setMapping(p.mapping);
  };

  const chooseFile = (file: File) =>
    guard(t('exchange.uploading', { percent: 0 }), async () => {
      const id = await uploadFile(file, (f) => setBusy(t('exchange.uploading', { percent: Math.round(f * 100) })));
      const i = await call('exchange.inspect', { fileId: id });
      setFileId(id);
      setInfo(i);
      setSheet(0);
      await loadPreview(id, 0);
      setStep('header');
    });

  // Polls the background check until it ends.
  useEffect(() => {
    if (!jobId || step !== 'check') return;
    let stop = false;
    const tick = async () => {
      try {
        const s = await call('exchange.job', { jobId });
        if (stop) return;
        setStatus(s);
        if (s.state === 'running') setTimeout(() => void tick(), 300);
        else if (s.state !== 'done') {
          notifyError(s.state === 'cancelled' ? t('exchange.cancelled') : errorText({ payload: s.error }));
          setStep('mapping');
        }
      } catch (e) {
        notifyError(errorText(e));
      }
    };
    void tick();
    return () => {
      stop = true;
    };
  }, [jobId, step, t]);

  // The dry run shows what the chosen policy will do before anything is written.
  useEffect(() => {
    if (step !== 'duplicates' || !jobId) return;
    setDry(null);
    call('exchange.apply', { jobId, policy, matchOrder, createUsers, dryRun: true }).then(setDry, (e) => notifyError(errorText(e)));
  }, [step, jobId, policy, matchOrder, createUsers]);

  const startCheck = () =>
    guard(t('exchange.analysing', { count: 0 }), async () => {
      if (!Object.values(mapping).some(Boolean)) throw new Error(t('exchange.mappingEmpty'));
      const r = await call('exchange.analyse', { fileId: fileId!, entity, sheet, headerRow: preview!.headerRow!, mapping, remember: true });
      setStatus(null);
      setJobId(r.jobId);
      setStep('check');
    });

  const apply = () =>
    guard(t('exchange.applying'), async () => {
      const r = await call('exchange.apply', { jobId: jobId!, policy, matchOrder, createUsers: createUsers && newUsers.length > 0, dryRun: false });
      setResult(r);
      setStep('result');
      refreshClients();
      props.onImported();
    });

  const undo = async () => {
    if (!result?.batchId || !(await confirmAction(t('exchange.undoConfirm', { name: info?.name ?? '' })))) return;
    await guard(t('exchange.applying'), async () => {
      const r = await call('exchange.undo', { batchId: result.batchId! });
      notify(t('exchange.undone', r));
      refreshClients();
      props.onImported();
      reset();
    });
  };

  const reset = () => {
    setStep('file');
    setFileId(null);
    setInfo(null);
    setPreview(null);
    setJobId(null);
    setStatus(null);
    setResult(null);
    setDry(null);
    if (fileInput.current) fileInput.current.value = '';
  };

  const index = STEPS.indexOf(step);
  const canNext =
    !busy &&
    ((step === 'header' && preview?.headerRow) || step === 'mapping' || (step === 'check' && status?.state === 'done' && (status.summary?.accepted ?? 0) > 0));
  const next = () => {
    if (step === 'header') setStep('mapping');
    else if (step === 'mapping') void startCheck();
    else if (step === 'check') setStep('duplicates');
  };

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
      {info && step !== 'file' && (
        <p className="muted">
          {info.name}
          {info.encoding ? ` — ${t('exchange.encoding', { encoding: info.encoding, delimiter: info.delimiter === '\t' ? 'Tab' : info.delimiter })}` : ''}
        </p>
      )}

      {step === 'file' && (
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
            <select value={entity} onChange={(e) => setEntity(e.target.value)}>
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

      {step === 'header' && info && preview && (
        <HeaderStep
          info={info}
          sheet={sheet}
          preview={preview}
          onSheet={(s) => guard(t('common.loading'), async () => {
            setSheet(s);
            await loadPreview(fileId!, s);
          })}
          onHeaderRow={(n) => void guard(t('common.loading'), () => loadPreview(fileId!, sheet, n))}
        />
      )}
      {step === 'mapping' && preview && (
        <MappingStep
          entity={entity}
          preview={preview}
          mapping={mapping}
          onMapping={setMapping}
          onPresetsChanged={() => void call('exchange.presets', { entity }).then((presets) => setPreview({ ...preview, presets }))}
        />
      )}
      {step === 'check' && status && (
        <CheckStep
          status={status}
          onCancel={() => void call('exchange.cancel', { jobId: jobId! })}
          onDownloadRejected={() =>
            void guard(t('exchange.exporting'), async () => {
              const r = await call('exchange.rejected', { jobId: jobId!, lang: i18n.language === 'en' ? 'en' : 'ru' });
              await downloadFile(r.fileId);
            })
          }
        />
      )}
      {step === 'duplicates' && newUsers.length > 0 && (
        <label className="row new-users" data-testid="create-users">
          <input type="checkbox" checked={createUsers} onChange={(e) => setCreateUsers(e.target.checked)} />
          {t('exchange.users_create', { count: newUsers.length, names: newUsers.slice(0, 10).join(', ') + (newUsers.length > 10 ? '…' : '') })}
        </label>
      )}
      {step === 'duplicates' && <DuplicatesStep entity={entity} policy={policy} matchOrder={matchOrder} dry={dry} onPolicy={setPolicy} onMatchOrder={setMatchOrder} />}
      {step === 'result' && result && (
        <div>
          <p role="status" data-testid="import-result">
            {t('exchange.done', { created: result.created, updated: result.updated, skipped: result.skipped })}
          </p>
          <div className="row">
            {result.batchId && <button onClick={() => void undo()}>{t('exchange.undo')}</button>}
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
          <button onClick={() => (index <= 1 ? reset() : setStep(STEPS[index - 1]!))} disabled={!!busy || status?.state === 'running'}>
            {t('exchange.back')}
          </button>
          {step === 'duplicates' ? (
            <button className="primary" onClick={() => void apply()} disabled={!!busy || !dry}>
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
