import type { ImportEntity } from './types';
import { clientFieldDefs } from './client-fields';
import { buildClient, clientSameKeys, mergeClientRecords, prepareClientEnv, type ClientEnv, type ClientRecord } from './client-build';
import { applyClients, revertClient } from './client-apply';

export const clientsImport: ImportEntity<ClientRecord, ClientEnv> = {
  key: 'clients',
  fields: clientFieldDefs,
  prepare: prepareClientEnv,
  build: buildClient,
  sameKeys: clientSameKeys,
  merge: mergeClientRecords,
  apply: applyClients,
  applyInChunks: true,
  revert: revertClient,
};
