import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const WRITER = join(ROOT, 'tests', 'fixtures', 'backup', 'writer.ts');

export interface Writer {
  child: ChildProcess;
  /** Ids whose commit the child reported. */
  committed: string[];
  ready: Promise<void>;
  /** Resolves when `n` commits have been reported. */
  waitFor(n: number): Promise<void>;
  exited: Promise<number | null>;
}

/** A separate process writing clients into the workspace at `path` (see tests/fixtures/backup/writer.ts). */
export function startWriter(path: string, limit = 0): Writer {
  // --import tsx in this very process (not tsx's CLI, which runs the script in a grandchild
  // that a SIGKILL of the child would not reach).
  const child = spawn(process.execPath, ['--import', 'tsx', WRITER, path, String(limit)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const committed: string[] = [];
  let buffer = '';
  let stderr = '';
  const waiters: { n: number; ok: () => void }[] = [];
  let onReady: () => void = () => {};
  const ready = new Promise<void>((ok) => (onReady = ok));
  child.stderr!.on('data', (d) => (stderr += String(d)));
  child.stdout!.on('data', (d) => {
    buffer += String(d);
    const lines = buffer.split('\n');
    buffer = lines.pop()!;
    for (const line of lines) {
      if (line === 'ready') onReady();
      const m = /^committed (\S+)$/.exec(line);
      if (m) committed.push(m[1]!);
    }
    for (const w of [...waiters]) {
      if (committed.length < w.n) continue;
      waiters.splice(waiters.indexOf(w), 1);
      w.ok();
    }
  });
  // 'close', not 'exit': every line the child wrote has been read by then.
  const exited = new Promise<number | null>((ok) => child.on('close', (code) => ok(code)));
  void exited.then(() => {
    if (stderr.trim() && child.signalCode === null) console.error(`[writer] ${stderr}`);
  });
  return {
    child,
    committed,
    ready,
    exited,
    waitFor: (n) =>
      committed.length >= n
        ? Promise.resolve()
        : new Promise<void>((ok, fail) => {
            waiters.push({ n, ok });
            void exited.then(() => fail(new Error(`writer exited after ${committed.length} commits: ${stderr}`)));
          }),
  };
}
