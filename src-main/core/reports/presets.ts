import type { Ctx } from '../context';
import { isoNow } from '../context';
import { prepared } from '../db/statements';
import { newId } from '../ids';
import { NotFoundError } from '../errors';

// A report's settings saved under a name (period kind, filters, grouping), shared by
// everyone using the workspace.

export function listPresets(ctx: Ctx, report: string) {
  return (prepared(ctx.ws.sqlite, 'SELECT id, name, query FROM report_presets WHERE report = ? ORDER BY name').all(report) as { id: string; name: string; query: string }[]).map(
    (p) => ({ id: p.id, name: p.name, query: JSON.parse(p.query) as Record<string, unknown> }),
  );
}

/** Saves under a name; the same name again replaces those settings. */
export function savePreset(ctx: Ctx, report: string, name: string, query: Record<string, unknown>) {
  const now = isoNow(ctx);
  const id = newId();
  prepared(
    ctx.ws.sqlite,
    `INSERT INTO report_presets (id, report, name, query, created_at, updated_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (report, name) DO UPDATE SET query = excluded.query, updated_at = excluded.updated_at`,
  ).run(id, report, name, JSON.stringify(query), now, now, ctx.userId);
  return { ok: true };
}

export function deletePreset(ctx: Ctx, id: string) {
  if (prepared(ctx.ws.sqlite, 'DELETE FROM report_presets WHERE id = ?').run(id).changes === 0) throw new NotFoundError('report_preset', id);
  return { ok: true };
}
