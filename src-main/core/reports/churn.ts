import { z } from 'zod';
import type { Ctx } from '../context';
import { visibleClients } from '../access/visibility';
import { saveSelection } from '../clients/selections';
import { previousPeriod, spanOf } from './period';
import { delta, toNumber } from './numbers';
import type { Cell, Drill, Report, ReportQuery, ReportResult } from './types';
import { rowsOf, type ReportSql } from './sql';

// Clients slipping away: clients who bought before (a won deal) and have had no contact
// and no open deal for N days (default 90), and clients whose won sum in the period fell
// by more than X % (default 50) against the period before. Sorted by what they brought
// in before; roubles (other currencies are not compared). A row's task button (UI) plans
// a call for the client's responsible manager.

const options = z.object({
  silentDays: z.coerce.number().int().min(1).max(3650).default(90),
  dropPercent: z.coerce.number().min(1).max(100).default(50),
});
const ROWS_SHOWN = 1000;

/**
 * Every client who ever bought (won roubles up to the period's end) with what they brought
 * in before, in the period and in the one before, their last win and last contact (kept on
 * the client by triggers, migration 0016) and whether they have an open deal (the clients
 * with one, found once rather than probed per buyer). CROSS JOIN: the buyers are the outer
 * loop, each client found by id — not every client walked and matched to a buyer.
 */
export function churnSql(ctx: Ctx, q: ReportQuery): ReportSql {
  const period = { from: q.from, to: q.to };
  const span = spanOf(period, q.timeZone);
  const before = spanOf(previousPeriod(period), q.timeZone);
  const v = visibleClients(ctx, 'c');
  const managers = q.managerIds.length ? `AND c.responsible_id IN (${q.managerIds.map(() => '?').join(',')})` : '';
  const tags = q.tagIds.length ? `AND c.id IN (SELECT t.client_id FROM client_tags t WHERE t.tag_id IN (${q.tagIds.map(() => '?').join(',')}))` : '';
  return {
    sql: `WITH buyers AS (
         SELECT d.client_id AS id, sum(d.amount_kopecks) AS past,
                sum(CASE WHEN d.closed_at >= @start AND d.closed_at < @end THEN d.amount_kopecks ELSE 0 END) AS now,
                sum(CASE WHEN d.closed_at >= @pstart AND d.closed_at < @pend THEN d.amount_kopecks ELSE 0 END) AS before,
                max(d.closed_at) AS lastWon
           FROM deals d WHERE d.archived_at IS NULL AND d.currency = 'RUB' AND d.closed_at < @end
            AND d.stage_id IN (SELECT ws.id FROM stages ws WHERE ws.kind = 'won')
          GROUP BY d.client_id),
       open AS MATERIALIZED (SELECT DISTINCT o.client_id AS id FROM deals o WHERE o.archived_at IS NULL AND o.stage_id IN (SELECT os.id FROM stages os WHERE os.kind = 'open'))
       SELECT c.id AS clientId, c.name AS client, u.name AS responsible, c.responsible_id AS responsibleId, b.past, b.now, b.before, b.lastWon,
              c.last_contact_at AS lastContact, c.id IN (SELECT id FROM open) AS hasOpen
         FROM buyers b CROSS JOIN clients c ON c.id = b.id LEFT JOIN users u ON u.id = c.responsible_id
        WHERE c.archived_at IS NULL AND ${v.sql} ${managers} ${tags}`,
    params: [{ start: span.start, end: span.end, pstart: before.start, pend: before.end }, ...v.params, ...q.managerIds, ...q.tagIds],
    bigints: true,
  };
}

export const churnReport: Report = {
  key: 'churn',
  options,
  queries: (ctx, q) => [churnSql(ctx, q)],
  run(ctx, q): ReportResult {
    const { silentDays, dropPercent } = options.parse(q.options);
    const period = { from: q.from, to: q.to };
    const prev = previousPeriod(period);
    const silentSince = new Date(ctx.now().getTime() - silentDays * 86_400_000).toISOString();
    const rows = rowsOf<{
      clientId: string;
      client: string;
      responsible: string | null;
      responsibleId: string | null;
      past: bigint;
      now: bigint;
      before: bigint;
      lastWon: string;
      lastContact: string | null;
      hasOpen: bigint;
    }>(ctx, churnSql(ctx, q));

    const found: Record<string, Cell>[] = [];
    for (const r of rows) {
      // A buyer always has a last win; the last contact may be missing.
      const lastTouch = r.lastContact && r.lastContact > r.lastWon ? r.lastContact : r.lastWon;
      const silent = !r.hasOpen && lastTouch < silentSince;
      const now = toNumber(r.now);
      const was = toNumber(r.before);
      const change = delta(now, was);
      const dropped = was > 0 && change !== null && -change > dropPercent;
      if (!silent && !dropped) continue;
      found.push({
        client: r.client,
        clientId: r.clientId,
        responsible: r.responsible,
        responsibleId: r.responsibleId,
        reason: silent && dropped ? 'both' : silent ? 'silent' : 'drop',
        lastContact: r.lastContact?.slice(0, 10) ?? null,
        pastKopecks: toNumber(r.past),
        periodKopecks: now,
        previousKopecks: was,
        changePercent: change,
      });
    }
    const byName = new Intl.Collator(undefined).compare;
    found.sort((a, b) => (b.pastKopecks as number) - (a.pastKopecks as number) || byName(a.client as string, b.client as string));
    const all = saveSelection(found.map((r) => String(r.clientId)));
    const shown = found.slice(0, ROWS_SHOWN);
    const totals = [{ client: null, count: found.length, pastKopecks: found.reduce((n, r) => n + Number(r.pastKopecks), 0) } as Record<string, Cell>];
    return {
      report: 'churn',
      period,
      previous: prev,
      columns: [
        { key: 'client', type: 'text', label: 'reports.col.client' },
        { key: 'responsible', type: 'text', label: 'reports.dim.manager' },
        { key: 'reason', type: 'text', label: 'reports.col.reason' },
        { key: 'lastContact', type: 'date', label: 'reports.col.lastContact' },
        { key: 'pastKopecks', type: 'money', label: 'reports.col.pastRevenue' },
        { key: 'previousKopecks', type: 'money', label: 'reports.col.prevAmount' },
        { key: 'periodKopecks', type: 'money', label: 'reports.col.periodAmount' },
        { key: 'changePercent', type: 'percent', label: 'reports.col.delta' },
      ],
      rows: shown,
      totals,
      drills: shown.map((): Record<string, Drill> => ({})),
      totalDrills: [{ count: { list: 'clients', filter: { selection: all, fromReport: 'churn' } } }],
      chart: {
        kind: 'bar',
        labels: shown.slice(0, 15).map((r) => String(r.client)),
        series: [{ label: 'past', money: true, data: shown.slice(0, 15).map((r) => Number(r.pastKopecks)) }],
      },
      notes: [
        { key: 'reports.notes.churnRule', params: { days: silentDays, percent: dropPercent } },
        ...(found.length > ROWS_SHOWN ? [{ key: 'reports.notes.firstRows', params: { shown: ROWS_SHOWN, total: found.length } }] : []),
      ],
    };
  },
};
