import { z } from 'zod';
import { proc, reads, writes } from '../procedures/define';
import { about, creates } from '../audit/spec';
import { USER_ROLES } from '../db/schema/enums';
import { colour as color, id, name } from '../validation/rules';
import { loginRule, passwordRule } from '../auth/login';
import { createUser, listUsers, setPassword, updateUser } from './service';
import { roleOf } from '../access/matrix';
import { AppError } from '../errors';
import type { Session } from '../workspace/session';

const email = z
  .string()
  .max(320)
  .nullish()
  .transform((v) => v || null);
/** Absent or empty: the user does not sign in. */
const login = loginRule
  .nullish()
  .or(z.literal(''))
  .transform((v) => v || null);
const role = z.enum(USER_ROLES);

function ownerOnly(s: Session): void {
  if (roleOf(s, s.ctx().userId) !== 'owner') throw new AppError('forbidden', 'Only an owner grants or changes the owner role', { permission: 'owner' });
}

export const userProcedures = {
  'users.list': proc(reads('view'), z.object({}), (s) => listUsers(s.ctx().db)),
  'users.create': proc(
    writes('users', { audit: creates('user') }),
    z.object({ name, email, color, login: login.default(null), role: role.default('manager'), password: passwordRule.nullish().transform((v) => v ?? null) }),
    (s, i) => {
      if (i.role === 'owner') ownerOnly(s);
      return createUser(s.ctx().db, s.now().toISOString(), i);
    },
  ),
  /** Changes only the fields given. Deactivating a user signs them out everywhere. */
  'users.update': proc(
    writes('users', { audit: about('user', (i) => i.id) }),
    z.object({
      id,
      name: name.optional(),
      email: email.optional(),
      color: color.optional(),
      active: z.boolean().optional(),
      login: login.optional(),
      role: role.optional(),
    }),
    (s, { id: userId, ...patch }) => {
      // Making someone an owner, or changing an owner, is the owner's alone: an admin could otherwise promote themselves.
      if (patch.role === 'owner' || (patch.role !== undefined && roleOf(s, userId) === 'owner')) ownerOnly(s);
      return updateUser(s.ctx(), userId, Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)));
    },
  ),
  /**
   * Everyone may change their own password (with the old one); whose else is checked in
   * the handler (an owner or an admin), since it depends on the target.
   */
  'users.setPassword': proc(writes('view', { audit: about('user', (i) => i.id) }), z.object({ id, password: passwordRule, oldPassword: z.string().max(200).optional() }), (s, i) => setPassword(s, i)),
};
