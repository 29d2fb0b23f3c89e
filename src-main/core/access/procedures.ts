import { z } from 'zod';
import { proc, reads, writes } from '../procedures/define';
import { settingsChange } from '../audit/spec';
import { AppError } from '../errors';
import type { Session } from '../workspace/session';
import { matrixInput, readMatrix, roleOf, writeMatrix, type Matrix } from './matrix';

/** The matrix and what the caller may do themselves (the UI hides what would be refused). */
function view(s: Session) {
  const matrix = readMatrix(s);
  const role = roleOf(s, s.ctx().userId);
  return { matrix, role, mine: matrix[role] };
}

export const accessProcedures = {
  'access.matrix': proc(reads('view'), z.object({}), (s) => view(s)),
  // Only the owner changes who may do what (an admin could otherwise widen their own rights).
  'access.setMatrix': proc(writes('users', { audit: settingsChange }), z.object({ matrix: matrixInput }), (s, i) => {
    if (roleOf(s, s.ctx().userId) !== 'owner') throw new AppError('forbidden', 'Only the owner changes the permissions', { permission: 'owner' });
    writeMatrix(s, i.matrix as Matrix);
    return view(s);
  }),
};
