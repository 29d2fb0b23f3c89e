import { create } from 'zustand';
import type { ListQuery } from '../../src-main/core/clients/schemas';

export type { ListQuery };

export const EMPTY_QUERY: ListQuery = {
  search: '',
  archived: false,
  kind: null,
  relation: null,
  status: null,
  tagId: null,
  responsibleId: null,
  region: null,
  custom: [],
  sort: 'name',
  dir: 'asc',
};

/** Whether any filter (not the search, not the archive switch) narrows the list. */
export const hasFilters = (q: ListQuery): boolean =>
  !!(q.fromReport || q.kind || q.relation || q.status || q.tagId || q.responsibleId || q.region || q.custom.length);

interface ClientsState {
  query: ListQuery;
  /** Explicitly selected ids, or every client matching the query. */
  selected: Set<string>;
  allMatching: boolean;
  /** Bumped after writes so the list reloads. */
  version: number;
  setQuery(patch: Partial<ListQuery>): void;
  resetFilters(): void;
  toggle(id: string): void;
  selectAllMatching(): void;
  clearSelection(): void;
  refresh(): void;
}

export const useClients = create<ClientsState>((set, get) => ({
  query: EMPTY_QUERY,
  selected: new Set(),
  allMatching: false,
  version: 0,
  setQuery: (patch) => set({ query: { ...get().query, ...patch }, selected: new Set(), allMatching: false }),
  resetFilters: () => set({ query: { ...EMPTY_QUERY, search: get().query.search, archived: get().query.archived }, selected: new Set(), allMatching: false }),
  toggle: (id) => {
    const selected = new Set(get().selected);
    if (selected.has(id)) selected.delete(id);
    else selected.add(id);
    set({ selected, allMatching: false });
  },
  selectAllMatching: () => set({ allMatching: true, selected: new Set() }),
  clearSelection: () => set({ selected: new Set(), allMatching: false }),
  refresh: () => set({ version: get().version + 1, selected: new Set(), allMatching: false }),
}));
