import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';

const COLORS = ['#4c6ef5', '#15aabf', '#fab005', '#fd7e14', '#7950f2', '#e64980'];

/** A new pipeline with its open stages typed one per line; won and lost stages come with it. */
export function NewPipelineForm({ onDone, run }: { onDone: () => void; run: (fn: () => Promise<unknown>) => Promise<boolean> }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [stages, setStages] = useState<string[]>(['']);
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const open = stages.map((s) => s.trim()).filter(Boolean);
    if (!name.trim()) return setError(t('deals.settings.pipelineNameRequired'));
    if (open.length === 0) return setError(t('errors.deal.open_stage_required'));
    const step = Math.floor(80 / open.length);
    const ok = await run(() =>
      call('pipelines.create', {
        name,
        stages: open.map((s, i) => ({ name: s, color: COLORS[i % COLORS.length]!, probability: Math.min(90, 10 + i * step), normDays: null })),
        won: { name: t('deals.settings.wonDefault'), color: '#40c057', probability: 100, normDays: null },
        lost: { name: t('deals.settings.lostDefault'), color: '#868e96', probability: 0, normDays: null },
      }),
    );
    if (ok) onDone();
  };
  return (
    <form className="new-pipeline" onSubmit={submit} data-testid="new-pipeline">
      <div className="field">
        <label htmlFor="pipeline-name">{t('deals.settings.pipelineName')}</label>
        <input id="pipeline-name" value={name} autoFocus onChange={(e) => setName(e.target.value)} />
      </div>
      {stages.map((s, i) => (
        <div className="row" key={i}>
          <input aria-label={t('deals.settings.stageN', { n: i + 1 })} placeholder={t('deals.settings.stageName')} value={s} onChange={(e) => setStages(stages.map((x, j) => (j === i ? e.target.value : x)))} />
          {stages.length > 1 && <button type="button" className="icon" aria-label={t('deals.settings.removeStageN', { n: i + 1 })} onClick={() => setStages(stages.filter((_, j) => j !== i))}>×</button>}
        </div>
      ))}
      <p className="muted small">{t('deals.settings.closingStagesHint')}</p>
      {error && <p className="error" role="alert">{error}</p>}
      <div className="row">
        <button type="button" onClick={() => setStages([...stages, ''])}>{t('deals.settings.oneMoreStage')}</button>
        <span className="spacer" />
        <button type="button" onClick={onDone}>{t('common.cancel')}</button>
        <button type="submit" className="primary">{t('common.create')}</button>
      </div>
    </form>
  );
}
