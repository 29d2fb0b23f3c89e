// What a procedure tells the audit hook about the records it touches, declared in one
// line next to it in the procedure table (`writes('change', { audit: about('client', (i) => i.id) })`).
// The hook reads those records before and after the call and records the fields that
// changed, old → new; without a declaration it records the call and its input.

export const TARGET_TYPES = [
  'client',
  'contact',
  'deal',
  'task',
  'user',
  'settings',
  'pipeline',
  'stage',
  'lost_reason',
  'tag',
  'custom_field',
  'task_type',
  'import',
  'backup',
] as const;
export type TargetType = (typeof TARGET_TYPES)[number];

type Ids = string | readonly string[] | null | undefined;

export interface AuditSpec {
  target?: TargetType;
  /** The records a call changes, known from its input (read before and after it). */
  before?: (input: any) => Ids; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** The records known only once it ran (a create's new id), read after it. */
  after?: (result: any, input: any) => Ids; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** A read that hands data out (exports the log itself under the 'users' permission). */
  exports?: boolean;
  /** Recorded only for the calls this accepts (a file sent in pieces: once, at its last piece). */
  when?: (input: any) => boolean; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** A change of existing records named by the input. */
export const about = (target: TargetType, before: (input: any) => Ids): AuditSpec => ({ target, before }); // eslint-disable-line @typescript-eslint/no-explicit-any

/** A new record: its id comes back in the result (`{ id }` unless told otherwise). */
export const creates = (target: TargetType, after: (result: any, input: any) => Ids = (r) => r?.id): AuditSpec => ({ target, after }); // eslint-disable-line @typescript-eslint/no-explicit-any

/** Changes the workspace's settings (the `meta` table): recorded as the keys that changed. */
export const settingsChange: AuditSpec = { target: 'settings', before: () => [] };

export const idsOf = (ids: Ids): string[] => (ids == null ? [] : typeof ids === 'string' ? [ids] : [...ids]);
