import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { currentNativeBinding } from './driver';

// PRAGMA quick_check (or the full integrity_check) in a worker thread on its own
// read-only connection: the serving thread keeps answering while every page of a
// large file is read. Plain CommonJS source evaluated by the worker, for the same
// reason as the backup worker (it runs under tsx, serve and the app's bundle alike).
//
// The gate (one Int32 shared with the worker) settles a race with closing: the
// worker claims it (0 → 1) before opening the file, closing claims it (0 → 2).
// A worker that starts after the workspace closed never opens the file, so it does
// not recreate -wal/-shm next to a file that is being restored, renamed or deleted.

const OPEN = 1;
const CANCELLED = 2;
/** Set by the worker once its connection is closed: the file is no longer held. */
const DONE = 3;

/** The gates of the checks whose threads have not ended yet. */
const live = new Set<Int32Array>();

const SOURCE = String.raw`
const { workerData, parentPort } = require('node:worker_threads');
const gate = new Int32Array(workerData.gate);
let db;
try {
  if (Atomics.compareExchange(gate, 0, 0, ${OPEN}) !== 0) {
    parentPort.postMessage({ cancelled: true });
  } else {
    const Database = require(workerData.modulePath);
    db = new Database(workerData.path, Object.assign({ readonly: true, fileMustExist: true }, workerData.binding ? { nativeBinding: workerData.binding } : {}));
    db.pragma('busy_timeout = 10000');
    const rows = db.pragma(workerData.full ? 'integrity_check(20)' : 'quick_check(20)');
    const messages = rows.map((r) => r[Object.keys(r)[0]]);
    parentPort.postMessage(messages.length === 1 && messages[0] === 'ok' ? { ok: true } : { ok: false, detail: messages.join('; ') });
  }
} catch (e) {
  parentPort.postMessage({ ok: false, detail: e && e.message ? e.message : String(e) });
} finally {
  try { db && db.close(); } catch {}
  if (Atomics.compareExchange(gate, 0, ${OPEN}, ${DONE}) === ${OPEN}) Atomics.notify(gate, 0);
}
`;

export type CheckOutcome = { ok: true } | { ok: false; detail: string };

export interface BackgroundCheck {
  /** The verdict; never rejects (a check that cannot run reports the reason as damage). Cancelled: `null`. */
  outcome: Promise<CheckOutcome | null>;
  /** Settles when the worker's thread has ended and the file is no longer held. */
  exited: Promise<void>;
  /** Stops a worker that has not opened the file yet; one already reading finishes its pass. */
  cancel(): void;
}

/** Runs the check off-thread on a read-only connection of its own. */
export function checkInBackground(path: string, full = false): BackgroundCheck {
  const gate = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(SOURCE, {
    eval: true,
    workerData: { path, full, gate: gate.buffer, modulePath: createRequire(import.meta.url).resolve('better-sqlite3'), binding: currentNativeBinding() },
  });
  live.add(gate);
  const exited = new Promise<void>((resolve) =>
    worker.once('exit', () => {
      live.delete(gate);
      // A thread that ended without its finally (killed) holds nothing either.
      if (Atomics.compareExchange(gate, 0, OPEN, DONE) === OPEN) Atomics.notify(gate, 0);
      resolve();
    }),
  );
  const outcome = new Promise<CheckOutcome | null>((resolve) => {
    worker.once('message', (m: CheckOutcome | { cancelled: true }) => resolve('cancelled' in m ? null : m));
    worker.once('error', (e) => resolve({ ok: false, detail: e.message }));
    // Once a message or error has resolved it, this later resolve is a no-op.
    void exited.then(() => resolve(Atomics.load(gate, 0) === CANCELLED ? null : { ok: false, detail: 'the check stopped before it finished' }));
  });
  return {
    outcome,
    exited,
    cancel: () => {
      if (Atomics.compareExchange(gate, 0, 0, CANCELLED) === 0) void worker.terminate();
    },
  };
}

/**
 * Blocks until no check of this process holds a file open (at most `timeoutMs`). For
 * code that must delete or replace files without awaiting, such as a test's clean-up:
 * a check that opened the file just before its workspace closed may still be reading it.
 */
export function waitUntilChecksLetGo(timeoutMs = 20_000): void {
  const until = Date.now() + timeoutMs;
  for (const gate of live) {
    while (Atomics.load(gate, 0) === OPEN && Date.now() < until) Atomics.wait(gate, 0, OPEN, until - Date.now());
  }
}
