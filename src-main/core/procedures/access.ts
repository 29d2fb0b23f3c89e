import { AppError } from '../errors';
import type { UserRole } from '../db/schema/enums';
import { mayDo, type Matrix } from '../access/matrix';
import type { Caller } from './caller';
import type { Needs } from './define';

/**
 * The one place where a call is allowed or refused, for every door: the door's
 * locality ("this PC only"), then the acting user's role against the permission the
 * procedure declares, as the workspace's matrix grants it (access/matrix.ts). A refusal
 * names the missing permission (HTTP 403).
 */
export function assertAllowed(name: string, needs: Needs, caller: Caller, role: UserRole, matrix: Matrix): void {
  if (needs.localOnly && !caller.local) {
    throw new AppError('local_only', `Only on the PC that runs Kartoteka: ${name}`, { procedure: name });
  }
  if (!mayDo(matrix, role, needs.permission)) {
    throw new AppError('forbidden', `The role ${role} may not ${needs.permission}: ${name}`, { procedure: name, permission: needs.permission, role });
  }
}
