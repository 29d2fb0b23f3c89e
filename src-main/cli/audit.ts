import { message } from '../shared/i18n/translate';
import { actionText, detailLines, doorText, targetText, whoText, type Translate } from '../shared/audit-text';
import { foldText } from '../core/text/fold';
import { shiftDate, zonedInstant } from '../core/tasks/time';
import type { AuditEntry } from '../core/audit/list';
import { lang, UsageError, withDoor } from './door';

// `audit`: the audit log, newest first, through `audit.list` like the Журнал screen.
// --user matches a user's name (or login, once users have one); --from/--to are days
// in this PC's zone, both included.

export interface AuditFlags {
  user?: string;
  from?: string;
  to?: string;
  tz?: string;
  json?: boolean;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const PAGE = 500;

function day(name: string, v: string | undefined): string | undefined {
  if (v === undefined) return undefined;
  if (!DAY.test(v) || Number.isNaN(Date.parse(`${v}T00:00:00Z`)) || new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) !== v) {
    throw new UsageError('errors.reportDate', { name, value: v });
  }
  return v;
}

/** One entry as `--json` prints it. */
export function jsonRow(e: AuditEntry) {
  return {
    at: e.at,
    user: e.userName,
    action: e.action,
    target: e.targetType ? { type: e.targetType, id: e.targetId, ids: e.targetIds, count: e.targetCount, name: e.targetName } : null,
    details: e.details,
  };
}

export function auditCommand(db: string | undefined, f: AuditFlags): Promise<number> {
  const tz = f.tz ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const from = day('from', f.from);
  const to = day('to', f.to);
  if (from && to && from > to) throw new UsageError('errors.reportOrder', { from, to });
  return withDoor(db, async ({ call }) => {
    let userId: string | null = null;
    if (f.user !== undefined) {
      const wanted = foldText(f.user.trim());
      const users = (await call('users.list', {})) as { id: string; name: string; login?: string | null }[];
      const found = users.find((u) => (u.login && foldText(u.login) === wanted) || foldText(u.name) === wanted);
      if (!found) throw new UsageError('errors.auditUser', { user: f.user });
      userId = found.id;
    }
    const filter = {
      userId,
      from: from ? zonedInstant(from, 0, 0, tz) : null,
      to: to ? zonedInstant(shiftDate(to, 1), 0, 0, tz) : null,
    };
    const rows: AuditEntry[] = [];
    for (let offset = 0; ; offset += PAGE) {
      const page = await call('audit.list', { filter, offset, limit: PAGE, withTotal: false });
      rows.push(...page.rows);
      if (page.rows.length < PAGE) break;
    }
    if (f.json) {
      console.log(JSON.stringify({ rows: rows.map(jsonRow) }));
      return 0;
    }
    const l = lang();
    const t: Translate = (key, params) => message(l, key, params);
    const when = new Intl.DateTimeFormat(l === 'en' ? 'en-US' : 'ru-RU', { timeZone: tz, dateStyle: 'short', timeStyle: 'medium' });
    for (const e of rows) {
      const head = [when.format(new Date(e.at)), whoText(t, e), `(${doorText(t, e)})`, actionText(t, e.action), targetText(t, e)].filter(Boolean).join('  ');
      console.log(head);
      for (const line of detailLines(t, l, e)) console.log(`    ${line}`);
    }
    return 0;
  });
}
