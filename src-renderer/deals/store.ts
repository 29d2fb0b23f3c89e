import { create } from 'zustand';
import { call, type ProcInput, type ProcOutput } from '../api/client';
import type { DealFilter, DealsView, Pipelines } from './types';

type ListInput = ProcInput<'deals.list'>;
/** The list view's tab and sort; kept here so the export can write the list the user sees. */
export interface DealListView {
  status: NonNullable<ListInput['status']>;
  sort: NonNullable<ListInput['sort']>;
  desc: boolean;
  /** The list shows every pipeline (a report's number may stand for all of them). */
  allPipelines: boolean;
}

// What the deals screens share: the chosen pipeline, view and filters (kept while the
// user opens a deal card and comes back), and the reference lists of the sales process.
interface DealsState {
  pipelines: Pipelines;
  lostReasons: ProcOutput<'lostReasons.list'>;
  sources: string[];
  fields: ProcOutput<'customFields.list'>;
  loaded: boolean;
  pipelineId: string | null;
  view: DealsView;
  filter: DealFilter;
  list: DealListView;
  reload(): Promise<void>;
  setPipeline(id: string): void;
  setView(v: DealsView): void;
  setFilter(f: DealFilter): void;
  setList(l: Partial<DealListView>): void;
}

export const useDeals = create<DealsState>((set, get) => ({
  pipelines: [],
  lostReasons: [],
  sources: [],
  fields: [],
  loaded: false,
  pipelineId: null,
  view: 'board',
  filter: {},
  list: { status: 'open', sort: 'updatedAt', desc: true, allPipelines: false },
  reload: async () => {
    const [pipelines, lostReasons, sources, fields] = await Promise.all([
      call('pipelines.list', {}),
      call('lostReasons.list', {}),
      call('deals.sources', {}),
      call('customFields.list', { entity: 'deal' }),
    ]);
    const current = get().pipelineId;
    const pipelineId = pipelines.some((p) => p.id === current) ? current : (pipelines[0]?.id ?? null);
    set({ pipelines, lostReasons, sources, fields, loaded: true, pipelineId });
  },
  setPipeline: (pipelineId) => set({ pipelineId }),
  setView: (view) => set({ view }),
  setFilter: (filter) => set({ filter }),
  setList: (l) => set({ list: { ...get().list, ...l } }),
}));
