import { AsyncLocalStorage } from 'node:async_hooks';
import { eq } from 'drizzle-orm';
import { openWorkspace, workspaceDamagedError, type OpenOptions, type Workspace } from '../db/open';
import { meta } from '../db/schema';
import { ensureOwner } from '../users/service';
import { pruneAuditIfDue } from '../audit/retention';
import type { Ctx } from '../context';
import { AppError, toErrorPayload, type ErrorPayload } from '../errors';
import { INTERNAL_CALLER, type Caller } from '../procedures/caller';

type Listener = (session: Session) => void;

/** Who makes the call in progress: the acting user and the caller as its door described it. */
interface Call {
  userId: string;
  caller: Caller;
  /** Whose records the user sees (the matrix's `see` for their role). */
  sees: 'all' | 'own';
}

/**
 * The one open workspace of a process (desktop app, browser-mode server or CLI
 * command) and the acting user. Switching workspace closes the old file first.
 */
export class Session {
  private ws: Workspace | null = null;
  private ownerId = '';
  /** Per call, across awaits: concurrent calls of different users never see each other's user. */
  private readonly calls = new AsyncLocalStorage<Call>();
  private readonly opened: Listener[] = [];
  private readonly closing: Listener[] = [];
  /** The last file that could not be opened, so the UI can offer its newest good backup. */
  lastFailure: { path: string; error: ErrorPayload } | null = null;
  /** Wall-clock time of the last procedure call: the weekly full check waits for a quiet spell. */
  lastCallAt = 0;

  constructor(
    private readonly options: OpenOptions & { clock?: () => Date } = {},
  ) {}

  open(path: string): void {
    const t0 = performance.now();
    let next: Workspace;
    try {
      next = openWorkspace(path, { ...this.options, now: () => this.now() });
    } catch (e) {
      if (e instanceof AppError && e.code === 'workspace.damaged') this.lastFailure = { path, error: toErrorPayload(e) };
      throw e;
    }
    this.close();
    this.ws = next;
    // A damaged file stays on offer for recovery until that very file opens.
    if (this.lastFailure?.path === path) this.lastFailure = null;
    // Damage found by the background check while the file is open: the same offer as
    // a file that failed to open (backup.recovery), and every write refused meanwhile.
    next.onDamaged = (detail) => {
      this.lastFailure = { path, error: toErrorPayload(workspaceDamagedError(next)) };
      console.error(`[workspace] ${path} is damaged, writes are refused: ${detail}`);
    };
    if (next.integrity.state !== 'damaged') {
      this.ownerId = ensureOwner(next.db, this.now().toISOString());
      pruneAuditIfDue(this);
    }
    for (const fn of this.opened) fn(this);
    // The whole open, to the first page's data being ready: what serve and the app report.
    next.opened.ms = performance.now() - t0;
  }

  /** Refuses a write to a file a check found damaged (invoke and the backups call this). */
  assertWritable(): void {
    const ws = this.workspace;
    if (ws.integrity.state === 'damaged') throw workspaceDamagedError(ws);
  }

  /** Runs after every successful open (automatic backups start here). */
  onOpened(fn: Listener): void {
    this.opened.push(fn);
  }

  /** Runs before the open workspace is closed (the backup on close runs here). */
  onClosing(fn: Listener): void {
    this.closing.push(fn);
  }

  get isOpen(): boolean {
    return this.ws !== null;
  }

  get workspace(): Workspace {
    if (!this.ws) throw new AppError('workspace.closed', 'No workspace is open');
    return this.ws;
  }

  now(): Date {
    return this.options.clock ? this.options.clock() : new Date();
  }

  ctx(): Ctx {
    const ws = this.workspace;
    const call = this.calls.getStore();
    return { ws, db: ws.db, userId: call?.userId ?? this.ownerId, sees: call?.sees ?? 'all', now: () => this.now() };
  }

  /** The workspace's owner: who acts for the CLI, internal calls and a workspace without passwords. */
  get owner(): string {
    return this.ownerId;
  }

  /** Runs one procedure call as `userId` (invoke does this for every call). */
  actAs<T>(userId: string, caller: Caller, sees: 'all' | 'own', fn: () => T): T {
    this.lastCallAt = Date.now();
    return this.calls.run({ userId, caller, sees }, fn);
  }

  /** The caller of the call in progress (its door, address, sign-in); outside a call, the core itself. */
  caller(): Caller {
    return this.calls.getStore()?.caller ?? INTERNAL_CALLER;
  }

  getMeta(key: string): string | null {
    return this.workspace.db.select().from(meta).where(eq(meta.key, key)).get()?.value ?? null;
  }

  setMeta(key: string, value: string): void {
    this.workspace.db.insert(meta).values({ key, value }).onConflictDoUpdate({ target: meta.key, set: { value } }).run();
  }

  close(): void {
    if (!this.ws) return;
    for (const fn of this.closing) {
      try {
        fn(this);
      } catch (e) {
        // Closing must finish (the app is quitting); the listener reports its own failure.
        console.error('[session] before close:', e);
      }
    }
    this.ws.close();
    this.ws = null;
  }

  /** Closes, then waits until no background check holds the file: before it is renamed, replaced or deleted. */
  async closeAndRelease(): Promise<void> {
    const ws = this.ws;
    this.close();
    await ws?.released();
  }
}
