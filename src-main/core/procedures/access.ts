import { AppError } from '../errors';
import type { Caller } from './caller';
import type { Needs } from './define';

/**
 * The one place where a call is allowed or refused. The users-and-roles issue fills in
 * the permission check (the caller's role against the procedure's `permission`); until
 * then every caller acts as the workspace owner, who holds every permission, and only
 * the door's locality is enforced.
 */
export function assertAllowed(name: string, needs: Needs, caller: Caller): void {
  if (needs.localOnly && !caller.local) {
    throw new AppError('local_only', `Only on the PC that runs Kartoteka: ${name}`, { procedure: name });
  }
}
