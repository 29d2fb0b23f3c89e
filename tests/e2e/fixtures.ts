import { test as base, expect, type Page } from '@playwright/test';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

export interface Server {
  url: string;
  dbPath: string;
  /** Calls a core procedure over the same HTTP door the UI uses (test setup only). */
  api<T = unknown>(name: string, input?: unknown): Promise<T>;
  /** Adds demo clients, deals and tasks with the CLI's seed generator (large workspaces in a few seconds). */
  seed(counts: { clients?: number; deals?: number; tasks?: number }): void;
}

/** Starts `cli serve` on a fresh workspace in a temp dir; the port is chosen by the OS. */
async function startServer(): Promise<{ server: Server; stop: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'kartoteka-e2e-'));
  const dbPath = join(dir, 'workspace.kdb');
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src-main/cli/main.ts', 'serve', '--db', dbPath, '--port', '0'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += String(d)));
  const url = await new Promise<string>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`server did not start: ${stderr}`)), 30_000);
    child.stdout!.on('data', (d) => {
      const m = /(?:open at|открыта:) (http:\/\/\S+)/.exec(String(d));
      if (m) {
        clearTimeout(timer);
        ok(m[1]!);
      }
    });
    child.on('exit', (code) => fail(new Error(`server exited with ${code}: ${stderr}`)));
  });
  const api = async <T,>(name: string, input: unknown = {}): Promise<T> => {
    const res = await fetch(`${url}api/${name}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(input) });
    const body = (await res.json()) as { ok: boolean; result: T; error?: unknown };
    if (!body.ok) throw new Error(`${name} failed: ${JSON.stringify(body.error)}`);
    return body.result;
  };
  const seed = (counts: { clients?: number; deals?: number; tasks?: number }) => {
    const args = ['seed', '--db', dbPath, '--seed', '7', '--clients', String(counts.clients ?? 0), '--deals', String(counts.deals ?? 0), '--tasks', String(counts.tasks ?? 0)];
    execFileSync(process.execPath, ['--import', 'tsx', 'src-main/cli/main.ts', ...args], { cwd: ROOT, stdio: 'ignore' });
  };
  return {
    server: { url, dbPath, api, seed },
    // The server takes its backup on close: the folder goes once it has exited.
    stop: async () => {
      const exited = new Promise((ok) => child.once('exit', ok));
      child.kill('SIGTERM');
      if (child.exitCode === null && child.signalCode === null) await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const test = base.extend<{ server: Server; app: Page }>({
  server: async ({}, use) => {
    const { server, stop } = await startServer();
    await use(server);
    await stop();
  },
  /** The UI opened on an empty, already onboarded workspace. */
  app: async ({ page, server }, use) => {
    await server.api('workspace.initialize', { demo: false });
    // Most tests start in the client list; the dashboard, the first screen, has its own tests.
    await page.goto(`${server.url}#/clients`);
    await expect(page.getByRole('heading', { name: 'Клиенты' })).toBeVisible();
    await use(page);
  },
});

export { expect };
