import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { seedClients } from '../core/seed/generator';
import { seedDeals } from '../core/deals/seed';
import { seedTasks } from '../core/tasks/seed';
import { workspaceStats } from '../core/workspace/stats';
import { defaultWorkspacePath } from '../core/workspace/locations';
import { defaultRendererDir, isLoopbackHost, startServer } from '../http/server';
import { passwordsRequired } from '../core/auth/sessions';
import { openDoor, requiredDb, t, UsageError, withDoor } from './door';
import { openForServing } from './backup';
import type { Session } from '../core/workspace/session';

// Workspace commands: init, stats, lookup through the procedure table; seed and serve
// are not procedures (see each).

export async function initCommand(db: string | undefined, json: boolean): Promise<number> {
  const path = requiredDb(db);
  if (existsSync(path)) throw new UsageError('errors.workspaceExists', { path });
  return withDoor(
    path,
    async ({ call }) => {
      await call('workspace.initialize', { demo: false });
      const owner = (await call('users.list', {}))[0]?.name ?? '';
      console.log(json ? JSON.stringify({ path, owner }) : t('initDone', { path, owner }));
      return 0;
    },
    { create: true },
  );
}

export function statsCommand(db: string | undefined, json: boolean): Promise<number> {
  return withDoor(db, async ({ call }) => {
    const { stats } = await call('workspace.info', {});
    console.log(json ? JSON.stringify(stats) : Object.entries(stats).map(([k, v]) => `${k}: ${v}`).join('\n'));
    return 0;
  });
}

export function lookupCommand(db: string | undefined, phone: string | undefined, json: boolean): Promise<number> {
  if (!phone) throw new UsageError('errors.lookupNeedsPhone');
  return withDoor(db, async ({ call }) => {
    const hits = await call('clients.lookupPhone', { phone });
    if (json) console.log(JSON.stringify(hits));
    else if (hits.length === 0) console.log(t('noMatch'));
    else
      for (const h of hits)
        console.log(`${h.clientName}${h.contact ? ` / ${h.contact.name}` : ''}${h.inn ? `, ${t('innLabel')} ${h.inn}` : ''}: ${h.phones.join(', ')}`);
    return hits.length ? 0 : 3;
  });
}

export interface SeedCounts {
  clients: number;
  deals: number;
  tasks: number;
  seed: number | undefined;
}

/**
 * Not a procedure: demo data for trying the product and for benchmarks, written in bulk
 * straight through SQLite (hundreds of thousands of rows), not a change a user makes.
 * The first-start "demo workspace" choice goes through `workspace.initialize`.
 */
export function seedCommand(db: string | undefined, n: SeedCounts, json: boolean): number {
  const door = openDoor(db, { create: true });
  const sqlite = door.session.workspace.sqlite;
  const progress = (what: string) => (done: number, total: number) => process.stderr.write(`\rseeding ${what}${done}/${total}`);
  try {
    const t0 = performance.now();
    seedClients(sqlite, { clients: n.clients, seed: n.seed, onProgress: progress('') });
    process.stderr.write('\n');
    // Deals before tasks: a third of the tasks become next steps of deals.
    const { deals } = seedDeals(sqlite, { deals: n.deals, seed: n.seed === undefined ? undefined : n.seed + 1, onProgress: progress('deals ') });
    if (n.deals > 0) process.stderr.write('\n');
    if (n.tasks > 0) {
      const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
      seedTasks(sqlite, { tasks: n.tasks, seed: n.seed, timeZone, onProgress: progress('tasks ') });
      process.stderr.write('\n');
    }
    const seconds = (performance.now() - t0) / 1000;
    const stats = workspaceStats(sqlite);
    console.log(
      json
        ? JSON.stringify({ added: n.clients, addedDeals: deals, addedTasks: n.tasks, seconds, ...stats })
        : t('seeded', {
            clients: n.clients,
            deals,
            tasks: n.tasks,
            seconds: seconds.toFixed(1),
            totalClients: stats.clients,
            totalDeals: stats.deals,
            totalTasks: stats.tasks,
          }),
    );
    return 0;
  } finally {
    door.close();
  }
}

/**
 * `npm run serve` builds the renderer first; `npm run cli -- serve` builds it when it is
 * missing from its usual place, and refuses to listen when it cannot be had, instead
 * of answering every page with an error.
 */
function ensureRendererBuilt(): void {
  const dir = defaultRendererDir();
  if (existsSync(join(dir, 'index.html'))) return;
  const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  if (resolve(dir) === join(root, 'dist-renderer') && existsSync(vite)) {
    console.error(t('uiBuilding'));
    spawnSync(process.execPath, [vite, 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  if (!existsSync(join(dir, 'index.html'))) throw new UsageError('errors.uiNotBuilt');
}

/** Not a procedure: it opens the HTTP door, through which every request then goes. */
export async function serveCommand(db: string | undefined, host: string, port: number): Promise<number> {
  const path = resolve(db ?? defaultWorkspacePath());
  const s = openForServing(path);
  // Secure by default: the office network is let in only where a sign-in can be asked.
  if (!isLoopbackHost(host) && !passwordsRequired(s)) {
    s.close();
    throw new UsageError('errors.lanNeedsPassword', { host, db: path });
  }
  ensureRendererBuilt();
  const server = await startServer(s, { host, port });
  console.log(t('serving', { url: server.url, path: s.isOpen ? s.workspace.path : t('notOpen') }));
  if (s.isOpen) console.log(openedLine(s));
  if (!isLoopbackHost(host)) console.warn(t('lanWarning', { url: server.url }));
  const stop = () => {
    server.close();
    s.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return new Promise<number>(() => {});
}

/** "Opened in 120 ms; integrity check: running in the background", in the run's language. */
export function openedLine(s: Session): string {
  const { ms, check, why } = s.workspace.opened;
  return t('openedIn', { ms: Math.round(ms), check: t(`openCheck.${check}`, { why: t(`openWhy.${why}`) }) });
}
