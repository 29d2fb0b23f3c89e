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
