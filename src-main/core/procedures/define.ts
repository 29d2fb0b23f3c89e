import type { z } from 'zod';
import type { Session } from '../workspace/session';
import type { PathField } from './chosen-paths';
import type { AuditSpec } from '../audit/spec';

/**
 * What a procedure does to the workspace, declared where it is defined; `invoke`
 * acts on it, no door decides it.
 * - read: changes no user data (it may materialise bookkeeping such as the next
 *   occurrences of repeating tasks, in the statement's own transaction).
 * - write: one synchronous change; `invoke` runs it in one IMMEDIATE transaction, so a
 *   failure anywhere leaves the workspace as it was.
 * - job: long or asynchronous work that commits through its own transactions or off
 *   the thread (import apply and undo, backups): wrapping it would hold the write lock
 *   across awaits.
 * - session: opens, replaces or restores the workspace file itself.
 */
export type Effect = 'read' | 'write' | 'job' | 'session';

/**
 * The permissions a role can hold. Every procedure names the one it needs; which
 * roles hold which is the users-and-roles matrix (`core/procedures/access.ts`).
 */
export const PERMISSIONS = [
  'view', // see records (which ones: the caller's visibility scope, applied in SQL)
  'change', // create and edit clients, contacts, deals, tasks, history
  'archive', // archive, delete, restore records
  'merge',
  'bulk', // bulk actions over a selection or a filter
  'import',
  'export',
  'settings', // tags, custom fields, pipelines, lost reasons, task types
  'users',
  'backup', // run backups, see and configure them
  'restore', // restore a backup, switch or create workspace files
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export interface Needs {
  effect: Effect;
  permission: Permission;
  /** Picks files on this PC's disk or replaces the workspace: refused to callers on other PCs. */
  localOnly?: boolean;
  /**
   * Input fields that name a path on this PC, with what each is for. The desktop window
   * sends a token of a path chosen in a native dialog there, never the path itself
   * (`invoke` resolves it, chosen-paths.ts); other doors send the path.
   */
  paths?: Readonly<Record<string, PathField>>;
  /** The records it changes, so the audit log can name them and record old → new (core/audit/spec.ts). */
  audit?: AuditSpec;
}

export interface Procedure<I extends z.ZodType = z.ZodType, O = unknown> extends Needs {
  input: I;
  handler: (session: Session, input: z.output<I>) => O;
}

/** A named operation of the core: what it needs, an input schema validated on every call, and a handler. */
export const proc = <I extends z.ZodType, O>(needs: Needs, input: I, handler: (session: Session, input: z.output<I>) => O): Procedure<I, O> => ({
  ...needs,
  input,
  handler,
});

type Extra = Pick<Needs, 'localOnly' | 'paths' | 'audit'>;
export const reads = (permission: Permission, extra: Extra = {}): Needs => ({ effect: 'read', permission, ...extra });
export const writes = (permission: Permission, extra: Extra = {}): Needs => ({ effect: 'write', permission, ...extra });
export const runs = (permission: Permission, extra: Extra = {}): Needs => ({ effect: 'job', permission, ...extra });
export const switches = (permission: Permission, extra: Extra = {}): Needs => ({ effect: 'session', permission, ...extra });
