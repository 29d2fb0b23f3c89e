import { useEffect } from 'react';
import { useApp } from '../app/store';
import { useDeals, type DealListView } from './store';
import type { DealFilter } from './types';

interface DealsDrill {
  pipelineId: string | null;
  status: DealListView['status'];
  filter: DealFilter;
}

/**
 * A report's number opened here: the list view with that pipeline (or all), tab and
 * filter, so it holds exactly the deals counted. The hash is then cleared of the drill,
 * so a reload or Back shows the same list and the user's own changes stay theirs.
 */
export function useDrill(drill: string | undefined) {
  const navigate = useApp((s) => s.navigate);
  useEffect(() => {
    if (!drill) return;
    let d: DealsDrill;
    try {
      d = JSON.parse(drill) as DealsDrill;
    } catch {
      return;
    }
    const deals = useDeals.getState();
    if (d.pipelineId) deals.setPipeline(d.pipelineId);
    deals.setList({ status: d.status, allPipelines: !d.pipelineId });
    deals.setFilter(d.filter);
    deals.setView('list');
    navigate({ section: 'deals' });
  }, [drill, navigate]);
}
