import type { Ctx } from '../context';
import { prepared } from '../db/statements';
import { createTask } from '../tasks/write';

// A task the core sets for the client's responsible manager (else for the user on whose
// behalf the core acts): a call about a debt, a broken promise.

export function taskForResponsible(ctx: Ctx, clientId: string, title: string, description: string, day: string, tz: string): string {
  const c = prepared<{ responsibleId: string | null }>(ctx.ws.sqlite, `SELECT responsible_id AS responsibleId FROM clients WHERE id = ?`).get(clientId);
  return createTask(
    ctx,
    {
      title: title.slice(0, 500),
      typeId: 'tasktype-call',
      allDay: true,
      startsAt: day,
      dueAt: null,
      durationMin: null,
      assigneeId: c?.responsibleId ?? ctx.userId,
      clientId,
      contactId: null,
      dealId: null,
      priority: 'high',
      description,
      reminders: [],
      recurrence: null,
    },
    tz,
  ).id;
}
