import type { Ctx } from '../context';
import { isoNow } from '../context';
import { prepared } from '../db/statements';
import { newId } from '../ids';
import { logHistoryEvent } from '../history/events';
import { message } from '../../shared/i18n/translate';
import type { UiLanguage } from '../../shared/i18n/languages';
import { OPEN_DOCUMENTS_SQL } from './aging';
import { ensureDefaultSteps, listSteps } from './collection-steps';
import { receivablesSettings } from './settings';
import { taskForResponsible } from './manager-task';
import { formatMoney } from './format';
import type { CollectionStep } from '../db/schema/receivables';

// The collection scenario, run by the core once a day (tick.ts). For each unpaid
// document past its due date, the step due now is the latest active one whose day has
// come and that was not done for it. Per client, one action per step covers all its
// documents at that step: one call task, one letter, one claim — not one per document.
// Earlier steps a document skipped (the app was closed for a week, or the document came
// in already late) are recorded as passed, so they never fire later. A step done for a
// document is never done again (collection_actions is unique per step and document).
// A client with an open promise to pay (its date not passed) is left alone until then.

interface Due {
  id: string;
  clientId: string;
  client: string;
  number: string;
  open: number;
  days: number;
}

export interface CollectionRun {
  tasks: number;
  letters: number;
  claims: number;
}

export function runCollection(ctx: Ctx, today: string, tz: string, lang: UiLanguage): CollectionRun {
  ensureDefaultSteps(ctx);
  const steps = listSteps(ctx).filter((s) => s.active);
  const out: CollectionRun = { tasks: 0, letters: 0, claims: 0 };
  if (steps.length === 0) return out;
  const minDay = Math.min(...steps.map((s) => s.day));
  const due = prepared<Due>(
    ctx.ws.sqlite,
    `${OPEN_DOCUMENTS_SQL}
     SELECT o.id, o.client_id AS clientId, c.name AS client, o.number, o.open, o.days_past_due AS days
       FROM open_docs o JOIN clients c ON c.id = o.client_id
      WHERE o.days_past_due >= @minDay AND c.archived_at IS NULL
        AND NOT EXISTS (SELECT 1 FROM payment_promises pp WHERE pp.client_id = o.client_id AND pp.status = 'open' AND pp.promised_date >= @asOf)
      ORDER BY o.client_id, o.due, o.number`,
  ).all({ asOf: today, defaultDays: receivablesSettings(ctx).paymentDays, minDay });
  if (due.length === 0) return out;
  const done = new Set(
    prepared<{ k: string }>(ctx.ws.sqlite, `SELECT step_id || ':' || document_id AS k FROM collection_actions WHERE document_id IN (SELECT value FROM json_each(?))`)
      .all(JSON.stringify(due.map((d) => d.id)))
      .map((r) => r.k),
  );
  const record = prepared(
    ctx.ws.sqlite,
    `INSERT OR IGNORE INTO collection_actions (id, step_id, client_id, document_id, done_at, task_id, history_id) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const at = isoNow(ctx);
  // client → step → its documents at that step
  const groups = new Map<string, Map<CollectionStep, Due[]>>();
  for (const d of due) {
    const reached = steps.filter((s) => s.day <= d.days && !done.has(`${s.id}:${d.id}`));
    if (reached.length === 0) continue;
    const latest = reached[reached.length - 1]!;
    for (const skipped of reached.slice(0, -1)) record.run(newId(), skipped.id, d.clientId, d.id, at, null, null);
    const byStep = groups.get(d.clientId) ?? new Map<CollectionStep, Due[]>();
    byStep.set(latest, [...(byStep.get(latest) ?? []), d]);
    groups.set(d.clientId, byStep);
  }
  for (const [clientId, byStep] of groups) {
    for (const [step, docs] of byStep) {
      const amount = docs.reduce((n, d) => n + d.open, 0);
      const numbers = docs.map((d) => d.number).join(', ');
      let taskId: string | null = null;
      let historyId: string | null = null;
      if (step.action === 'task') {
        const params = { client: docs[0]!.client, amount: formatMoney(amount, lang), days: Math.max(...docs.map((d) => d.days)), documents: numbers };
        taskId = taskForResponsible(
          ctx,
          clientId,
          step.title ? `${step.title}: ${docs[0]!.client}` : message(lang, 'receivables.tasks.call', params),
          message(lang, 'receivables.tasks.callText', params),
          today,
          tz,
        );
        out.tasks++;
      } else {
        historyId = logHistoryEvent(ctx, { clientId, at }, { type: step.action === 'letter' ? 'collection_letter' : 'collection_claim', title: numbers, amountKopecks: String(amount) });
        if (step.action === 'letter') out.letters++;
        else out.claims++;
      }
      for (const d of docs) record.run(newId(), step.id, clientId, d.id, at, taskId, historyId);
    }
  }
  return out;
}
