import { and, eq, isNull } from 'drizzle-orm';
import { history } from '../db/schema';
import { isoNow, type Ctx } from '../context';
import { newId } from '../ids';
import { AppError, NotFoundError } from '../errors';
import { tasks, taskTypes, taskReminders } from './tables';

// Completing a task asks for a short result; it goes into the client's history so
// the timeline tells what was agreed. (The deals capability adds history.deal_id;
// when it lands, the task's deal_id is written there too — see deal-hooks.ts.)

const HISTORY_KIND: Record<string, 'call' | 'meeting' | 'email' | 'note'> = {
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
    if (t.task.clientId) {
      historyId = newId();
      ctx.db
        .insert(history)
        .values({
          id: historyId,
          clientId: t.task.clientId,
          contactId: t.task.contactId,
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
  const t = ctx.db.select({ clientId: tasks.clientId }).from(tasks).where(and(eq(tasks.id, id), isNull(tasks.archivedAt))).get();
  if (!t) throw new NotFoundError('task', id);
  ctx.ws.sqlite.transaction(() => {
    ctx.db.update(tasks).set({ doneAt: null, result: null, spentMin: null, updatedAt: isoNow(ctx) }).where(eq(tasks.id, id)).run();
    if (undoHistoryId && t.clientId) {
      ctx.db.delete(history).where(and(eq(history.id, undoHistoryId), eq(history.clientId, t.clientId))).run();
    }
  })();
  return { id };
}
