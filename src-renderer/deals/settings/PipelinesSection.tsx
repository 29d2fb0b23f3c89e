import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { confirmAction } from '../../ui/Dialog';
import { useAction } from '../../ui/useAction';
import { useDeals } from '../store';
import { StageRow } from './StageRow';
import { NewPipelineForm } from './NewPipelineForm';

/** Pipelines and their stages: add, rename, recolour, reorder, delete (moving deals first). */
export function PipelinesSection() {
  const { t } = useTranslation();
  const { pipelines, reload, loaded } = useDeals();
  const [adding, setAdding] = useState(false);
  const [newStage, setNewStage] = useState<Record<string, string>>({});
  useEffect(() => {
    if (!loaded) void reload();
  }, [loaded, reload]);

  const { run } = useAction(reload);

  return (
    <section className="panel" data-testid="pipelines-settings">
      <h2>{t('deals.settings.pipelines')}</h2>
      {pipelines.map((p) => {
        const open = p.stages.filter((s) => s.kind === 'open');
        return (
          <fieldset key={p.id} className="pipeline" data-testid={`pipeline-${p.name}`}>
            <legend>{p.name}</legend>
            <div className="row">
              <input aria-label={t('deals.settings.pipelineName')} defaultValue={p.name} onBlur={(e) => e.target.value.trim() && e.target.value !== p.name && run(() => call('pipelines.rename', { id: p.id, name: e.target.value }))} />
              <button
                className="link danger"
                onClick={async () => {
                  if (await confirmAction(t('deals.settings.deletePipelineConfirm', { name: p.name }))) await run(() => call('pipelines.archive', { id: p.id }));
                }}
              >
                {t('deals.settings.deletePipeline')}
              </button>
            </div>
            <ul className="settings-list stages">
              {p.stages.map((s) => (
                <StageRow
                  key={s.id}
                  stage={s}
                  openIndex={open.findIndex((o) => o.id === s.id)}
                  openStages={open}
                  run={run}
                  onMove={(dir) => {
                    const ids = open.map((o) => o.id);
                    const i = ids.indexOf(s.id);
                    const j = i + dir;
                    if (j < 0 || j >= ids.length) return;
                    [ids[i], ids[j]] = [ids[j]!, ids[i]!];
                    void run(() => call('stages.reorder', { pipelineId: p.id, ids }));
                  }}
                />
              ))}
            </ul>
            <form
              className="row"
              onSubmit={async (e) => {
                e.preventDefault();
                const name = newStage[p.id]?.trim();
                if (!name) return;
                if (await run(() => call('stages.create', { pipelineId: p.id, fields: { name, color: '#4c6ef5', probability: 50, normDays: null } }))) {
                  setNewStage({ ...newStage, [p.id]: '' });
                }
              }}
            >
              <input aria-label={t('deals.settings.newStage', { pipeline: p.name })} placeholder={t('deals.settings.stageName')} value={newStage[p.id] ?? ''} onChange={(e) => setNewStage({ ...newStage, [p.id]: e.target.value })} />
              <button type="submit">{t('deals.settings.addStage')}</button>
            </form>
          </fieldset>
        );
      })}
      {adding ? (
        <NewPipelineForm onDone={() => setAdding(false)} run={run} />
      ) : (
        <button onClick={() => setAdding(true)}>{t('deals.settings.addPipeline')}</button>
      )}
    </section>
  );
}
