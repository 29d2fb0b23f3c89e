import { z } from 'zod';
import { USER_ROLES, type UserRole } from '../db/schema/enums';
import { PERMISSIONS, type Permission } from '../procedures/define';
import type { Session } from '../workspace/session';

// What each role may do: the permission matrix the owner edits in Settings → Права
// доступа. `invoke` checks a call's declared permission against it, and the lists,
// search, reports and exports filter by `see` in SQL (access/visibility.ts). The owner's
// row is fixed at everything: an owner who could take rights away from themselves
// could lock the agency out of its own base.

/** Permissions the matrix grants; 'view' is every signed-in user's, narrowed by `see`. */
export const GRANTS = PERMISSIONS.filter((p) => p !== 'view') as Exclude<Permission, 'view'>[];
export type Grant = (typeof GRANTS)[number];

export const SEE = ['all', 'own'] as const;
export type See = (typeof SEE)[number];

export interface RoleRights {
  /** Whose clients, deals and tasks: everyone's, or those the user is responsible for. */
  see: See;
  grants: Record<Grant, boolean>;
}
export type Matrix = Record<UserRole, RoleRights>;

const all = (on: boolean) => Object.fromEntries(GRANTS.map((g) => [g, on])) as Record<Grant, boolean>;

export const DEFAULT_MATRIX: Matrix = {
  owner: { see: 'all', grants: all(true) },
  // Runs the office: everything but restoring a backup over everyone's work.
  admin: { see: 'all', grants: { ...all(true), restore: false } },
  // Works their own clients; the base does not leave the office through them.
  manager: { see: 'own', grants: { ...all(false), change: true, archive: true } },
  viewer: { see: 'all', grants: all(false) },
};

export const matrixInput = z.object(
  Object.fromEntries(
    USER_ROLES.map((r) => [r, z.object({ see: z.enum(SEE), grants: z.object(Object.fromEntries(GRANTS.map((g) => [g, z.boolean()])) as Record<Grant, z.ZodBoolean>) })]),
  ) as Record<UserRole, z.ZodObject<{ see: z.ZodEnum<{ all: 'all'; own: 'own' }>; grants: z.ZodObject<Record<Grant, z.ZodBoolean>> }>>,
);

const KEY = 'access.matrix';

/** The workspace's matrix: the saved one over the defaults (a permission added later starts at its default). */
export function readMatrix(s: Session): Matrix {
  let saved: Partial<Record<UserRole, Partial<RoleRights>>> = {};
  try {
    saved = JSON.parse(s.getMeta(KEY) ?? '{}') as typeof saved;
  } catch {
    // A damaged value: the defaults, which are safe.
  }
  const out = {} as Matrix;
  for (const role of USER_ROLES) {
    const d = DEFAULT_MATRIX[role];
    const r = role === 'owner' ? {} : (saved[role] ?? {});
    out[role] = { see: r.see === 'all' || r.see === 'own' ? r.see : d.see, grants: { ...d.grants, ...pickGrants(r.grants) } };
  }
  return out;
}

function pickGrants(g: unknown): Partial<Record<Grant, boolean>> {
  if (!g || typeof g !== 'object') return {};
  return Object.fromEntries(GRANTS.filter((k) => typeof (g as Record<string, unknown>)[k] === 'boolean').map((k) => [k, (g as Record<string, boolean>)[k]]));
}

/** Saves the matrix; the owner's row stays everything whatever was sent. */
export function writeMatrix(s: Session, m: Matrix): Matrix {
  const { owner: _owner, ...rest } = m;
  s.setMeta(KEY, JSON.stringify(rest));
  return readMatrix(s);
}

/** The role of the acting user; a user removed meanwhile acts as nobody in particular: a viewer. */
export function roleOf(s: Session, userId: string): UserRole {
  let role: UserRole | undefined;
  try {
    role = s.workspace.sqlite.prepare('SELECT role FROM users WHERE id = ?').pluck().get(userId) as UserRole | undefined;
  } catch {
    // A file of a release before roles (opened with its own migrations by the migration
    // tests): one user, the owner.
    return 'owner';
  }
  return role ?? 'viewer';
}

export function mayDo(m: Matrix, role: UserRole, permission: Permission): boolean {
  return permission === 'view' || m[role].grants[permission];
}
