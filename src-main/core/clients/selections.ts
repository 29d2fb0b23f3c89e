import { randomUUID } from 'node:crypto';
import { AppError } from '../errors';

// A set of clients a report computed (at risk, an ABC class) that the client list can
// show and act on in bulk. Kept in memory for the running program: a token in a link
// outlives it only until a restart, after which the list says to run the report again.

const MAX_SETS = 50;
const sets = new Map<string, string[]>();

export function saveSelection(ids: string[]): string {
  const token = randomUUID();
  sets.set(token, ids);
  for (const old of sets.keys()) if (sets.size > MAX_SETS) sets.delete(old);
  return token;
}

export function selectionIds(token: string): string[] {
  const ids = sets.get(token);
  if (!ids) throw new AppError('clients.selection_expired', 'This list came from a report that is no longer open: run the report again');
  return ids;
}
