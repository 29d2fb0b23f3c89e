import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Session } from '../../src-main/core/workspace/session';
import { openWorkspace } from '../../src-main/core/db/open';
import { waitUntilChecksLetGo } from '../../src-main/core/db/background-check';
import { invoke, INTERNAL_CALLER, type ProcedureName, type ProcInput, type ProcOutput } from '../../src-main/core/procedures';
import { AppError, type FieldIssue } from '../../src-main/core/errors';

/** A fresh directory under the OS temp folder; remove it with `removeDir` (or `TestWorkspace.dispose`). */
export function makeTempDir(label = 'test'): string {
  return mkdtempSync(join(tmpdir(), `kartoteka-${label}-`));
}

export function removeDir(dir: string): void {
  // A background integrity check that opened a file just before its workspace closed may
  // still hold it (and recreate -wal/-shm beside it); wait for it to let go first.
  waitUntilChecksLetGo();
  try {
    rmSync(dir, { recursive: true, force: true, maxRetries: 10 });
  } catch (e) {
    // Name what kept coming back, so a failure says who wrote it.
    const left = existsSync(dir) ? readdirSync(dir, { recursive: true }).join(', ') : '';
    throw new Error(`${(e as Error).message}; left: ${left}`, { cause: e });
  }
}

export interface TestWorkspace {
  dir: string;
  path: string;
  session: Session;
  /** Calls a procedure the way every door does: input validated by its schema, then the handler. */
  call<K extends ProcedureName>(name: K, input: ProcInput<K>): ProcOutput<K>;
  /** Same, for inputs that are deliberately wrong (no compile-time checking). */
  callRaw(name: string, input: unknown): unknown;
  sqlite(): import('better-sqlite3').Database;
  count(table: string, where?: string): number;
  dispose(): void;
}

/** A real workspace file in a temp dir, opened through Session like the app does. */
export function openTestWorkspace(options: ConstructorParameters<typeof Session>[0] = {}): TestWorkspace {
  const dir = makeTempDir('ws');
  const path = join(dir, 'workspace.kdb');
  const session = new Session(options);
  session.open(path);
  return {
    dir,
    path,
    session,
    call: (name, input) => invoke(session, name, input, INTERNAL_CALLER) as never,
    callRaw: (name, input) => invoke(session, name, input, INTERNAL_CALLER),
    sqlite: () => session.workspace.sqlite,
    count: (table, where) => (session.workspace.sqlite.prepare(`SELECT count(*) AS n FROM ${table}${where ? ` WHERE ${where}` : ''}`).get() as { n: number }).n,
    dispose: () => {
      session.close();
      removeDir(dir);
    },
  };
}

/** Runs `fn`, expects an AppError and returns it (fails the test otherwise). */
export function catchAppError(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw new Error(`Expected an AppError, got: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
  }
  throw new Error('Expected an AppError, but nothing was thrown');
}

/** The issues of a ValidationError as "field:code" strings, for compact assertions. */
export function issueKeys(e: AppError): string[] {
  return e.issues.map((i: FieldIssue) => `${i.field}:${i.code}`);
}

/**
 * A workspace of an older release (its migrations only), opened through Session. The
 * release had its owner already: the row is written in that release's columns, since
 * today's ensureOwner writes columns (login, role) the old schema lacks.
 */
export function openOldRelease(path: string, migrationsDir: string): Session {
  const ws = openWorkspace(path, { migrationsDir, skipIntegrityCheck: true });
  const at = '2025-01-01T00:00:00.000Z';
  ws.sqlite
    .prepare("INSERT INTO users (id, name, color, active, created_at, updated_at) VALUES ('owner-of-old-release', 'Администратор', '#4c6ef5', 1, ?, ?)")
    .run(at, at);
  ws.close();
  const session = new Session({ migrationsDir });
  session.open(path);
  return session;
}
