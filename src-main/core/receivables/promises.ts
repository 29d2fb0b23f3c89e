import { z } from 'zod';
import type { Ctx } from '../context';
import { isoNow } from '../context';
import { prepared } from '../db/statements';
import { newId } from '../ids';
import { NotFoundError } from '../errors';
import { requireClientVisible } from '../access/visibility';
import { calendarDate, id, kopecks } from '../validation/rules';
import { logHistoryEvent } from '../history/events';
import { message } from '../../shared/i18n/translate';
import type { UiLanguage } from '../../shared/i18n/languages';
import { taskForResponsible } from './manager-task';
import { formatMoney, formatDate } from './format';

// Promises to pay. A promise is kept once payments dated from the day it was taken up
// to the promised date add up to its amount; it is broken once the promised date has
// passed without that, and the client's responsible manager gets a task at once (the
// next scheduler tick). Each change is a typed entry in the client's history.

export const promiseInput = z.object({
  clientId: id,
  promisedDate: calendarDate,
  amountKopecks: kopecks.refine((v) => v > 0, 'receivables.amount_positive'),
  comment: z.string().trim().max(2000).nullish().transform((v) => v || null),
});

export function takePromise(ctx: Ctx, input: z.output<typeof promiseInput>): { id: string } {
  requireClientVisible(ctx, input.clientId);
  const pid = newId();
  const at = isoNow(ctx);
  prepared(
    ctx.ws.sqlite,
    `INSERT INTO payment_promises (id, client_id, promised_date, amount_kopecks, taken_by, taken_at, status, comment) VALUES (?, ?, ?, ?, ?, ?, 'open', ?)`,
  ).run(pid, input.clientId, input.promisedDate, input.amountKopecks, ctx.userId, at, input.comment);
  logHistoryEvent(ctx, { clientId: input.clientId, at }, { type: 'promise_taken', title: input.promisedDate, amountKopecks: String(input.amountKopecks) });
  return { id: pid };
}

export function deletePromise(ctx: Ctx, promiseId: string): { ok: true } {
  const p = prepared<{ clientId: string }>(ctx.ws.sqlite, `SELECT client_id AS clientId FROM payment_promises WHERE id = ?`).get(promiseId);
  if (!p) throw new NotFoundError('promise', promiseId);
  requireClientVisible(ctx, p.clientId);
  prepared(ctx.ws.sqlite, `DELETE FROM payment_promises WHERE id = ?`).run(promiseId);
  return { ok: true };
}

interface OpenPromise {
  id: string;
  clientId: string;
  client: string;
  promisedDate: string;
  amount: number;
  takenAt: string;
  paid: number;
}

/**
 * Marks open promises kept or broken as of `today` (the local date); a broken one makes
 * a task for the responsible manager. Returns what changed. Idempotent: a resolved
 * promise is never looked at again.
 */
export function resolvePromises(ctx: Ctx, today: string, tz: string, lang: UiLanguage, clientId?: string): { kept: number; broken: number } {
  const rows = prepared<OpenPromise>(
    ctx.ws.sqlite,
    `SELECT p.id, p.client_id AS clientId, c.name AS client, p.promised_date AS promisedDate, p.amount_kopecks AS amount, p.taken_at AS takenAt,
            coalesce((SELECT sum(r.amount_kopecks) FROM receivable_payments r
                       WHERE r.client_id = p.client_id AND r.source != 'advance' AND r.date >= substr(p.taken_at, 1, 10) AND r.date <= p.promised_date), 0) AS paid
       FROM payment_promises p JOIN clients c ON c.id = p.client_id
      WHERE p.status = 'open' AND (@clientId IS NULL OR p.client_id = @clientId)`,
  ).all({ clientId: clientId ?? null });
  const at = isoNow(ctx);
  const set = prepared(ctx.ws.sqlite, `UPDATE payment_promises SET status = ?, resolved_at = ?, task_id = ? WHERE id = ? AND status = 'open'`);
  const out = { kept: 0, broken: 0 };
  for (const p of rows) {
    const details = { title: p.promisedDate, amountKopecks: String(p.amount) };
    if (p.paid >= p.amount) {
      set.run('kept', at, null, p.id);
      logHistoryEvent(ctx, { clientId: p.clientId, at }, { type: 'promise_kept', ...details });
      out.kept++;
    } else if (p.promisedDate < today) {
      const amount = formatMoney(p.amount, lang);
      const taskId = taskForResponsible(
        ctx,
        p.clientId,
        message(lang, 'receivables.tasks.promiseBroken', { client: p.client, amount, date: formatDate(p.promisedDate, lang) }),
        message(lang, 'receivables.tasks.promiseBrokenText', { amount, paid: formatMoney(p.paid, lang), date: formatDate(p.promisedDate, lang) }),
        today,
        tz,
      );
      set.run('broken', at, taskId, p.id);
      logHistoryEvent(ctx, { clientId: p.clientId, at }, { type: 'promise_broken', ...details });
      out.broken++;
    }
  }
  return out;
}
