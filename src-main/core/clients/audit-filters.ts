import { z } from 'zod';
import { checkInn, checkOgrn } from '../validation/requisites';

// What makes a client card incomplete or doubtful, as SQL on alias `c`: the base audit
// report counts each problem and its line opens the client list with the same filter.

export const AUDIT_PROBLEMS = ['no_phone', 'no_email', 'no_phone_or_email', 'no_responsible', 'no_inn', 'bad_requisites', 'duplicate', 'inactive'] as const;
export type AuditProblem = (typeof AUDIT_PROBLEMS)[number];

export const auditFilter = z.object({
  problem: z.enum(AUDIT_PROBLEMS),
  /** For `inactive`: no contact since this instant (and the card is older than it). */
  since: z.string().max(40).nullish(),
});
export type AuditFilter = z.output<typeof auditFilter>;

const NO_PHONE = 'NOT EXISTS (SELECT 1 FROM phones p WHERE p.client_id = c.id)';
const NO_EMAIL = 'NOT EXISTS (SELECT 1 FROM emails e WHERE e.client_id = c.id)';

export function auditSql(f: AuditFilter): { sql: string; params: unknown[] } {
  switch (f.problem) {
    case 'no_phone':
      return { sql: NO_PHONE, params: [] };
    case 'no_email':
      return { sql: NO_EMAIL, params: [] };
    case 'no_phone_or_email':
      return { sql: `${NO_PHONE} AND ${NO_EMAIL}`, params: [] };
    case 'no_responsible':
      return { sql: 'c.responsible_id IS NULL', params: [] };
    case 'no_inn':
      return { sql: "c.kind = 'organization' AND c.inn IS NULL", params: [] };
    case 'bad_requisites':
      return { sql: "(c.inn IS NOT NULL OR c.ogrn IS NOT NULL) AND krequisites_ok(c.kind, c.inn, c.ogrn) = 0", params: [] };
    case 'duplicate':
      // Another card in use with the same ИНН, phone number or e-mail.
      return {
        sql: `(EXISTS (SELECT 1 FROM clients o WHERE o.inn = c.inn AND o.id != c.id AND o.archived_at IS NULL)
           OR EXISTS (SELECT 1 FROM phones p JOIN phones q ON q.digits = p.digits AND q.client_id != p.client_id
                        JOIN clients o ON o.id = q.client_id AND o.archived_at IS NULL WHERE p.client_id = c.id)
           OR EXISTS (SELECT 1 FROM emails e JOIN emails f ON f.address_key = e.address_key AND f.client_id != e.client_id
                        JOIN clients o ON o.id = f.client_id AND o.archived_at IS NULL WHERE e.client_id = c.id))`,
        params: [],
      };
    case 'inactive':
      return {
        sql: "c.created_at < ? AND NOT EXISTS (SELECT 1 FROM history h WHERE h.client_id = c.id AND h.kind != 'system' AND h.occurred_at >= ?)",
        params: [f.since ?? '', f.since ?? ''],
      };
  }
}

/** 1 when the client's ИНН and ОГРН pass their checksums for its kind (registered as an SQL function). */
export function requisitesOk(kind: unknown, inn: unknown, ogrn: unknown): number {
  const org = kind === 'organization';
  if (typeof inn === 'string' && checkInn(inn, org ? 10 : 12)) return 0;
  if (typeof ogrn === 'string' && checkOgrn(ogrn, org ? 13 : 15)) return 0;
  return 1;
}
