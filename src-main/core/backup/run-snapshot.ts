import { Worker, MessageChannel, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { rmSync } from 'node:fs';
import { currentNativeBinding } from '../db/driver';
import { AppError } from '../errors';
import { SNAPSHOT_WORKER_SOURCE } from './worker-source';
import type { BackupManifest } from './manifest';

export interface SnapshotJob {
  kind: 'snapshot';
  source: string;
  rawPath: string;
  gzPath: string;
  manifestPath: string;
  compress: boolean;
  gzipLevel: number;
  /** Where the page hashes go (backups of the rotation: the next one may be incremental). */
  pagesPath?: string;
  deltaPath?: string;
  /** Set: try an incremental backup against this one first (a full one when that cannot be done). */
  parent?: { id: string; pagesPath: string; pageSize: number; chainLength: number };
  manifest: Pick<BackupManifest, 'id' | 'workspace' | 'reason' | 'createdAt' | 'verifiedAt'>;
}

/** A backup written out as a workspace file (`dest`) and checked, for restores. */
export interface UnpackJob {
  kind: 'unpack';
  backup: string;
  dest: string;
  expectCounts: Record<string, number> | null;
  /** Incremental links applied over `backup` (a full one), oldest first, each checked by its digest. */
  chain?: { id: string; path: string; sha256: string }[];
}

export type Job = SnapshotJob | UnpackJob;

export interface SnapshotProgress {
  phase: 'copy' | 'verify' | 'compress';
  done: number;
  total: number;
}

type WorkerMessage =
  | ({ type: 'progress' } & SnapshotProgress)
  | { type: 'done'; manifest: unknown }
  | { type: 'error'; verify: boolean; message: string };

function start(job: Job): { worker: Worker; port: MessagePort; signal: Int32Array } {
  const { port1, port2 } = new MessageChannel();
  const signal = new SharedArrayBuffer(4);
  const modulePath = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(SNAPSHOT_WORKER_SOURCE, {
    eval: true,
    workerData: { job, port: port2, signal, modulePath, binding: currentNativeBinding() },
    transferList: [port2],
  });
  return { worker, port: port1, signal: new Int32Array(signal) };
}

function failure(m: Extract<WorkerMessage, { type: 'error' }>): AppError {
  return m.verify
    ? new AppError('backup.verify_failed', `Backup copy failed verification: ${m.message}`, { detail: m.message })
    : new AppError('backup.failed', `Backup failed: ${m.message}`, { detail: m.message });
}

/** Runs a snapshot off this thread; the promise settles when the backup is verified and in place. */
/** The temporary files a job may leave when it is stopped half-way. */
function partialsOf(job: Job): string[] {
  if (job.kind === 'unpack') return [job.dest];
  return [job.rawPath, `${job.rawPath}-journal`, job.gzPath, job.manifestPath, job.deltaPath, job.pagesPath].filter(Boolean).map((f) => `${f}.partial`).concat(`${job.rawPath}.partial-journal`);
}

export function runSnapshot(job: SnapshotJob, onProgress?: (p: SnapshotProgress) => void, signal?: AbortSignal): Promise<BackupManifest>;
export function runSnapshot(job: UnpackJob, onProgress?: (p: SnapshotProgress) => void, signal?: AbortSignal): Promise<{ counts: Record<string, number> }>;
export function runSnapshot(job: Job, onProgress?: (p: SnapshotProgress) => void, signal?: AbortSignal): Promise<unknown> {
  const { worker, port } = start(job);
  return new Promise<unknown>((resolve, reject) => {
    let settled = false;
    // Cancelling is safe at any point: the worker writes only temporary files until
    // its final renames, which are the last thing it does.
    signal?.addEventListener('abort', () => {
      if (settled) return;
      settled = true;
      port.close();
      void worker.terminate().then(() => {
        for (const f of partialsOf(job)) rmSync(f, { force: true });
        reject(new AppError('backup.cancelled', 'The backup was cancelled'));
      });
    });
    port.on('message', (m: WorkerMessage) => {
      if (m.type === 'progress') onProgress?.(m);
      else {
        settled = true;
        port.close();
        if (m.type === 'done') resolve(m.manifest);
        else reject(failure(m));
      }
    });
    worker.on('error', (e) => {
      settled = true;
      port.close();
      reject(new AppError('backup.failed', `Backup failed: ${e.message}`, { detail: e.message }));
    });
    worker.on('exit', () => {
      if (!settled) setTimeout(() => !settled && reject(new AppError('backup.failed', 'Backup worker stopped', { detail: 'worker exit' })), 50);
    });
  });
}

/**
 * The same job for callers that must not continue before the backup exists
 * (migrations at open, safety backups before a merge): this thread sleeps on an
 * Atomics signal while the worker works, then reads the worker's last message.
 */
export function runSnapshotSync(job: SnapshotJob): BackupManifest;
export function runSnapshotSync(job: UnpackJob): { counts: Record<string, number> };
export function runSnapshotSync(job: Job): unknown {
  const { worker, port, signal } = start(job);
  try {
    while (Atomics.load(signal, 0) === 0) Atomics.wait(signal, 0, 0, 1000);
    let last: WorkerMessage | undefined;
    for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port)) last = m.message as WorkerMessage;
    if (!last || last.type === 'progress') throw new AppError('backup.failed', 'Backup worker stopped', { detail: 'no result' });
    if (last.type === 'error') throw failure(last);
    return last.manifest;
  } finally {
    port.close();
    void worker.terminate();
  }
}
