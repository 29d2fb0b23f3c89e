import type { Route } from '../app/store';
import type { Drill } from './types';

/** The list screen a report's number opens, with the filter that yields exactly it. */
export function drillRoute(d: Drill): Route {
  const section = d.list === 'deals' ? 'deals' : d.list === 'clients' ? 'clients' : d.list === 'tasks' ? 'tasks' : 'history';
  return { section, drill: JSON.stringify(d.filter) };
}
