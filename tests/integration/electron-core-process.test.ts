import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, fork, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { makeTempDir, removeDir } from '../helpers/workspace';
import type { CoreToMain, MainToCore } from '../../src-main/electron/core-protocol';
import type { Envelope } from '../../src-main/shared/envelope';

// The desktop app's core process as shipped: the esbuild bundle (so a bundling break
// fails here, not at a user's first start) run under plain Node, which the bundle
// supports through child_process.fork. The test plays the main process: it sends what
// the window's IPC would forward ('invoke') and what only main sends ('grant').

const ROOT = resolve(import.meta.dirname, '../..');

let outDir: string;
let dataDir: string;
let core: ChildProcess;
let nextId = 1;
const waiting = new Map<number, (body: string) => void>();
const events: CoreToMain[] = [];

function next<T extends CoreToMain['type']>(type: T): Promise<Extract<CoreToMain, { type: T }>> {
  return new Promise((ok) => {
    const check = () => {
      const hit = events.find((e) => e.type === type);
      if (hit) return ok(hit as Extract<CoreToMain, { type: T }>);
      setTimeout(check, 20);
    };
    check();
  });
}

function request(message: (id: number) => MainToCore): Promise<Envelope> {
  const id = nextId++;
  return new Promise((ok) => {
    waiting.set(id, (body) => ok(JSON.parse(body) as Envelope));
    core.send(message(id));
  });
}
const invoke = (name: string, input: unknown) => request((id) => ({ type: 'invoke', id, name, input: JSON.stringify(input) }));
const grant = (purpose: string, path: string) => request((id) => ({ type: 'grant', id, purpose, path }) as MainToCore);

beforeAll(() => {
  mkdirSync(join(ROOT, '.tmp'), { recursive: true });
  // Inside the repo, so the bundle's require('better-sqlite3') finds node_modules.
  outDir = mkdtempSync(join(ROOT, '.tmp', 'core-bundle-'));
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-main.mjs'), `--outdir=${outDir}`], { cwd: ROOT, stdio: 'pipe' });
  dataDir = makeTempDir('core-process');
  const env: Record<string, string | undefined> = { ...process.env, KARTOTEKA_DATA_DIR: dataDir, KARTOTEKA_MIGRATIONS: join(ROOT, 'migrations') };
  delete env.KARTOTEKA_SQLITE_BINDING; // Node's own better-sqlite3 build
  core = fork(join(outDir, 'core-process.cjs'), [], { env, stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
  core.on('message', (m: CoreToMain) => {
    if (m.type === 'reply') waiting.get(m.id)?.(m.body);
    else events.push(m);
  });
}, 120_000);

afterAll(async () => {
  if (core && core.exitCode === null) {
    const exited = new Promise((ok) => core.once('exit', ok));
    core.send({ type: 'shutdown' } satisfies MainToCore);
    await exited;
  }
  rmSync(outDir, { recursive: true, force: true });
  removeDir(dataDir);
});

describe('the bundled core process', () => {
  it('opens the default workspace in its data folder', async () => {
    const ready = await next('ready');
    expect(ready.workspace).toBe(join(dataDir, 'workspace.kdb'));
    expect(ready.problems).toEqual([]);
  });

  it('refuses a path sent as the window would, and takes the token of a path main registered', async () => {
    await next('ready');
    const target = join(dataDir, 'office.kdb');
    const raw = await invoke('workspace.create', { path: target });
    expect(raw.ok).toBe(false);
    if (!raw.ok) expect(raw.error.code).toBe('path.not_chosen');
    expect(existsSync(target)).toBe(false);

    const granted = await grant('workspace.create', target);
    expect(granted.ok).toBe(true);
    const token = (granted as { result: { token: string } }).result.token;
    expect(token).not.toContain(target);
    const created = await invoke('workspace.create', { path: token });
    expect(created).toMatchObject({ ok: true, result: { path: target } });
    expect(existsSync(target)).toBe(true);
  });

  it('refuses a grant of an unknown purpose or a relative path', async () => {
    expect(await grant('anything', join(dataDir, 'x.kdb'))).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await grant('workspace.open', 'x.kdb')).toMatchObject({ ok: false, error: { code: 'validation' } });
  });

  it('checkpoints and closes the workspace when asked to shut down', async () => {
    const exited = new Promise<number | null>((ok) => core.once('exit', ok));
    core.send({ type: 'shutdown' } satisfies MainToCore);
    await next('closed');
    expect(await exited).toBe(0);
    expect(existsSync(join(dataDir, 'office.kdb-wal'))).toBe(false);
  });
});
