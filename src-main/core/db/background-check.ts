import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { currentNativeBinding } from './driver';

// PRAGMA quick_check (or the full integrity_check) in a worker thread on its own
// read-only connection: the serving thread keeps answering while every page of a
// large file is read. Plain CommonJS source evaluated by the worker, for the same
// reason as the backup worker (it runs under tsx, serve and the app's bundle alike).

const SOURCE = String.raw`
const { workerData, parentPort } = require('node:worker_threads');
let db;
try {
  const Database = require(workerData.modulePath);
  db = new Database(workerData.path, Object.assign({ readonly: true, fileMustExist: true }, workerData.binding ? { nativeBinding: workerData.binding } : {}));
  db.pragma('busy_timeout = 10000');
  const rows = db.pragma(workerData.full ? 'integrity_check(20)' : 'quick_check(20)');
  const messages = rows.map((r) => r[Object.keys(r)[0]]);
  parentPort.postMessage(messages.length === 1 && messages[0] === 'ok' ? { ok: true } : { ok: false, detail: messages.join('; ') });
} catch (e) {
  parentPort.postMessage({ ok: false, detail: e && e.message ? e.message : String(e) });
} finally {
  try { db && db.close(); } catch {}
}
`;

export type CheckOutcome = { ok: true } | { ok: false; detail: string };

/** Runs the check off-thread; never rejects (a check that cannot run reports the reason as damage). */
export function checkInBackground(path: string, full = false): Promise<CheckOutcome> {
  return new Promise((resolve) => {
    const worker = new Worker(SOURCE, {
      eval: true,
      workerData: { path, full, modulePath: createRequire(import.meta.url).resolve('better-sqlite3'), binding: currentNativeBinding() },
    });
    let settled = false;
    worker.once('message', (m: CheckOutcome) => {
      settled = true;
      resolve(m);
      void worker.terminate();
    });
    worker.once('error', (e) => {
      if (!settled) resolve({ ok: false, detail: e.message });
      settled = true;
    });
    worker.once('exit', () => {
      if (!settled) resolve({ ok: false, detail: 'the check stopped before it finished' });
      settled = true;
    });
  });
}
