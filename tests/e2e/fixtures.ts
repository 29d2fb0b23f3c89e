import { test as base, expect, type Page } from '@playwright/test';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ProcedureName, ProcInput, ProcOutput } from '../../src-main/core/procedures';

const ROOT = resolve(import.meta.dirname, '../..');

export interface Server {
  url: string;
  dbPath: string;
  /**
   * Calls a core procedure over the same HTTP door the UI uses (test setup only), typed
   * by the procedure table: the input is checked and the answer typed as the core's.
   */
  api<N extends ProcedureName>(name: N, input?: ProcInput<N>): Promise<ProcOutput<N>>;
  /** The same call, for a test that names only the part of the answer it reads (the input is checked against every procedure's). */
  api<T>(name: ProcedureName, input?: ProcInput<ProcedureName>): Promise<T>;
}

/** Demo data written by `cli seed` before the server starts (sizes where list bugs show). */
export interface Seed {
  clients?: number;
  deals?: number;
  tasks?: number;
}

function seedWorkspace(dbPath: string, seed: Seed): void {
  const args = ['--import', 'tsx', 'src-main/cli/main.ts', 'seed', '--db', dbPath, '--seed', '7'];
  for (const [k, v] of Object.entries(seed)) if (v !== undefined) args.push(`--${k}`, String(v));
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`seed failed: ${r.stderr}`);
}

/** Starts `cli serve` on a fresh workspace in a temp dir (seeded first when asked); the port is chosen by the OS. */
async function startServer(seed: Seed | null, prepare: Prepare | null): Promise<{ server: Server; stop: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'kartoteka-e2e-'));
  const dbPath = join(dir, 'workspace.kdb');
  if (seed) seedWorkspace(dbPath, seed);
  prepare?.run(dbPath);
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
  // A server that dies under a test says why (the test then sees refused connections).
  let stopping = false;
  child.on('exit', (code, signal) => {
    if (!stopping) console.error(`kartoteka server exited (${code ?? signal}) during the test:\n${stderr}`);
  });
  const api = async <T,>(name: ProcedureName, input: unknown = {}): Promise<T> => {
    const res = await fetch(`${url}api/${name}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(input) });
    const body = (await res.json()) as { ok: boolean; result: T; error?: unknown };
    if (!body.ok) throw new Error(`${name} failed: ${JSON.stringify(body.error)}`);
    return body.result;
  };
  return {
    server: { url, dbPath, api: api as Server['api'] },
    // The server takes its backup on close: the folder goes once it has exited.
    stop: async () => {
      stopping = true;
      const exited = new Promise((ok) => child.once('exit', ok));
      child.kill('SIGTERM');
      if (child.exitCode === null && child.signalCode === null) await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Writes test data through the core into the workspace file before the server opens
 * it (an object: Playwright would take a bare function for a fixture).
 */
export interface Prepare {
  run(dbPath: string): void;
}

export const test = base.extend<{ seed: Seed | null; prepare: Prepare | null; server: Server; app: Page }>({
  /** `test.use({ seed: { clients: 3000, deals: 9000 } })` seeds the workspace before the server opens it. */
  seed: [null, { option: true }],
  /** `test.use({ prepare: { run: (path) => … } })`: data a test needs in bulk (thousands of rows), written before the server starts. */
  prepare: [null, { option: true }],
  server: async ({ seed, prepare }, use) => {
    const { server, stop } = await startServer(seed, prepare);
    await use(server);
    await stop();
  },
  /** The UI opened on an empty, already onboarded workspace. */
  app: async ({ page, server }, use) => {
    // A seeded workspace is set up already.
    if (!(await server.api<{ onboarded: boolean }>('workspace.info')).onboarded) await server.api('workspace.initialize', { demo: false });
    // Most tests start in the client list; the dashboard, the first screen, has its own tests.
    await page.goto(`${server.url}#/clients`);
    await expect(page.getByRole('heading', { name: 'Клиенты' })).toBeVisible();
    await use(page);
  },
});

export { expect };
