import { create } from 'zustand';
import type { ProcOutput } from '../api/client';
import { isSettingsSection, type SettingsSection } from '../settings/sections';

/** The sections in the sidebar, in its order. */
export const SECTIONS = ['home', 'clients', 'deals', 'tasks', 'calendar', 'reports', 'exchange', 'settings'] as const;
/** Screens reached from other screens only (a report's number opens the history list). */
const HIDDEN = ['history'] as const;
export type Section = (typeof SECTIONS)[number] | (typeof HIDDEN)[number];

export interface Route {
  section: Section;
  clientId?: string;
  dealId?: string;
  reportKey?: string;
  /** A report's drill-down: the list's filter, as JSON. */
  drill?: string;
  /** Which settings page (`#/settings/backups`); none: the first. */
  settings?: SettingsSection;
}

type WorkspaceInfo = ProcOutput<'workspace.info'>;

// Routes live in the URL hash (#/clients/<id>) so the browser's Back works in
// browser mode and a reload keeps the screen.
export function parseHash(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const [section, id] = path.split('/');
  const known = [...SECTIONS, ...HIDDEN] as readonly string[];
  const s = known.includes(section ?? '') ? (section as Section) : section ? 'clients' : 'home';
  const drill = new URLSearchParams(query).get('drill') ?? undefined;
  const r: Route = drill ? { section: s, drill } : { section: s };
  if (s === 'deals' && id) r.dealId = decodeURIComponent(id);
  if (s === 'clients' && id) r.clientId = decodeURIComponent(id);
  if (s === 'reports' && id) r.reportKey = decodeURIComponent(id);
  if (s === 'settings' && isSettingsSection(id)) r.settings = id;
  return r;
}

export function routeHash(r: Route): string {
  const id = r.clientId ?? r.dealId ?? r.reportKey ?? r.settings;
  return `#/${r.section}${id ? '/' + encodeURIComponent(id) : ''}${r.drill ? `?drill=${encodeURIComponent(r.drill)}` : ''}`;
}

interface AppState {
  route: Route;
  workspace: WorkspaceInfo | null;
  searchOpen: boolean;
  navigate(r: Route): void;
  syncFromHash(): void;
  setWorkspace(w: WorkspaceInfo | null): void;
  setSearchOpen(open: boolean): void;
}

export const useApp = create<AppState>((set) => ({
  route: parseHash(typeof location !== 'undefined' ? location.hash : ''),
  workspace: null,
  searchOpen: false,
  navigate: (r) => {
    const hash = routeHash(r);
    if (location.hash !== hash) location.hash = hash;
    set({ route: r });
  },
  syncFromHash: () => set({ route: parseHash(location.hash) }),
  setWorkspace: (workspace) => set({ workspace }),
  setSearchOpen: (searchOpen) => set({ searchOpen }),
}));
