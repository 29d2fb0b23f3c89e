import { z } from 'zod';
import type { Ctx } from '../context';
import { prepared } from '../db/statements';

// Workspace-wide receivables settings, in `meta` like every workspace setting: default
// payment days, the deal warning's threshold, and our own requisites for the letters,
// the claim and the reconciliation statement.

const text = (max: number) => z.string().trim().max(max).default('');

export const receivablesSettingsInput = z.object({
  /** Payment days for documents of clients and contracts without their own. */
  paymentDays: z.number().int().min(0).max(3650),
  /** A deal warns when its client has debt overdue more than this many days. */
  warnOverdueDays: z.number().int().min(0).max(3650),
  company: z
    .object({
      name: text(300),
      inn: text(12),
      kpp: text(9),
      address: text(500),
      bank: text(500),
      signer: text(200),
      phone: text(100),
    })
    .default({ name: '', inn: '', kpp: '', address: '', bank: '', signer: '', phone: '' }),
});
export type ReceivablesSettings = z.output<typeof receivablesSettingsInput>;

const KEY = 'receivables.settings';
const DEFAULTS: ReceivablesSettings = receivablesSettingsInput.parse({ paymentDays: 0, warnOverdueDays: 30 });

export function receivablesSettings(ctx: Ctx): ReceivablesSettings {
  const row = prepared<{ value: string }>(ctx.ws.sqlite, `SELECT value FROM meta WHERE key = ?`).get(KEY);
  if (!row) return DEFAULTS;
  try {
    const parsed = receivablesSettingsInput.safeParse(JSON.parse(row.value));
    return parsed.success ? parsed.data : DEFAULTS;
  } catch {
    return DEFAULTS;
  }
}

export function setReceivablesSettings(ctx: Ctx, s: ReceivablesSettings): ReceivablesSettings {
  prepared(ctx.ws.sqlite, `INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`).run(KEY, JSON.stringify(s));
  return receivablesSettings(ctx);
}
