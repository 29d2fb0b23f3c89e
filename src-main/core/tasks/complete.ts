import { and, eq, isNull } from 'drizzle-orm';
import { history, tasks, taskTypes, taskReminders, deals } from '../db/schema';
import { isoNow, type Ctx } from '../context';
import { newId } from '../ids';
import { AppError, NotFoundError } from '../errors';
import type { LoggedHistoryKind } from '../db/schema/enums';

// Completing a task asks for a short result; it goes into the client's history so
// the timeline tells what was agreed. A task of a deal writes history.deal_id too, so
// the entry shows on the deal card as well as on the client card.

const HISTORY_KIND: Record<string, LoggedHistoryKind> = {
  call: 'call',
  meeting: 'meeting',
  showing: 'meeting',
  email: 'email',
};

export function completeTask(ctx: Ctx, id: string, input: { result: string | null; spentMin: number | null }) {
  const t = ctx.db
    .select({ task: tasks, typeCode: taskTypes.code })
    .from(tasks)
    .innerJoin(taskTypes, eq(taskTypes.id, tasks.typeId))
    .where(eq(tasks.id, id))
    .get();
  if (!t || t.task.archivedAt) throw new NotFoundError('task', id);
  if (t.task.doneAt) throw new AppError('tasks.already_done', 'The task is already done');
  const now = isoNow(ctx);
  let historyId: string | null = null;
  const clientId = historyClientOf(ctx, t.task);
  ctx.ws.sqlite.transaction(() => {
    ctx.db
      .update(tasks)
      .set({ doneAt: now, result: input.result, spentMin: input.spentMin, updatedAt: now })
      .where(eq(tasks.id, id))
      .run();
    ctx.db
      .update(taskReminders)
      .set({ dismissedAt: now })
      .where(and(eq(taskReminders.taskId, id), isNull(taskReminders.dismissedAt)))
      .run();
    if (clientId) {
      historyId = newId();
      ctx.db
        .insert(history)
        .values({
          id: historyId,
          clientId,
          contactId: t.task.contactId,
          dealId: t.task.dealId,
          kind: HISTORY_KIND[t.typeCode ?? ''] ?? 'note',
          occurredAt: now,
          durationMin: input.spentMin,
          text: input.result ? `${t.task.title}\n${input.result}` : t.task.title,
          authorId: ctx.userId,
          createdAt: now,
          updatedAt: now,
          createdBy: ctx.userId,
        })
        .run();
    }
  })();
  return { id, historyId };
}

/**
 * Opens a done task again. Right after completing (the toast's Undo) the history
 * entry written by the completion goes too; a later reopen keeps it (it happened).
 */
export function reopenTask(ctx: Ctx, id: string, undoHistoryId: string | null) {
  const t = ctx.db.select({ clientId: tasks.clientId, dealId: tasks.dealId }).from(tasks).where(and(eq(tasks.id, id), isNull(tasks.archivedAt))).get();
  if (!t) throw new NotFoundError('task', id);
  const clientId = historyClientOf(ctx, t);
  ctx.ws.sqlite.transaction(() => {
    ctx.db.update(tasks).set({ doneAt: null, result: null, spentMin: null, updatedAt: isoNow(ctx) }).where(eq(tasks.id, id)).run();
    if (undoHistoryId && clientId) {
      ctx.db.delete(history).where(and(eq(history.id, undoHistoryId), eq(history.clientId, clientId))).run();
    }
  })();
  return { id };
}

/** Whose history a task's result goes into: its client's, or (a task saved before deals checked clients) its deal's client's. */
function historyClientOf(ctx: Ctx, t: { clientId: string | null; dealId: string | null }): string | null {
  if (t.clientId || !t.dealId) return t.clientId;
  return ctx.db.select({ clientId: deals.clientId }).from(deals).where(eq(deals.id, t.dealId)).get()?.clientId ?? null;
}
