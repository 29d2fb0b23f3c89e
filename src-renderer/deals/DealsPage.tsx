import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../app/store';
import { useLookups } from '../settings/lookups';
import { notify } from '../ui/toast';
import { Board } from './Board';
import { DealFilters } from './DealFilters';
import { DealForm } from './DealForm';
import { DealList } from './DealList';
import { useDeals } from './store';
import type { DealsView } from './types';
import { useTasks } from '../tasks/store';
import { useDrill } from './useDrill';

const VIEWS: DealsView[] = ['board', 'list'];

export function DealsPage() {
  const { t } = useTranslation();
  const navigate = useApp((s) => s.navigate);
  const { pipelines, pipelineId, setPipeline, view, setView, filter, loaded, reload, list, setList } = useDeals();
  const drill = useApp((s) => s.route.drill);
  useDrill(drill);
  const reloadLookups = useLookups((s) => s.reload);
  const [creating, setCreating] = useState(false);
  const [version, setVersion] = useState(0);
  // Tiles and rows show each deal's next step: a task done or planned elsewhere (a reminder's notice) refreshes them.
  const tasksVersion = useTasks((s) => s.version);
  const shown = version + tasksVersion;

  useEffect(() => {
    void reload();
    void reloadLookups();
  }, [reload, reloadLookups]);

  if (!loaded) return <div className="page muted">{t('common.loading')}</div>;

  return (
    <div className={`page deals-page view-${view} fill`}>
      <header className="page-head">
        <h1>{t('deals.title')}</h1>
        {/* The list can show every pipeline at once; the board shows one. */}
        <select
          aria-label={t('deals.fields.pipeline')}
          value={view === 'list' && list.allPipelines ? '' : (pipelineId ?? '')}
          onChange={(e) => {
            if (e.target.value) setPipeline(e.target.value);
            setList({ allPipelines: !e.target.value });
          }}
        >
          {view === 'list' && <option value="">{t('deals.allPipelines')}</option>}
          {pipelines.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
        </select>
        <a className="small" href="#/settings/pipelines" data-testid="setup-pipelines">{t('deals.setupPipelines')}</a>
        <div className="segmented" role="tablist" aria-label={t('deals.views.label')}>
          {VIEWS.map((v) => (
            <button key={v} role="tab" aria-selected={view === v} className={view === v ? 'on' : ''} onClick={() => setView(v)}>
              {t(`deals.views.${v}`)}
            </button>
          ))}
        </div>
        <span className="spacer" />
        <button className="primary" onClick={() => setCreating(true)}>{t('deals.new')}</button>
      </header>
      <DealFilters />
      {pipelineId && view === 'board' && <Board pipelineId={pipelineId} filter={filter} version={shown} />}
      {view === 'list' && <DealList pipelineId={list.allPipelines ? null : pipelineId} filter={filter} version={shown} />}
      {creating && (
        <DealForm
          onClose={() => setCreating(false)}
          onCreated={(id) => {
            setCreating(false);
            setVersion((v) => v + 1);
            notify(t('deals.created'), { label: t('common.open'), run: () => navigate({ section: 'deals', dealId: id }) });
          }}
        />
      )}
    </div>
  );
}
