import { z } from 'zod';
import type { Ctx } from '../context';
import { prepared } from '../db/statements';
import { visibleClients } from '../access/visibility';
import { LOGGED_HISTORY_KINDS } from '../db/schema/enums';

// The history of every client in one list: what a manager logged in a period (the
// activity report's numbers open here), newest first, paged.

export const historySearch = z.object({
  authorId: z.string().max(64).nullish(),
  kinds: z.array(z.enum(LOGGED_HISTORY_KINDS)).max(5).default([]),
  /** 'out' includes calls logged without a direction (they are counted as outgoing). */
  direction: z.enum(['in', 'out']).nullish(),
  from: z.string().max(40).nullish(),
  to: z.string().max(40).nullish(),
  fromReport: z.string().max(200).nullish(),
});
export type HistorySearch = z.output<typeof historySearch>;

function whereOf(ctx: Ctx, f: HistorySearch) {
  const where = ["h.kind != 'system'"];
  const params: unknown[] = [];
  const add = (sql: string, ...p: unknown[]) => {
    where.push(sql);
    params.push(...p);
  };
  if (f.authorId) add('h.author_id = ?', f.authorId);
  if (f.kinds.length) add(`h.kind IN (${f.kinds.map(() => '?').join(',')})`, ...f.kinds);
  if (f.direction === 'in') add("h.direction = 'in'");
  if (f.direction === 'out') add("coalesce(h.direction, 'out') = 'out'");
  if (f.from) add('h.occurred_at >= ?', f.from);
  if (f.to) add('h.occurred_at < ?', f.to);
  const v = visibleClients(ctx, 'c');
  add(v.sql, ...v.params);
  return { where: where.join(' AND '), params };
}

export function searchHistory(ctx: Ctx, f: HistorySearch, offset: number, limit: number) {
  const { where, params } = whereOf(ctx, f);
  const total = (prepared(ctx.ws.sqlite, `SELECT count(*) AS n FROM history h JOIN clients c ON c.id = h.client_id WHERE ${where}`).get(...params) as { n: number }).n;
  const rows = prepared(
    ctx.ws.sqlite,
    `SELECT h.id, h.kind, h.direction, h.occurred_at AS occurredAt, h.duration_min AS durationMin, h.text, u.name AS author,
            h.client_id AS clientId, c.name AS clientName, h.deal_id AS dealId
       FROM history h JOIN clients c ON c.id = h.client_id LEFT JOIN users u ON u.id = h.author_id
      WHERE ${where} ORDER BY h.occurred_at DESC, h.id DESC LIMIT ? OFFSET ?`,
  ).all(...params, limit, offset) as {
    id: string;
    kind: string;
    direction: 'in' | 'out' | null;
    occurredAt: string;
    durationMin: number | null;
    text: string;
    author: string | null;
    clientId: string;
    clientName: string;
    dealId: string | null;
  }[];
  return { total, offset, rows };
}
