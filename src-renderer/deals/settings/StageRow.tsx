import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, type ProcOutput } from '../../api/client';
import { Dialog } from '../../ui/Dialog';

type Stage = ProcOutput<'pipelines.list'>[number]['stages'][number];

interface Props {
  stage: Stage;
  openIndex: number;
  openStages: Stage[];
  run: (fn: () => Promise<unknown>) => Promise<boolean>;
  onMove: (dir: -1 | 1) => void;
}

/** One stage in settings: edits save on leaving the field; delete asks where its deals go. */
export function StageRow({ stage, openIndex, openStages, run, onMove }: Props) {
  const { t } = useTranslation();
  const [deleting, setDeleting] = useState(false);
  const fields = { name: stage.name, color: stage.color, probability: stage.probability, normDays: stage.normDays };
  const update = (patch: Partial<typeof fields>) => run(() => call('stages.update', { id: stage.id, fields: { ...fields, ...patch } }));
  const isOpen = stage.kind === 'open';
  return (
    <li data-testid="stage-row">
      <input type="color" aria-label={t('common.color')} defaultValue={stage.color} onBlur={(e) => e.target.value !== stage.color && update({ color: e.target.value })} />
      <input aria-label={t('deals.settings.stageName')} defaultValue={stage.name} onBlur={(e) => e.target.value.trim() && e.target.value !== stage.name && update({ name: e.target.value })} />
      {isOpen ? (
        <>
          <label className="small">
            {t('deals.settings.probability')}
            <input className="tiny" type="number" min={0} max={100} defaultValue={stage.probability} onBlur={(e) => Number(e.target.value) !== stage.probability && update({ probability: Number(e.target.value) })} />
          </label>
          <label className="small">
            {t('deals.settings.normDays')}
            <input className="tiny" type="number" min={1} defaultValue={stage.normDays ?? ''} onBlur={(e) => (e.target.value ? Number(e.target.value) : null) !== stage.normDays && update({ normDays: e.target.value ? Number(e.target.value) : null })} />
          </label>
          <button className="icon" aria-label={t('deals.settings.moveUp', { name: stage.name })} disabled={openIndex === 0} onClick={() => onMove(-1)}>↑</button>
          <button className="icon" aria-label={t('deals.settings.moveDown', { name: stage.name })} disabled={openIndex === openStages.length - 1} onClick={() => onMove(1)}>↓</button>
        </>
      ) : (
        <span className={`badge stage-badge kind-${stage.kind}`}>{t(`deals.settings.kinds.${stage.kind}`)}</span>
      )}
      <span className="muted small">{t('deals.settings.stageDeals', { count: stage.deals })}</span>
      {isOpen && openStages.length > 1 && (
        <button className="link danger" onClick={() => setDeleting(true)}>{t('common.delete')}</button>
      )}
      {deleting && <DeleteStageDialog stage={stage} targets={openStages.filter((s) => s.id !== stage.id)} run={run} onClose={() => setDeleting(false)} />}
    </li>
  );
}

function DeleteStageDialog({ stage, targets, run, onClose }: { stage: Stage; targets: Stage[]; run: Props['run']; onClose: () => void }) {
  const { t } = useTranslation();
  const [target, setTarget] = useState(targets[0]?.id ?? '');
  return (
    <Dialog title={t('deals.settings.deleteStageTitle', { name: stage.name })} onClose={onClose} testId="delete-stage">
      {stage.deals > 0 ? (
        <div className="field">
          <label htmlFor="stage-target">{t('deals.settings.moveDealsTo', { count: stage.deals })}</label>
          <select id="stage-target" value={target} onChange={(e) => setTarget(e.target.value)}>
            {targets.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
          </select>
        </div>
      ) : (
        <p>{t('deals.settings.deleteEmptyStage')}</p>
      )}
      <div className="actions">
        <button onClick={onClose}>{t('common.cancel')}</button>
        <button
          className="primary"
          onClick={async () => {
            if (await run(() => call('stages.delete', { id: stage.id, moveToStageId: stage.deals > 0 ? target : null }))) onClose();
          }}
        >
          {t('common.delete')}
        </button>
      </div>
    </Dialog>
  );
}
