import type { Route } from '../app/store';
import type { Drill } from './types';

/** The list screen a report's number opens, with the filter that yields exactly it. */
export function drillRoute(d: Drill): Route {
  // A client's documents owed: the client card, whose «Задолженность» lists them.
  if (d.list === 'receivables') return { section: 'clients', clientId: String((d.filter as { clientId?: unknown }).clientId ?? '') };
  const section = d.list === 'deals' ? 'deals' : d.list === 'clients' ? 'clients' : d.list === 'tasks' ? 'tasks' : 'history';
  return { section, drill: JSON.stringify(d.filter) };
}
