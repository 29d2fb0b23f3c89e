import { sqliteTable, text, integer, index, uniqueIndex, primaryKey } from 'drizzle-orm/sqlite-core';
import { deals } from '../deals/tables';

// Ids are UUIDv7 text (time-sortable, globally unique) so records can move between
// workspaces and replicate later. Timestamps are ISO-8601 UTC strings.
const id = () => text('id').primaryKey();
// Tables indexed by FTS carry an INTEGER PRIMARY KEY (a rowid alias): VACUUM may
// renumber implicit rowids, which would silently detach the search index.
const seq = () => integer('seq').primaryKey({ autoIncrement: false });
const publicId = () => text('id').notNull().unique();
const timestamps = {
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
  createdBy: text('created_by'),
};

export const meta = sqliteTable('meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

export const users = sqliteTable('users', {
  id: id(),
  name: text('name').notNull(),
  email: text('email'),
  color: text('color').notNull().default('#4c6ef5'),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  ...timestamps,
});

export const clients = sqliteTable(
  'clients',
  {
    seq: seq(),
    id: publicId(),
    kind: text('kind', { enum: ['person', 'organization', 'sole_trader'] }).notNull(),
    name: text('name').notNull(),
    // Folded name (lower case, ё→е, punctuation and a leading legal form dropped):
    // the list's sort order and the search's name-prefix tier (text/fold.ts sortKey).
    nameKey: text('name_key').notNull(),
    fullName: text('full_name'),
    lastName: text('last_name'),
    firstName: text('first_name'),
    middleName: text('middle_name'),
    relation: text('relation', {
      enum: ['client', 'prospect', 'partner', 'agent', 'supplier', 'competitor'],
    })
      .notNull()
      .default('client'),
    status: text('status', { enum: ['active', 'inactive', 'blocked'] }).notNull().default('active'),
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
    ...timestamps,
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
    ...timestamps,
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
    index('phones_digits_idx').on(t.digits),
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
    index('emails_key_idx').on(t.addressKey),
    index('emails_client_idx').on(t.clientId),
    index('emails_contact_idx').on(t.contactId),
  ],
);

export const tags = sqliteTable(
  'tags',
  {
    id: id(),
    name: text('name').notNull(),
    color: text('color').notNull().default('#868e96'),
    ...timestamps,
  },
  (t) => [uniqueIndex('tags_name_idx').on(t.name)],
);

export const clientTags = sqliteTable(
  'client_tags',
  {
    clientId: text('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    tagId: text('tag_id')
      .notNull()
      .references(() => tags.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.clientId, t.tagId] }), index('client_tags_tag_idx').on(t.tagId, t.clientId)],
);

export const customFields = sqliteTable('custom_fields', {
  id: id(),
  entity: text('entity', { enum: ['client', 'deal'] }).notNull(),
  name: text('name').notNull(),
  type: text('type', { enum: ['text', 'number', 'date', 'select', 'checkbox'] }).notNull(),
  // JSON array of option labels for 'select'.
  options: text('options').notNull().default('[]'),
  sort: integer('sort').notNull().default(0),
  archivedAt: text('archived_at'),
  ...timestamps,
});

export const clientCustomValues = sqliteTable(
  'client_custom_values',
  {
    clientId: text('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    fieldId: text('field_id')
      .notNull()
      .references(() => customFields.id, { onDelete: 'cascade' }),
    value: text('value').notNull(),
  },
  (t) => [primaryKey({ columns: [t.clientId, t.fieldId] }), index('ccv_field_value_idx').on(t.fieldId, t.value)],
);

export const history = sqliteTable(
  'history',
  {
    id: id(),
    clientId: text('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    contactId: text('contact_id').references(() => contacts.id, { onDelete: 'set null' }),
    // Entries logged on a deal show on the deal card and on its client's card.
    dealId: text('deal_id').references(() => deals.id, { onDelete: 'set null' }),
    kind: text('kind', { enum: ['note', 'call', 'meeting', 'email', 'system'] }).notNull(),
    direction: text('direction', { enum: ['in', 'out'] }),
    occurredAt: text('occurred_at').notNull(),
    durationMin: integer('duration_min'),
    text: text('text').notNull(),
    authorId: text('author_id').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
  },
  (t) => [
    index('history_client_idx').on(t.clientId, t.occurredAt),
    index('history_contact_idx').on(t.contactId),
    index('history_author_idx').on(t.authorId),
    index('history_deal_idx').on(t.dealId, t.occurredAt),
  ],
);
