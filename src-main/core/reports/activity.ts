import { z } from 'zod';
import { prepared } from '../db/statements';
import { localDate } from '../tasks/time';
import { localDateSql, zoneOffsets } from '../tasks/local-date-sql';
import { lateSql } from '../tasks/list';
import { seesOwnOnly, visibleClients, visibleDeals, visibleTasks } from '../access/visibility';
import type { Ctx } from '../context';
import { rowsOf, type ReportSql } from './sql';
import { spanOf } from './period';
import { dealDrill } from './scope';
import { toNumber } from './numbers';
import type { Cell, Drill, Report, ReportQuery, ReportResult } from './types';

// Who did what: per manager over the period, what they logged in clients' histories
// (calls in and out, meetings, notes, e-mails), the tasks they completed (on time or
// late) and the minutes spent on them, the tasks overdue now, the deals they got,
// won and lost, and how many of their clients they have not been in touch with for
// N days (default 30).

const options = z.object({ noContactDays: z.coerce.number().int().min(1).max(3650).default(30) });

interface Counts {
  id: string | null;
  [k: string]: string | number | bigint | null;
}

function byManager<T extends Counts>(rows: T[]): Map<string | null, T> {
  return new Map(rows.map((r) => [r.id, r]));
}

type Part = 'history' | 'done' | 'overdue' | 'deals' | 'responsible' | 'touched';

/**
 * The report's statements, each ranges of one index: history per manager by when it
 * happened (an index led by the author, so each manager's entries of the period are one
 * range, read alone and already grouped — led by the date, a year's 182,000 entries were
 * sorted by author: 134 of the statement's 147 ms), tasks done per manager the same way,
 * tasks overdue, deals created or closed (two ranges added up rather than an OR over every
 * deal), and the clients not
 * contacted by their responsible as the clients each one has minus those they touched
 * since the date (a short range of history per manager instead of a probe per client;
 * CROSS JOIN keeps history outside — left to itself, without statistics, the planner
 * walked every client and re-read the range for each: 194 s at 200,000 clients).
 */
export function activitySql(ctx: Ctx, q: ReportQuery): Record<Part, ReportSql> & { since: string } {
  const { noContactDays } = options.parse(q.options);
  const span = spanOf({ from: q.from, to: q.to }, q.timeZone);
  const now = ctx.now();
  const today = localDate(now, q.timeZone);
  const vc = visibleClients(ctx, 'c');
  const vt = visibleTasks(ctx, 't');
  const vd = visibleDeals(ctx, 'd');
  // Every entry has its client (a foreign key): only a caller who sees some clients needs the join.
  const own = seesOwnOnly(ctx) ? `AND h.client_id IN (SELECT c.id FROM clients c WHERE ${vc.sql})` : '';
  const ownParams = seesOwnOnly(ctx) ? vc.params : [];
  const since = new Date(now.getTime() - noContactDays * 86_400_000).toISOString();
  // «Done late» as the drill-down's task list has it (tasks/list's lateSql), the local day
  // by SQLite's date() over the period's offsets rather than a JS call per task.
  const doneDay = localDateSql('t.done_at', zoneOffsets(span.start, span.end, q.timeZone), 'zone');
  return {
    since,
    history: {
      sql: `SELECT u.id AS id, sum(h.kind = 'call' AND h.direction = 'in') AS callsIn, sum(h.kind = 'call' AND coalesce(h.direction, 'out') = 'out') AS callsOut,
                sum(h.kind = 'meeting') AS meetings, sum(h.kind = 'note') AS notes, sum(h.kind = 'email') AS emails
           FROM users u CROSS JOIN history h INDEXED BY history_author_activity_idx ON h.author_id = u.id
          WHERE h.kind != 'system' AND h.occurred_at >= ? AND h.occurred_at < ? ${own}
          GROUP BY u.id`,
      params: [span.start, span.end, ...ownParams],
    },
    done: {
      sql: `SELECT u.id AS id, count(*) AS done, sum(${lateSql(doneDay.sql)}) AS late,
                coalesce(sum(t.spent_minutes), 0) AS minutes
           FROM users u CROSS JOIN tasks t INDEXED BY tasks_done_report_idx ON t.assignee_id = u.id
          WHERE t.archived_at IS NULL AND t.done_at IS NOT NULL AND t.done_at >= @start AND t.done_at < @end AND ${vt.sql}
          GROUP BY u.id`,
      params: [...vt.params, { start: span.start, end: span.end, ...doneDay.params }],
    },
    overdue: {
      sql: `SELECT t.assignee_id AS id, count(*) AS overdue FROM tasks t
          WHERE t.done_at IS NULL AND t.archived_at IS NULL AND ((t.all_day = 0 AND t.deadline_at < ?) OR (t.all_day = 1 AND t.deadline_at < ?)) AND ${vt.sql}
          GROUP BY t.assignee_id`,
      params: [now.toISOString(), today, ...vt.params],
    },
    deals: {
      sql: `SELECT id, sum(created) AS created, sum(won) AS won, sum(lost) AS lost FROM (
              SELECT d.responsible_id AS id, 1 AS created, 0 AS won, 0 AS lost FROM deals d INDEXED BY deals_created_report_idx
               WHERE d.archived_at IS NULL AND d.created_at >= @start AND d.created_at < @end AND ${vd.sql}
              UNION ALL
              SELECT d.responsible_id, 0, st.kind = 'won', st.kind = 'lost' FROM stages st CROSS JOIN deals d INDEXED BY deals_closed_idx ON d.stage_id = st.id
               WHERE st.kind IN ('won', 'lost') AND d.archived_at IS NULL AND d.closed_at >= @start AND d.closed_at < @end AND ${vd.sql})
          GROUP BY id`,
      params: [...vd.params, ...vd.params, { start: span.start, end: span.end }],
    },
    responsible: {
      sql: `SELECT c.responsible_id AS id, count(*) AS n FROM clients c WHERE c.archived_at IS NULL AND c.responsible_id IS NOT NULL AND ${vc.sql} GROUP BY c.responsible_id`,
      params: vc.params,
    },
    touched: {
      sql: `SELECT u.id AS id, count(DISTINCT c.id) AS n
           FROM users u CROSS JOIN history h INDEXED BY history_author_activity_idx ON h.author_id = u.id
                CROSS JOIN clients c INDEXED BY clients_live_idx ON c.id = h.client_id AND c.archived_at IS NULL AND +c.responsible_id = u.id
          WHERE h.kind != 'system' AND h.occurred_at >= ? AND ${vc.sql}
          GROUP BY u.id`,
      params: [since, ...vc.params],
    },
  };
}

export const activityReport: Report = {
  key: 'activity',
  options,
  queries: (ctx, q) => {
    const { since: _since, ...parts } = activitySql(ctx, q);
    return Object.values(parts);
  },
  run(ctx, q: ReportQuery): ReportResult {
    const { noContactDays } = options.parse(q.options);
    const period = { from: q.from, to: q.to };
    const span = spanOf(period, q.timeZone);
    const sqlite = ctx.ws.sqlite;
    const sql = activitySql(ctx, q);
    const since = sql.since;
    const history = byManager(rowsOf<Counts>(ctx, sql.history));
    const done = byManager(rowsOf<Counts>(ctx, sql.done));
    const overdue = byManager(rowsOf<Counts>(ctx, sql.overdue));
    const deals = byManager(rowsOf<Counts>(ctx, sql.deals));
    const touched = byManager(rowsOf<Counts>(ctx, sql.touched));
    const stale = new Map(rowsOf<{ id: string; n: number }>(ctx, sql.responsible).map((r) => [r.id, { id: r.id, stale: r.n - Number(touched.get(r.id)?.n ?? 0) } as Counts]));

    const users = prepared(sqlite, 'SELECT id, name, active FROM users ORDER BY name').all() as { id: string; name: string; active: number }[];
    const rows: Record<string, Cell>[] = [];
    const drills: Record<string, Drill>[] = [];
    const n = (m: Map<string | null, Counts>, id: string, k: string) => toNumber(m.get(id)?.[k] as bigint | number | null | undefined);
    for (const u of users) {
      if (q.managerIds.length && !q.managerIds.includes(u.id)) continue;
      const row: Record<string, Cell> = {
        manager: u.name,
        managerId: u.id,
        callsIn: n(history, u.id, 'callsIn'),
        callsOut: n(history, u.id, 'callsOut'),
        meetings: n(history, u.id, 'meetings'),
        notes: n(history, u.id, 'notes'),
        emails: n(history, u.id, 'emails'),
        tasksDone: n(done, u.id, 'done'),
        tasksLate: n(done, u.id, 'late'),
        overdueNow: n(overdue, u.id, 'overdue'),
        minutes: n(done, u.id, 'minutes'),
        dealsCreated: n(deals, u.id, 'created'),
        dealsWon: n(deals, u.id, 'won'),
        dealsLost: n(deals, u.id, 'lost'),
        clientsNoContact: n(stale, u.id, 'stale'),
      };
      // Deactivated users appear only when they did something in the period.
      if (!u.active && Object.entries(row).every(([k, v]) => k === 'manager' || k === 'managerId' || v === 0)) continue;
      rows.push(row);
      const hist = (kinds: string[], direction?: 'in' | 'out') => ({
        list: 'history' as const,
        filter: { authorId: u.id, kinds, direction: direction ?? null, from: span.start, to: span.end, fromReport: 'activity' },
      });
      const tasks = (extra: Record<string, unknown>) => ({ list: 'tasks' as const, filter: { scope: 'all', assigneeId: u.id, fromReport: 'activity', ...extra } });
      drills.push({
        callsIn: hist(['call'], 'in'),
        callsOut: hist(['call'], 'out'),
        meetings: hist(['meeting']),
        notes: hist(['note']),
        emails: hist(['email']),
        tasksDone: tasks({ bucket: 'done', doneFrom: span.start, doneTo: span.end }),
        tasksLate: tasks({ bucket: 'done', doneFrom: span.start, doneTo: span.end, late: true }),
        overdueNow: tasks({ bucket: 'overdue' }),
        dealsCreated: dealDrill(q, 'activity', { status: 'all', created: span, responsibleIds: [u.id] }),
        dealsWon: dealDrill(q, 'activity', { status: 'won', closed: span, responsibleIds: [u.id] }),
        dealsLost: dealDrill(q, 'activity', { status: 'lost', closed: span, responsibleIds: [u.id] }),
        clientsNoContact: { list: 'clients', filter: { responsibleId: u.id, noContactSince: since, fromReport: 'activity' } },
      });
    }
    const keys = ['callsIn', 'callsOut', 'meetings', 'notes', 'emails', 'tasksDone', 'tasksLate', 'overdueNow', 'minutes', 'dealsCreated', 'dealsWon', 'dealsLost', 'clientsNoContact'];
    const totals = [Object.fromEntries([['manager', null], ...keys.map((k) => [k, rows.reduce((s, r) => s + Number(r[k]), 0)])]) as Record<string, Cell>];
    return {
      report: 'activity',
      period,
      previous: null,
      columns: [
        { key: 'manager', type: 'text', label: 'reports.dim.manager' },
        ...keys.map((k) => ({ key: k, type: k === 'minutes' ? ('number' as const) : ('count' as const), label: `reports.col.${k}` })),
      ],
      rows,
      totals,
      drills,
      totalDrills: [],
      chart: {
        kind: 'stacked',
        labels: rows.map((r) => String(r.manager)),
        series: ['callsIn', 'callsOut', 'meetings', 'emails', 'tasksDone'].map((k) => ({ label: k, data: rows.map((r) => Number(r[k])) })),
      },
      notes: [{ key: 'reports.notes.noContactDays', params: { days: noContactDays } }],
    };
  },
};
