import type Database from 'better-sqlite3';
import { seedDeals } from '../core/deals/seed';

/** Deals added by `seed` when --deals is not given: about one per two clients added. */
export const defaultDealsFor = (clients: number): number => Math.round(clients / 2);

/** `seed --deals N`: deals with stage histories over the workspace's clients. */
export function seedDealsCommand(sqlite: Database.Database, deals: number, seed: number | undefined): number {
  const { deals: added } = seedDeals(sqlite, {
    deals,
    seed: seed === undefined ? undefined : seed + 1,
    onProgress: (done, total) => process.stderr.write(`\rseeding deals ${done}/${total}`),
  });
  if (deals > 0) process.stderr.write('\n');
  return added;
}
