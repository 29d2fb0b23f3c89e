import { z } from 'zod';
import type { Ctx } from '../context';
import { isoNow } from '../context';
import { prepared } from '../db/statements';
import { NotFoundError } from '../errors';
import { newId } from '../ids';
import { requireClientVisible } from '../access/visibility';
import { id, kopecks } from '../validation/rules';
import { receivablesSettings } from './settings';

// Payment terms: days of deferral per contract, else per client, else the workspace's
// (settings.ts); a credit limit per client.

const days = z.number().int().min(0).max(3650).nullable();

export const clientTermsInput = z.object({ clientId: id, paymentDays: days, creditLimitKopecks: kopecks.nullable() });
export const contractTermsInput = z.object({ contractId: id, paymentDays: days });

export interface ClientTerms {
  /** The client's own days; null: the workspace's. */
  paymentDays: number | null;
  /** What applies (own or the workspace's). */
  effectiveDays: number;
  creditLimitKopecks: number | null;
  contracts: { id: string; name: string; paymentDays: number | null }[];
}

export function clientTerms(ctx: Ctx, clientId: string): ClientTerms {
  requireClientVisible(ctx, clientId);
  const t = prepared<{ paymentDays: number | null; creditLimitKopecks: number | null }>(
    ctx.ws.sqlite,
    `SELECT payment_days AS paymentDays, credit_limit_kopecks AS creditLimitKopecks FROM client_credit_terms WHERE client_id = ?`,
  ).get(clientId);
  const contracts = prepared<{ id: string; name: string; paymentDays: number | null }>(
    ctx.ws.sqlite,
    `SELECT id, name, payment_days AS paymentDays FROM receivable_contracts WHERE client_id = ? ORDER BY name`,
  ).all(clientId);
  const paymentDays = t?.paymentDays ?? null;
  return { paymentDays, effectiveDays: paymentDays ?? receivablesSettings(ctx).paymentDays, creditLimitKopecks: t?.creditLimitKopecks ?? null, contracts };
}

export function setClientTerms(ctx: Ctx, input: z.output<typeof clientTermsInput>): ClientTerms {
  requireClientVisible(ctx, input.clientId);
  prepared(
    ctx.ws.sqlite,
    `INSERT INTO client_credit_terms (client_id, payment_days, credit_limit_kopecks, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT(client_id) DO UPDATE SET payment_days = excluded.payment_days, credit_limit_kopecks = excluded.credit_limit_kopecks, updated_at = excluded.updated_at`,
  ).run(input.clientId, input.paymentDays, input.creditLimitKopecks, isoNow(ctx));
  return clientTerms(ctx, input.clientId);
}

export function setContractTerms(ctx: Ctx, input: z.output<typeof contractTermsInput>): ClientTerms {
  const c = prepared<{ clientId: string }>(ctx.ws.sqlite, `SELECT client_id AS clientId FROM receivable_contracts WHERE id = ?`).get(input.contractId);
  if (!c) throw new NotFoundError('contract', input.contractId);
  requireClientVisible(ctx, c.clientId);
  prepared(ctx.ws.sqlite, `UPDATE receivable_contracts SET payment_days = ?, updated_at = ? WHERE id = ?`).run(input.paymentDays, isoNow(ctx), input.contractId);
  return clientTerms(ctx, c.clientId);
}

/** The client's contract of this name, created (with the client's terms) when new. */
export function ensureContract(ctx: Ctx, clientId: string, name: string): string {
  const found = prepared<{ id: string }>(ctx.ws.sqlite, `SELECT id FROM receivable_contracts WHERE client_id = ? AND name = ?`).get(clientId, name);
  if (found) return found.id;
  const cid = newId();
  const at = isoNow(ctx);
  prepared(
    ctx.ws.sqlite,
    `INSERT INTO receivable_contracts (id, client_id, name, payment_days, created_at, updated_at, created_by) VALUES (?, ?, ?, NULL, ?, ?, ?)`,
  ).run(cid, clientId, name, at, at, ctx.userId);
  return cid;
}
