// npx tsx tests/bench/first-screen-bench.ts [--clients N] [--workspace FILE] [--rounds R]
//
// The renderer's first screen and memory in browser mode, driven through Debian's
// Chromium: a cold navigation (fresh browser context, empty cache) to the client list
// until it is usable (first row visible, search input enabled), against a floor of
// what no renderer can beat in the same run: the same server's bare first-page
// `clients.list` call over HTTP plus a cold navigation to a blank page. Then the
// renderer's JS heap (CDP Runtime.getHeapUsage, after a forced GC) once every section
// has been opened. Prints figures and ratios; never asserts on time.

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';

const ROOT = resolve(import.meta.dirname, '../..');
const SECTIONS = ['home', 'clients', 'deals', 'tasks', 'calendar', 'reports', 'exchange', 'settings'];
export const FIRST_SCREEN_GOAL_MS = 1000;
export const HEAP_GOAL_MB = 150;

export interface FirstScreenResult {
  clients: number;
  firstScreenMs: number[];
  floorMs: number[];
  medianMs: number;
  medianFloorMs: number;
  ratio: number;
  heapMB: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function startServer(dbPath: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src-main/cli/main.ts', 'serve', '--db', dbPath, '--port', '0'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (d) => (err += String(d)));
  const url = await new Promise<string>((ok, fail) => {
    child.stdout!.on('data', (d) => {
      const m = /(?:open at|открыта:) (http:\/\/\S+)/.exec(String(d));
      if (m) ok(m[1]!);
    });
    child.on('exit', (code) => fail(new Error(`serve exited with ${code}: ${err}`)));
  });
  return { url, child };
}

/** Seeds (when no workspace is given), serves and measures; the server and the browser are closed at the end. */
export async function benchFirstScreen(opts: { clients: number; workspace?: string; rounds: number }): Promise<FirstScreenResult> {
  if (!existsSync(join(ROOT, 'dist-renderer', 'index.html'))) throw new Error('build the renderer first: npm run build:renderer');
  const dir = opts.workspace ? null : mkdtempSync(join(tmpdir(), 'kartoteka-first-screen-'));
  const dbPath = opts.workspace ?? join(dir!, 'bench.kdb');
  if (!opts.workspace) {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src-main/cli/main.ts', 'seed', '--db', dbPath, '--clients', String(opts.clients), '--seed', '7'], { cwd: ROOT, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`seed failed: ${r.stderr}`);
  }
  const { url, child } = await startServer(dbPath);
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--enable-precise-memory-info'],
  });
  try {
    const firstScreenMs: number[] = [];
    const floorMs: number[] = [];
    for (let i = 0; i < opts.rounds; i++) {
      // The floor: a cold blank page plus the bare call the list's first page needs.
      const blank = await browser.newContext();
      const bp = await blank.newPage();
      let t0 = performance.now();
      await bp.goto(`${url}api/none`).catch(() => undefined);
      const blankMs = performance.now() - t0;
      await blank.close();
      t0 = performance.now();
      const res = await fetch(`${url}api/clients.list`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ query: {}, offset: 0, limit: 100 }) });
      await res.json();
      floorMs.push(blankMs + (performance.now() - t0));

      // The figure: cold navigation to a usable list.
      const ctx = await browser.newContext({ locale: 'ru-RU' });
      const page = await ctx.newPage();
      t0 = performance.now();
      await page.goto(`${url}#/clients`);
      await page.getByTestId('client-list').getByRole('row').first().waitFor({ state: 'visible', timeout: 60_000 });
      await page.waitForFunction(() => {
        const input = document.querySelector<HTMLInputElement>('main.content input');
        return !!input && !input.disabled;
      });
      firstScreenMs.push(performance.now() - t0);
      await ctx.close();
    }

    // Memory: open every section once, then read the renderer's JS heap after a GC.
    const ctx = await browser.newContext({ locale: 'ru-RU' });
    const page = await ctx.newPage();
    await page.goto(`${url}#/clients`);
    await page.getByTestId('client-list').getByRole('row').first().waitFor({ state: 'visible', timeout: 60_000 });
    for (const s of SECTIONS) {
      await page.evaluate((h) => (window.location.hash = h), `#/${s}`);
      await page.waitForFunction(() => !document.querySelector('[role="status"].muted')?.textContent?.includes('…'), undefined, { timeout: 60_000 }).catch(() => undefined);
      await page.waitForLoadState('networkidle');
    }
    const cdp = await ctx.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; totalSize: number };
    await ctx.close();
    const medianMs = median(firstScreenMs);
    const medianFloorMs = median(floorMs);
    return { clients: opts.clients, firstScreenMs, floorMs, medianMs, medianFloorMs, ratio: medianMs / medianFloorMs, heapMB: heap.usedSize / 2 ** 20 };
  } finally {
    await browser.close();
    const exited = new Promise((ok) => child.once('exit', ok));
    child.kill('SIGTERM');
    await exited;
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

export function firstScreenLines(r: FirstScreenResult): string[] {
  const mark = (miss: boolean) => (miss ? '  ✗ misses its goal' : '');
  return [
    `first screen (cold navigation → usable client list, ${r.clients} clients): median ${r.medianMs.toFixed(0)} ms; floor (cold blank page + bare clients.list over HTTP) ${r.medianFloorMs.toFixed(0)} ms; ratio ${r.ratio.toFixed(1)}×; goal ≤ ${FIRST_SCREEN_GOAL_MS} ms${mark(r.medianMs > FIRST_SCREEN_GOAL_MS)}`,
    `renderer JS heap after every section: ${r.heapMB.toFixed(1)} MB; goal ≤ ${HEAP_GOAL_MB} MB${mark(r.heapMB > HEAP_GOAL_MB)}`,
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { clients: { type: 'string', default: '200000' }, workspace: { type: 'string' }, rounds: { type: 'string', default: '3' }, json: { type: 'boolean', default: false } } });
  const r = await benchFirstScreen({ clients: Number(values.clients), workspace: values.workspace, rounds: Number(values.rounds) });
  if (values.json) console.log(JSON.stringify(r));
  else for (const line of firstScreenLines(r)) console.log(line);
}
