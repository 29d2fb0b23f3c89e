import { z } from 'zod';
import { settingsChange } from '../audit/spec';
import { existsSync } from 'node:fs';
import { proc, reads, writes, switches } from '../procedures/define';
import { AppError } from '../errors';
import { seedClients } from '../seed/generator';
import { seedDeals } from '../deals/seed';
import { workspaceStats } from './stats';
import { seedTasks } from '../tasks/seed';
import { timeZone } from '../tasks/schemas';
import type { Session } from './session';
import { UI_LANGUAGES, isUiLanguage, type UiLanguage } from '../../shared/i18n/languages';
import { workspacePath } from '../validation/rules';

/** Clients in the demo workspace offered at first start. */
export const DEMO_CLIENTS = 300;
export const DEMO_TASKS = 400;
export const DEMO_DEALS = 150;

// A workspace that already holds clients (seeded, or opened from elsewhere) needs no
// "empty or demo?" question. Cheap: info() runs at every start of the UI.
function isOnboarded(s: Session): boolean {
  return s.getMeta('onboarded') === '1' || !!s.workspace.sqlite.prepare('SELECT 1 FROM clients LIMIT 1').get();
}

/** The language of texts made without a window (CLI output, files the core writes); the UI's choice. */
export function workspaceLanguage(s: Session): UiLanguage {
  const saved = s.getMeta('language');
  return isUiLanguage(saved) ? saved : 'ru';
}

function info(s: Session) {
  // userId: the user of this session; forms default «responsible» to them.
  return { path: s.workspace.path, onboarded: isOnboarded(s), language: workspaceLanguage(s), stats: workspaceStats(s.workspace.sqlite), userId: s.ctx().userId };
}

/** How the open went (its time and check mode) and what the checks found since. */
export function workspaceHealth(s: Session) {
  const { opened, integrity } = s.workspace;
  return { opened: { ...opened, ms: Math.round(opened.ms) }, integrity: { ...integrity } };
}

export const workspaceProcedures = {
  'workspace.info': proc(reads('view'), z.object({}), (s) => info(s)),
  'workspace.health': proc(reads('view'), z.object({}), (s) => workspaceHealth(s)),
  'workspace.initialize': proc(writes('settings', { audit: settingsChange }), z.object({ demo: z.boolean(), timeZone: timeZone.optional() }), (s, i) => {
    // The first-start question is asked once: a second tab or a LAN client must not
    // pour demo clients into a working database.
    if (isOnboarded(s)) throw new AppError('workspace.initialized', 'The workspace is already set up');
    if (i.demo) {
      seedClients(s.workspace.sqlite, { clients: DEMO_CLIENTS, seed: 2026 });
      // Deals before tasks: a third of the tasks are next steps of deals.
      seedDeals(s.workspace.sqlite, { deals: DEMO_DEALS, seed: 2027 });
      seedTasks(s.workspace.sqlite, { tasks: DEMO_TASKS, seed: 2026, timeZone: i.timeZone });
    }
    s.setMeta('onboarded', '1');
    return info(s);
  }),
  'workspace.setLanguage': proc(writes('settings', { audit: settingsChange }), z.object({ language: z.enum(UI_LANGUAGES) }), (s, i) => {
    s.setMeta('language', i.language);
    return { language: i.language };
  }),
  'workspace.open': proc(
    switches('restore', { localOnly: true, paths: { path: { purpose: 'workspace.open' } } }),
    z.object({ path: workspacePath }),
    (s, i) => {
      if (!existsSync(i.path)) throw new AppError('workspace.not_found', `No workspace at ${i.path}`, { path: i.path });
      s.open(i.path);
      return info(s);
    },
  ),
  'workspace.create': proc(
    switches('restore', { localOnly: true, paths: { path: { purpose: 'workspace.create' } } }),
    z.object({ path: workspacePath }),
    (s, i) => {
      if (existsSync(i.path)) throw new AppError('workspace.exists', `A file already exists at ${i.path}`, { path: i.path });
      s.open(i.path);
      return info(s);
    },
  ),
};
