import { create } from 'zustand';
import type { ProcOutput } from '../api/client';
import { isSettingsSection, type SettingsSection } from '../settings/sections';

export const SECTIONS = ['clients', 'deals', 'tasks', 'calendar', 'reports', 'exchange', 'settings'] as const;
export type Section = (typeof SECTIONS)[number];

export interface Route {
  section: Section;
  clientId?: string;
  dealId?: string;
  /** Which settings page (`#/settings/backups`); none: the first. */
  settings?: SettingsSection;
}

type WorkspaceInfo = ProcOutput<'workspace.info'>;

// Routes live in the URL hash (#/clients/<id>) so the browser's Back works in
// browser mode and a reload keeps the screen.
export function parseHash(hash: string): Route {
  const [section, id] = hash.replace(/^#\/?/, '').split('/');
  const s = (SECTIONS as readonly string[]).includes(section ?? '') ? (section as Section) : 'clients';
  if (s === 'deals' && id) return { section: s, dealId: decodeURIComponent(id) };
  if (s === 'settings' && isSettingsSection(id)) return { section: s, settings: id };
  return s === 'clients' && id ? { section: s, clientId: decodeURIComponent(id) } : { section: s };
}

export function routeHash(r: Route): string {
  const id = r.clientId ?? r.dealId ?? r.settings;
  return `#/${r.section}${id ? '/' + encodeURIComponent(id) : ''}`;
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
