// Closed sets of values stored in text columns. Each is spelled once here: the drizzle
// columns take them as `text({ enum })`, the zod rules as `z.enum(...)`, and the types
// below follow, so a new value is added in one place. Plain TypeScript (no drizzle), so
// any module may import it.

export const CLIENT_KINDS = ['person', 'organization', 'sole_trader'] as const;
export type ClientKind = (typeof CLIENT_KINDS)[number];

export const CLIENT_RELATIONS = ['client', 'prospect', 'partner', 'agent', 'supplier', 'competitor'] as const;
export type ClientRelation = (typeof CLIENT_RELATIONS)[number];

export const CLIENT_STATUSES = ['active', 'inactive', 'blocked'] as const;
export type ClientStatus = (typeof CLIENT_STATUSES)[number];

/** Kinds of history entries a user logs by hand. */
export const LOGGED_HISTORY_KINDS = ['note', 'call', 'meeting', 'email'] as const;
export type LoggedHistoryKind = (typeof LOGGED_HISTORY_KINDS)[number];
/** Plus 'system': entries the core writes for an event (see HISTORY_EVENTS). */
export const HISTORY_KINDS = [...LOGGED_HISTORY_KINDS, 'system'] as const;
export type HistoryKind = (typeof HISTORY_KINDS)[number];

export const CALL_DIRECTIONS = ['in', 'out'] as const;
export type CallDirection = (typeof CALL_DIRECTIONS)[number];

/**
 * What a system history entry records; its details (a deal's title, the other
 * client's name…) are in `history.event_data` (history/events.ts types them).
 */
export const HISTORY_EVENTS = [
  'deal_created',
  'deal_won',
  'deal_lost',
  'deal_reopened',
  'deal_task_cancelled',
  'archived',
  'restored',
  'merged',
  'merged_into',
  'congratulated',
  // Receivables (core/receivables): promises to pay and the collection letters sent.
  'promise_taken',
  'promise_kept',
  'promise_broken',
  'collection_letter',
  'collection_claim',
] as const;
export type HistoryEventType = (typeof HISTORY_EVENTS)[number];

export const CUSTOM_FIELD_ENTITIES = ['client', 'deal'] as const;
export type CustomFieldEntity = (typeof CUSTOM_FIELD_ENTITIES)[number];

export const CUSTOM_FIELD_TYPES = ['text', 'number', 'date', 'select', 'checkbox'] as const;
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];

/** A pipeline's stages: ordered open ones, then one won and one lost stage. */
export const STAGE_KINDS = ['open', 'won', 'lost'] as const;
export type StageKind = (typeof STAGE_KINDS)[number];
/** How a deal is closed: the kinds of stage that are not open. */
export const DEAL_OUTCOMES = ['won', 'lost'] as const;
export type DealOutcome = (typeof DEAL_OUTCOMES)[number];

export const TASK_PRIORITIES = ['low', 'normal', 'high'] as const;
export type TaskPriority = (typeof TASK_PRIORITIES)[number];

export const IMPORT_ACTIONS = ['created', 'updated'] as const;
export type ImportAction = (typeof IMPORT_ACTIONS)[number];

/**
 * A user's role: what they may do is the permission matrix (core/procedures/access.ts).
 * The workspace's first user is its owner.
 */
export const USER_ROLES = ['owner', 'admin', 'manager', 'viewer'] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** The doors a call can come through (procedures/caller.ts), as the audit log records them. */
export const AUDIT_DOORS = ['electron', 'http', 'cli', 'internal'] as const;

/** Receivables (core/receivables): where a batch, a document or a payment came from. */
export const RECEIVABLE_BATCH_KINDS = ['osv', 'aging', 'list', 'bank'] as const;
export type ReceivableBatchKind = (typeof RECEIVABLE_BATCH_KINDS)[number];
export const RECEIVABLE_DOCUMENT_KINDS = ['shipment', 'invoice', 'opening'] as const;
export type ReceivableDocumentKind = (typeof RECEIVABLE_DOCUMENT_KINDS)[number];
export const RECEIVABLE_DOCUMENT_SOURCES = ['manual', 'osv', 'aging', 'list'] as const;
export type ReceivableDocumentSource = (typeof RECEIVABLE_DOCUMENT_SOURCES)[number];
/** 'advance': a credit balance an accounting file reports (ОСВ credit side), kept as a payment. */
export const RECEIVABLE_PAYMENT_SOURCES = ['bank', 'manual', 'advance'] as const;
export type ReceivablePaymentSource = (typeof RECEIVABLE_PAYMENT_SOURCES)[number];
export const PROMISE_STATUSES = ['open', 'kept', 'broken'] as const;
export type PromiseStatus = (typeof PROMISE_STATUSES)[number];
/** What a collection step does: a task for the responsible manager, or a letter / a claim recorded as sent. */
export const COLLECTION_ACTIONS = ['task', 'letter', 'claim'] as const;
export type CollectionAction = (typeof COLLECTION_ACTIONS)[number];
