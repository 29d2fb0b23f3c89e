import type { Workspace, Db } from './db/open';

/** What every procedure handler gets: the open workspace, who acts, and a clock. */
export interface Ctx {
  ws: Workspace;
  db: Db;
  userId: string;
  now(): Date;
}

export const isoNow = (ctx: Ctx): string => ctx.now().toISOString();
