import type { Ctx } from '../../context';
import { ValidationError } from '../../errors';
import { listQuery, type ListQuery } from '../../clients/schemas';
import { filterSql, SEARCH_CAP } from '../../clients/list';
import { visibleClients } from '../../access/visibility';
import { searchClientSeqs } from '../../search/client-search';
import { formatPhone } from '../../validation/contact-points';
import { clientFieldDefs, KIND_EXPORT, RELATION_EXPORT, STATUS_EXPORT } from '../entities/client-fields';
import { CONTACT_FIELDS } from '../entities/contacts';
import type { ExportEntity, ExportValue, FieldDef } from '../entities/types';

const PAGE = 1000;

// One page of clients with their own phones/e-mails, tags and custom values.
const CLIENT_PAGE_SQL = `
  SELECT c.*, u.name AS responsible,
    (SELECT json_group_array(p.digits) FROM (SELECT digits FROM phones p WHERE p.client_id = c.id AND p.contact_id IS NULL ORDER BY p.sort) p) AS phones,
    (SELECT json_group_array(e.address) FROM (SELECT address FROM emails e WHERE e.client_id = c.id AND e.contact_id IS NULL ORDER BY e.sort) e) AS emails,
    (SELECT json_group_array(t.name) FROM (SELECT t.name FROM client_tags ct JOIN tags t ON t.id = ct.tag_id WHERE ct.client_id = c.id ORDER BY t.name) t) AS tags,
    (SELECT json_group_object(v.field_id, v.value) FROM client_custom_values v WHERE v.client_id = c.id) AS custom,
    (SELECT k.name FROM contacts k WHERE k.client_id = c.id AND k.archived_at IS NULL ORDER BY k.created_at LIMIT 1) AS contact_name
  FROM json_each(?) j JOIN clients c ON c.seq = j.value LEFT JOIN users u ON u.id = c.responsible_id
  ORDER BY j.key`;

const CAMEL: Record<string, string> = {
  fullName: 'full_name', lastName: 'last_name', firstName: 'first_name', middleName: 'middle_name', legalAddress: 'legal_address',
  actualAddress: 'actual_address', bankName: 'bank_name', bankBik: 'bank_bik', bankAccount: 'bank_account', bankCorrAccount: 'bank_corr_account',
};

function* seqPages(ctx: Ctx, q: ListQuery): Generator<number[]> {
  const sqlite = ctx.ws.sqlite;
  const filter = filterSql(q, 'probe', visibleClients(ctx, 'c'));
  if (q.search.trim()) {
    // The list shows at most SEARCH_CAP best matches for a search; the export writes the same.
    const seqs = searchClientSeqs(sqlite, q.search, filter, SEARCH_CAP);
    for (let i = 0; i < seqs.length; i += PAGE) yield seqs.slice(i, i + PAGE);
    return;
  }
  const stmt = sqlite.prepare(`SELECT c.seq FROM clients c WHERE ${filter.where.join(' AND ')} AND c.seq > ? ORDER BY c.seq LIMIT ${PAGE}`).pluck(true);
  let after = 0;
  for (;;) {
    const seqs = stmt.all(...filter.params, after) as number[];
    if (seqs.length === 0) return;
    yield seqs;
    after = seqs[seqs.length - 1]!;
  }
}

export const clientsExport: ExportEntity<ListQuery> = {
  key: 'clients',
  title: 'Клиенты',
  vcard: true,
  fields: (ctx) => clientFieldDefs(ctx),
  parseQuery: (raw) => {
    const r = listQuery.safeParse(raw ?? {});
    if (!r.success) throw new ValidationError(r.error.issues.map((i) => ({ field: `query.${i.path.join('.')}`, code: 'invalid' })));
    return r.data;
  },
  *rows(ctx: Ctx, q: ListQuery) {
    const sqlite = ctx.ws.sqlite;
    const page = sqlite.prepare(CLIENT_PAGE_SQL);
    for (const seqs of seqPages(ctx, q)) {
      for (const r of page.all(JSON.stringify(seqs)) as Record<string, unknown>[]) {
        const out: Record<string, ExportValue> = {};
        for (const [k, v] of Object.entries(r)) if (typeof v === 'string' || typeof v === 'number' || v === null) out[k] = v;
        for (const [camel, col] of Object.entries(CAMEL)) out[camel] = r[col] as ExportValue;
        out.kind = KIND_EXPORT[r.kind as keyof typeof KIND_EXPORT];
        out.relation = RELATION_EXPORT[r.relation as string] ?? (r.relation as string);
        out.status = STATUS_EXPORT[r.status as string] ?? (r.status as string);
        out.phones = (JSON.parse(r.phones as string) as string[]).map(formatPhone);
        out.emails = JSON.parse(r.emails as string) as string[];
        out.tags = JSON.parse(r.tags as string) as string[];
        out.contactName = r.contact_name as string | null;
        for (const [fieldId, value] of Object.entries(JSON.parse((r.custom as string) ?? '{}') as Record<string, string>)) out[`custom:${fieldId}`] = value;
        yield out;
      }
    }
  },
};

export const contactsExport: ExportEntity<{ clientId?: string | null }> = {
  key: 'contacts',
  title: 'Контактные лица',
  vcard: true,
  fields: (): FieldDef[] => CONTACT_FIELDS,
  parseQuery: (raw) => {
    const o = (raw ?? {}) as { clientId?: unknown };
    return { clientId: typeof o.clientId === 'string' ? o.clientId : null };
  },
  *rows(ctx: Ctx, q) {
    const sqlite = ctx.ws.sqlite;
    const visible = visibleClients(ctx, 'c');
    const stmt = sqlite.prepare(`
      SELECT k.rowid AS rid, k.name, k.position, k.birthday, k.notes, c.name AS clientName, c.inn AS clientInn,
        (SELECT json_group_array(p.digits) FROM (SELECT digits FROM phones p WHERE p.contact_id = k.id ORDER BY p.sort) p) AS phones,
        (SELECT json_group_array(e.address) FROM (SELECT address FROM emails e WHERE e.contact_id = k.id ORDER BY e.sort) e) AS emails
      FROM contacts k JOIN clients c ON c.id = k.client_id
      WHERE k.archived_at IS NULL AND c.archived_at IS NULL AND (? IS NULL OR k.client_id = ?) AND ${visible.sql} AND k.rowid > ?
      ORDER BY k.rowid LIMIT ${PAGE}`);
    let after = 0;
    for (;;) {
      const rows = stmt.all(q.clientId ?? null, q.clientId ?? null, ...visible.params, after) as Record<string, unknown>[];
      if (rows.length === 0) return;
      for (const r of rows) {
        yield {
          clientName: r.clientName as string,
          clientInn: r.clientInn as string | null,
          name: r.name as string,
          position: r.position as string | null,
          birthday: r.birthday as string | null,
          notes: r.notes as string | null,
          phones: (JSON.parse(r.phones as string) as string[]).map(formatPhone),
          emails: JSON.parse(r.emails as string) as string[],
        };
      }
      after = rows[rows.length - 1]!.rid as number;
    }
  },
};
