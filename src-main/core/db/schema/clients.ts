import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { id, publicId, seq, timestamps } from './columns';
import { CLIENT_KINDS, CLIENT_RELATIONS, CLIENT_STATUSES } from './enums';
import { users } from './users';

// Clients and what hangs off a client card: contact persons, phones, e-mails.
// The full-text index over them (client_fts, phone_fts) lives in SQL migrations only.

export const clients = sqliteTable(
  'clients',
  {
    seq: seq(),
    id: publicId(),
    kind: text('kind', { enum: CLIENT_KINDS }).notNull(),
    name: text('name').notNull(),
    // Folded name (lower case, ё→е, punctuation and a leading legal form dropped):
    // the list's sort order and the search's name-prefix tier (text/fold.ts sortKey).
    nameKey: text('name_key').notNull(),
    fullName: text('full_name'),
    lastName: text('last_name'),
    firstName: text('first_name'),
    middleName: text('middle_name'),
    relation: text('relation', { enum: CLIENT_RELATIONS })
      .notNull()
      .default('client'),
    status: text('status', { enum: CLIENT_STATUSES }).notNull().default('active'),
    source: text('source'),
    region: text('region'),
    industry: text('industry'),
    responsibleId: text('responsible_id').references(() => users.id, { onDelete: 'set null' }),
    inn: text('inn'),
    kpp: text('kpp'),
    ogrn: text('ogrn'),
    legalAddress: text('legal_address'),
    actualAddress: text('actual_address'),
    bankName: text('bank_name'),
    bankBik: text('bank_bik'),
    bankAccount: text('bank_account'),
    bankCorrAccount: text('bank_corr_account'),
    birthday: text('birthday'),
    website: text('website'),
    notes: text('notes'),
    archivedAt: text('archived_at'),
    mergedIntoId: text('merged_into_id'),
    // Kept by triggers (migration 0016) for the base-audit and activity reports: the
    // client's phones and e-mails (its contact persons' included) and its latest
    // history entry that is not a system event. Reports read them in one pass over
    // clients instead of probing three tables per client.
    phoneCount: integer('phone_count').notNull().default(0),
    emailCount: integer('email_count').notNull().default(0),
    lastContactAt: text('last_contact_at'),
    // Kept by triggers (migration 0020): 1 when the card's ИНН or ОГРН fails its checksum
    // (krequisites_ok), so the base audit counts them without a JS call per client.
    requisitesBad: integer('requisites_bad').notNull().default(0),
    ...timestamps(),
  },
  (t) => [
    index('clients_name_key_idx').on(t.archivedAt, t.nameKey),
    index('clients_created_idx').on(t.archivedAt, t.createdAt),
    index('clients_updated_idx').on(t.archivedAt, t.updatedAt),
    index('clients_inn_idx').on(t.inn),
    index('clients_responsible_idx').on(t.responsibleId),
    index('clients_region_idx').on(t.region),
    index('clients_kind_idx').on(t.kind),
    index('clients_relation_idx').on(t.relation),
    index('clients_status_idx').on(t.status),
    index('clients_live_idx').on(t.id, t.archivedAt),
  ],
);

export const contacts = sqliteTable(
  'contacts',
  {
    id: id(),
    clientId: text('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    position: text('position'),
    birthday: text('birthday'),
    notes: text('notes'),
    archivedAt: text('archived_at'),
    ...timestamps(),
  },
  (t) => [index('contacts_client_idx').on(t.clientId)],
);

// Phones of clients and of their contact persons (contact_id set) live in one table
// so a caller lookup is a single indexed query.
export const phones = sqliteTable(
  'phones',
  {
    seq: seq(),
    id: publicId(),
    clientId: text('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    contactId: text('contact_id').references(() => contacts.id, { onDelete: 'cascade' }),
    raw: text('raw').notNull(),
    digits: text('digits').notNull(),
    label: text('label'),
    sort: integer('sort').notNull().default(0),
  },
  (t) => [
    // With the client: the duplicates audit finds shared numbers from the index alone.
    index('phones_digits_idx').on(t.digits, t.clientId),
    index('phones_client_idx').on(t.clientId),
    index('phones_contact_idx').on(t.contactId),
  ],
);

export const emails = sqliteTable(
  'emails',
  {
    id: id(),
    clientId: text('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    contactId: text('contact_id').references(() => contacts.id, { onDelete: 'cascade' }),
    address: text('address').notNull(),
    addressKey: text('address_key').notNull(),
    label: text('label'),
    sort: integer('sort').notNull().default(0),
  },
  (t) => [
    index('emails_key_idx').on(t.addressKey, t.clientId),
    index('emails_client_idx').on(t.clientId),
    index('emails_contact_idx').on(t.contactId),
  ],
);

// Row types of the tables above (what a select of all columns returns), for typing raw-SQL rows too.
export type Client = typeof clients.$inferSelect;
export type Contact = typeof contacts.$inferSelect;
export type Phone = typeof phones.$inferSelect;
export type Email = typeof emails.$inferSelect;
