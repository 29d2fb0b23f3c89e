import { eq } from 'drizzle-orm';
import { openWorkspace, type OpenOptions, type Workspace } from '../db/open';
import { meta } from '../db/schema';
import { ensureOwner } from '../users/service';
import type { Ctx } from '../context';
import { AppError } from '../errors';

/**
 * The one open workspace of a process (desktop app, browser-mode server or CLI
 * command) and the acting user. Switching workspace closes the old file first.
 */
export class Session {
  private ws: Workspace | null = null;
  private userId = '';

  constructor(
    private readonly options: OpenOptions & { clock?: () => Date } = {},
  ) {}

  open(path: string): void {
    const next = openWorkspace(path, this.options);
    this.close();
    this.ws = next;
    this.userId = ensureOwner(next.db, this.now().toISOString());
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
    return { ws, db: ws.db, userId: this.userId, now: () => this.now() };
  }

  getMeta(key: string): string | null {
    return this.workspace.db.select().from(meta).where(eq(meta.key, key)).get()?.value ?? null;
  }

  setMeta(key: string, value: string): void {
    this.workspace.db.insert(meta).values({ key, value }).onConflictDoUpdate({ target: meta.key, set: { value } }).run();
  }

  close(): void {
    this.ws?.close();
    this.ws = null;
  }
}
