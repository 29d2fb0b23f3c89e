// The reports as they were before issue 12's performance work (git 2775d81): one
// straightforward query per figure, probing per row. Tests compare the optimised
// reports with these on seeded workspaces; nothing in the app uses them.
import { z } from 'zod';
import { prepared } from '../../../src-main/core/db/statements';
import { localDate } from '../../../src-main/core/tasks/time';
import { LATE_SQL } from '../../../src-main/core/tasks/list';
import { visibleClients, visibleDeals, visibleTasks } from '../../../src-main/core/access/visibility';
import { spanOf } from '../../../src-main/core/reports/period';
import { dealDrill } from '../../../src-main/core/reports/scope';
import { toNumber } from '../../../src-main/core/reports/numbers';
import type { Cell, Drill, Report, ReportQuery, ReportResult } from '../../../src-main/core/reports/types';

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

export const activityReference = {
  key: 'activity',
  options,
  run(ctx, q: ReportQuery): ReportResult {
    const { noContactDays } = options.parse(q.options);
    const period = { from: q.from, to: q.to };
    const span = spanOf(period, q.timeZone);
    const now = ctx.now();
    const today = localDate(now, q.timeZone);
    const sqlite = ctx.ws.sqlite;
    const vc = visibleClients(ctx, 'c');
    const vt = visibleTasks(ctx, 't');
    const vd = visibleDeals(ctx, 'd');
    const history = byManager(
      prepared(
        sqlite,
        `SELECT h.author_id AS id, sum(h.kind = 'call' AND h.direction = 'in') AS callsIn, sum(h.kind = 'call' AND coalesce(h.direction, 'out') = 'out') AS callsOut,
                sum(h.kind = 'meeting') AS meetings, sum(h.kind = 'note') AS notes, sum(h.kind = 'email') AS emails
           FROM history h JOIN clients c ON c.id = h.client_id
          WHERE h.kind != 'system' AND h.occurred_at >= ? AND h.occurred_at < ? AND ${vc.sql}
          GROUP BY h.author_id`,
      ).all(span.start, span.end, ...vc.params) as Counts[],
    );
    const done = byManager(
      prepared(
        sqlite,
        `SELECT t.assignee_id AS id, count(*) AS done, sum(${LATE_SQL}) AS late, coalesce(sum(t.spent_minutes), 0) AS minutes
           FROM tasks t WHERE t.archived_at IS NULL AND t.done_at >= @start AND t.done_at < @end AND ${vt.sql}
          GROUP BY t.assignee_id`,
      ).all(...vt.params, { start: span.start, end: span.end, tz: q.timeZone }) as Counts[],
    );
    const overdue = byManager(
      prepared(
        sqlite,
        `SELECT t.assignee_id AS id, count(*) AS overdue FROM tasks t
          WHERE t.done_at IS NULL AND t.archived_at IS NULL AND ((t.all_day = 0 AND t.deadline_at < ?) OR (t.all_day = 1 AND t.deadline_at < ?)) AND ${vt.sql}
          GROUP BY t.assignee_id`,
      ).all(now.toISOString(), today, ...vt.params) as Counts[],
    );
    const deals = byManager(
      prepared(
        sqlite,
        `SELECT d.responsible_id AS id,
                sum(d.created_at >= @start AND d.created_at < @end) AS created,
                sum(st.kind = 'won' AND d.closed_at >= @start AND d.closed_at < @end) AS won,
                sum(st.kind = 'lost' AND d.closed_at >= @start AND d.closed_at < @end) AS lost
           FROM deals d JOIN stages st ON st.id = d.stage_id
          WHERE d.archived_at IS NULL AND ((d.created_at >= @start AND d.created_at < @end) OR (d.closed_at >= @start AND d.closed_at < @end)) AND ${vd.sql}
          GROUP BY d.responsible_id`,
      ).all(...vd.params, { start: span.start, end: span.end }) as Counts[],
    );
    const since = new Date(now.getTime() - noContactDays * 86_400_000).toISOString();
    const stale = byManager(
      prepared(
        sqlite,
        `SELECT c.responsible_id AS id, count(*) AS stale FROM clients c
          WHERE c.archived_at IS NULL AND c.responsible_id IS NOT NULL AND ${vc.sql}
            AND NOT EXISTS (SELECT 1 FROM history h WHERE h.client_id = c.id AND h.author_id = c.responsible_id AND h.kind != 'system' AND h.occurred_at >= ?)
          GROUP BY c.responsible_id`,
      ).all(...vc.params, since) as Counts[],
    );

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
} satisfies Omit<Report, 'queries'>;
