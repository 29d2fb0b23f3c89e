import type { Workspace, Db } from './db/open';

/** What every procedure handler gets: the open workspace, who acts, and a clock. */
export interface Ctx {
  ws: Workspace;
  db: Db;
  userId: string;
  /** Whose clients, deals and tasks the acting user sees (access/visibility.ts); absent: all. */
  sees?: 'all' | 'own';
  now(): Date;
}

export const isoNow = (ctx: Ctx): string => ctx.now().toISOString();

/**
 * The same caller reading through the workspace's report connection (read-only, memory
 * mapped: db/reader.ts). For statements that only read a large share of the file; every
 * write stays on ctx.ws.sqlite.
 */
export const readingCtx = (ctx: Ctx): Ctx => ({ ...ctx, ws: { ...ctx.ws, sqlite: ctx.ws.reader() } });
