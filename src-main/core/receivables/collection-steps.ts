import { z } from 'zod';
import type { Ctx } from '../context';
import { isoNow } from '../context';
import { prepared } from '../db/statements';
import { newId } from '../ids';
import { COLLECTION_ACTIONS, type CollectionAction } from '../db/schema/enums';
import type { CollectionStep } from '../db/schema/receivables';

// The collection scenario (Settings → Дебиторка): on day N after a document's due date,
// a call task for the responsible manager, a reminder letter or a claim. A workspace
// starts with day 1 call, day 7 letter, day 30 claim; the user edits the list.

const SEEDED = 'receivables.stepsSeeded';
const DEFAULT_STEPS: { day: number; action: CollectionAction }[] = [
  { day: 1, action: 'task' },
  { day: 7, action: 'letter' },
  { day: 30, action: 'claim' },
];

export const stepInput = z.object({
  id: z.string().min(1).max(64).nullish(),
  day: z.number().int().min(0).max(3650),
  action: z.enum(COLLECTION_ACTIONS),
  title: z.string().trim().max(200).default(''),
  active: z.boolean().default(true),
});
export type StepInput = z.output<typeof stepInput>;

/** The default steps, once per workspace (a user who deletes them all keeps none). */
export function ensureDefaultSteps(ctx: Ctx): void {
  if (prepared(ctx.ws.sqlite, `SELECT 1 FROM meta WHERE key = ?`).get(SEEDED)) return;
  const at = isoNow(ctx);
  const insert = prepared(
    ctx.ws.sqlite,
    `INSERT INTO collection_steps (id, day, action, title, position, active, created_at, updated_at, created_by) VALUES (?, ?, ?, '', ?, 1, ?, ?, ?)`,
  );
  DEFAULT_STEPS.forEach((s, i) => insert.run(newId(), s.day, s.action, i, at, at, ctx.userId));
  prepared(ctx.ws.sqlite, `INSERT INTO meta (key, value) VALUES (?, '1')`).run(SEEDED);
}

export function listSteps(ctx: Ctx): CollectionStep[] {
  return prepared<Omit<CollectionStep, 'active'> & { active: number }>(
    ctx.ws.sqlite,
    `SELECT id, day, action, title, position, active, created_at AS createdAt, updated_at AS updatedAt, created_by AS createdBy
       FROM collection_steps ORDER BY day, position, id`,
  )
    .all()
    .map((s) => ({ ...s, active: !!s.active }));
}

/**
 * Replaces the scenario with `steps` (kept ids are updated, so what was done for a step
 * stays done; missing ones are deleted with their record of what was done).
 */
export function saveSteps(ctx: Ctx, steps: StepInput[]): CollectionStep[] {
  ensureDefaultSteps(ctx);
  const at = isoNow(ctx);
  const sqlite = ctx.ws.sqlite;
  const kept = new Set(steps.map((s) => s.id).filter((x): x is string => !!x));
  for (const old of listSteps(ctx)) if (!kept.has(old.id)) prepared(sqlite, `DELETE FROM collection_steps WHERE id = ?`).run(old.id);
  steps.forEach((s, position) => {
    const r = s.id
      ? prepared(sqlite, `UPDATE collection_steps SET day = ?, action = ?, title = ?, position = ?, active = ?, updated_at = ? WHERE id = ?`).run(
          s.day, s.action, s.title, position, s.active ? 1 : 0, at, s.id,
        )
      : { changes: 0 };
    if (r.changes === 0) {
      prepared(
        sqlite,
        `INSERT INTO collection_steps (id, day, action, title, position, active, created_at, updated_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(newId(), s.day, s.action, s.title, position, s.active ? 1 : 0, at, at, ctx.userId);
    }
  });
  return listSteps(ctx);
}

export interface NextStep {
  clientId: string;
  stepId: string;
  day: number;
  action: CollectionAction;
  title: string;
  /** The calendar date the step falls due: the oldest overdue document's due date + day. */
  date: string;
}

/**
 * Per client, the next step not done yet for its oldest unpaid document (by due date):
 * what the report's "next collection step" column shows.
 */
export function nextSteps(ctx: Ctx, docs: { clientId: string; documentId: string; due: string }[]): Map<string, NextStep> {
  const steps = listSteps(ctx).filter((s) => s.active);
  const out = new Map<string, NextStep>();
  if (steps.length === 0) return out;
  const oldest = new Map<string, { documentId: string; due: string }>();
  for (const d of docs) {
    const o = oldest.get(d.clientId);
    if (!o || d.due < o.due) oldest.set(d.clientId, d);
  }
  const done = prepared<{ documentId: string; stepId: string }>(
    ctx.ws.sqlite,
    `SELECT document_id AS documentId, step_id AS stepId FROM collection_actions WHERE document_id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify([...oldest.values()].map((o) => o.documentId)));
  const doneSet = new Set(done.map((d) => `${d.documentId}\u0000${d.stepId}`));
  for (const [clientId, o] of oldest) {
    const step = steps.find((s) => !doneSet.has(`${o.documentId}\u0000${s.id}`));
    if (step) out.set(clientId, { clientId, stepId: step.id, day: step.day, action: step.action, title: step.title, date: addDays(o.due, step.day) });
  }
  return out;
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
