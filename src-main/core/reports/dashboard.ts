import type { Session } from '../workspace/session';
import { prepared } from '../db/statements';
import { visibleClients, visibleDeals } from '../access/visibility';
import { countBuckets } from '../tasks/list';
import { birthdaysBetween } from '../tasks/birthdays';
import { localDate, shiftDate, weekMonday } from '../tasks/time';
import { columnTotals } from '../deals/board';
import { stagesOf } from '../deals/pipelines';
import { dealsWithoutNextTaskSql } from '../tasks/deal-hooks';
import { backupStatus } from '../backup/manager';
import { monthPeriod, spanOf } from './period';
import { plansOf } from './plans';
import { percent, toNumber } from './numbers';
import { receivablesSummary } from '../receivables/dashboard';

// The first screen after start, for the person at the keyboard ("me") or the whole
// agency, in one call: tasks today and overdue, open deals without a next step, this
// month's won sum against the plan, the main pipeline's funnel now, new clients and
// deals this week against last week, birthdays this week, the last verified backup.

export function dashboard(session: Session, scope: 'me' | 'all', tz: string) {
  const ctx = session.ctx();
  const s = ctx.ws.sqlite;
  const me = scope === 'me' ? ctx.userId : null;
  const today = localDate(ctx.now(), tz);
  const tasks = countBuckets(ctx, { scope: scope === 'me' ? 'mine' : 'all', assigneeId: null, typeId: null, clientId: null, dealId: null }, tz, ['today', 'overdue']);

  const vd = visibleDeals(ctx, 'd');
  const mine = me ? ' AND d.responsible_id = ?' : '';
  const mineParams = me ? [me] : [];
  const noNextStep = (
    prepared(
      s,
      `SELECT count(*) AS n FROM deals d WHERE d.archived_at IS NULL AND d.stage_id IN (SELECT os.id FROM stages os WHERE os.kind = 'open')
         AND ${dealsWithoutNextTaskSql('d')} AND ${vd.sql}${mine}`,
    ).get(...vd.params, ...mineParams) as { n: number }
  ).n;

  const month = today.slice(0, 7);
  const monthSpan = spanOf(monthPeriod(month), tz);
  const won = toNumber(
    (
      prepared(
        s,
        `SELECT sum(d.amount_kopecks) AS n FROM deals d WHERE d.archived_at IS NULL AND d.currency = 'RUB'
           AND d.stage_id IN (SELECT ws.id FROM stages ws WHERE ws.kind = 'won') AND d.closed_at >= ? AND d.closed_at < ? AND ${vd.sql}${mine}`,
      )
        .safeIntegers(true)
        .get(monthSpan.start, monthSpan.end, ...vd.params, ...mineParams) as { n: bigint | null }
    ).n,
  );
  const plan = plansOf(ctx, [month])
    .filter((p) => !me || p.managerId === me)
    .reduce((n, p) => n + p.amountKopecks, 0);

  const main = prepared(s, 'SELECT id, name FROM pipelines WHERE archived_at IS NULL ORDER BY position, name LIMIT 1').get() as { id: string; name: string } | undefined;
  const funnel = main
    ? (() => {
        const totals = columnTotals(ctx, main.id, { responsibleId: me ?? undefined });
        return {
          pipelineId: main.id,
          pipeline: main.name,
          stages: stagesOf(ctx, main.id).map((st) => ({ id: st.id, name: st.name, kind: st.kind, color: st.color, ...(totals.get(st.id) ?? { count: 0, sumKopecks: 0 }) })),
        };
      })()
    : null;

  const monday = weekMonday(today);
  const thisWeek = spanOf({ from: monday, to: shiftDate(monday, 6) }, tz);
  const lastWeek = spanOf({ from: shiftDate(monday, -7), to: shiftDate(monday, -1) }, tz);
  const vc = visibleClients(ctx, 'c');
  const created = (table: 'clients' | 'deals', span: { start: string; end: string }) => {
    const alias = table === 'clients' ? 'c' : 'd';
    const v = table === 'clients' ? vc : vd;
    const who = me ? ` AND ${alias}.responsible_id = ?` : '';
    return (
      prepared(s, `SELECT count(*) AS n FROM ${table} ${alias} WHERE ${alias}.archived_at IS NULL AND ${alias}.created_at >= ? AND ${alias}.created_at < ? AND ${v.sql}${who}`).get(
        span.start,
        span.end,
        ...v.params,
        ...mineParams,
      ) as { n: number }
    ).n;
  };

  const backup = backupStatus(session);
  return {
    scope,
    /** The user the "me" numbers are about (their drill-downs filter by it). */
    me: ctx.userId,
    today,
    tasks: { today: tasks.today, overdue: tasks.overdue },
    noNextStep,
    month: { month, wonKopecks: won, planKopecks: plan, donePercent: percent(won, plan), span: monthSpan },
    funnel,
    week: {
      span: thisWeek,
      previous: lastWeek,
      newClients: created('clients', thisWeek),
      newClientsBefore: created('clients', lastWeek),
      newDeals: created('deals', thisWeek),
      newDealsBefore: created('deals', lastWeek),
    },
    birthdays: birthdaysBetween(ctx, monday, shiftDate(monday, 7), 20),
    receivables: receivablesSummary(ctx, today, me),
    backup: { lastAt: backup.last?.createdAt ?? null, tooOld: backup.tooOld, error: backup.lastError !== null },
  };
}
