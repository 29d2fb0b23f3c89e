import { z } from 'zod';
import type { Ctx } from '../../context';
import { ValidationError } from '../../errors';
import { dealFilter, DEAL_SORTS, DEAL_STATUSES } from '../../deals/schemas';
import { optionalId } from '../../validation/rules';
import { SORT_SQL, whereOf, type DealListQuery } from '../../deals/list';
import { formatPhone } from '../../validation/contact-points';
import { dealFieldDefs, STATUS_EXPORT } from '../entities/deal-fields';
import type { ExportEntity, ExportValue } from '../entities/types';

const PAGE = 1000;

// The deal list's query: the pipeline shown, the status tab, the filters and the sort.
const dealExportQuery = z.object({
  pipelineId: optionalId,
  status: z.enum(DEAL_STATUSES).default('all'),
  filter: dealFilter,
  sort: z.enum(DEAL_SORTS).default('updatedAt'),
  desc: z.boolean().default(true),
});

const PAGE_SQL = `
  SELECT d.*, c.name AS client_name, c.inn AS client_inn, pl.name AS pipeline_name, st.name AS stage_name, st.kind AS stage_kind,
    u.name AS responsible_name, lr.name AS lost_reason_name,
    (SELECT p.digits FROM phones p WHERE p.client_id = c.id AND p.contact_id IS NULL ORDER BY p.sort LIMIT 1) AS client_phone,
    (SELECT e.address FROM emails e WHERE e.client_id = c.id AND e.contact_id IS NULL ORDER BY e.sort LIMIT 1) AS client_email,
    (SELECT json_group_object(v.field_id, v.value) FROM deal_custom_values v WHERE v.deal_id = d.id) AS custom
  FROM json_each(?) j JOIN deals d ON d.id = j.value JOIN clients c ON c.id = d.client_id JOIN pipelines pl ON pl.id = d.pipeline_id
    JOIN stages st ON st.id = d.stage_id LEFT JOIN users u ON u.id = d.responsible_id LEFT JOIN lost_reasons lr ON lr.id = d.lost_reason_id
  ORDER BY j.key`;

/** Deals as the list shows them (same conditions and order), in pages of full rows. */
export const dealsExport: ExportEntity<DealListQuery> = {
  key: 'deals',
  title: 'Сделки',
  vcard: false,
  fields: dealFieldDefs,
  parseQuery: (raw) => {
    const r = dealExportQuery.safeParse(raw ?? {});
    if (!r.success) throw new ValidationError(r.error.issues.map((i) => ({ field: `query.${i.path.join('.')}`, code: 'invalid' })));
    return r.data;
  },
  *rows(ctx: Ctx, q: DealListQuery) {
    const sqlite = ctx.ws.sqlite;
    const { where, params } = whereOf(ctx, q);
    const dir = q.desc ? 'DESC' : 'ASC';
    const ids = sqlite
      .prepare(`SELECT d.id FROM deals d JOIN stages st ON st.id = d.stage_id WHERE ${where} ORDER BY ${SORT_SQL[q.sort]} ${dir}, d.id ${dir}`)
      .pluck(true)
      .all(...params) as string[];
    const page = sqlite.prepare(PAGE_SQL);
    for (let i = 0; i < ids.length; i += PAGE) {
      for (const r of page.all(JSON.stringify(ids.slice(i, i + PAGE))) as Record<string, unknown>[]) {
        const kind = r.stage_kind as keyof typeof STATUS_EXPORT;
        const out: Record<string, ExportValue> = {
          title: r.title as string,
          client: r.client_name as string,
          clientTaxId: r.client_inn as string | null,
          clientPhone: r.client_phone ? [formatPhone(r.client_phone as string)] : [],
          clientEmail: r.client_email as string | null,
          pipeline: r.pipeline_name as string,
          stage: r.stage_name as string,
          outcome: STATUS_EXPORT[kind],
          amount: r.amount_kopecks as number,
          currency: r.currency as string,
          expectedClose: r.expected_close as string | null,
          responsible: r.responsible_name as string | null,
          source: r.source as string | null,
          description: r.description as string | null,
          lostReason: kind === 'lost' ? (r.lost_reason_name as string | null) : null,
          lostComment: kind === 'lost' ? (r.lost_comment as string | null) : null,
        };
        for (const [fieldId, value] of Object.entries(JSON.parse((r.custom as string) ?? '{}') as Record<string, string>)) out[`custom:${fieldId}`] = value;
        yield out;
      }
    }
  },
};
