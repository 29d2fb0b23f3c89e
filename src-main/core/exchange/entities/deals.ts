import type { ImportEntity } from './types';
import { dealFieldDefs } from './deal-fields';
import { buildDeal, dealSameKeys, mergeDealRecords, prepareDealEnv, type DealEnv, type DealRecord } from './deal-build';
import { applyDeals, revertDeal, unknownManagers } from './deal-apply';

// Deals of existing clients: the client is found (ИНН, name, phone, e-mail), never created.
export const dealsImport: ImportEntity<DealRecord, DealEnv> = {
  key: 'deals',
  fields: dealFieldDefs,
  prepare: prepareDealEnv,
  build: buildDeal,
  sameKeys: dealSameKeys,
  merge: mergeDealRecords,
  apply: applyDeals,
  newUsers: unknownManagers,
  revert: revertDeal,
};
