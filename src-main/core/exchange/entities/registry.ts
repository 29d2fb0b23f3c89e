import { AppError } from '../../errors';
import { clientsImport } from './clients';
import { contactsImport } from './contacts';
import { dealsImport } from './deals';
import { plansImport } from './plans';
import { clientsExport, contactsExport } from '../export/entities';
import { dealsExport } from '../export/deal-export';
import type { ExportEntity, ImportEntity } from './types';

// The entities the wizard, the CLI and the procedures know: each is one module
// implementing ImportEntity/ExportEntity plus one line in each table. Each entity has
// its own record types; the registry hands them out by key, so it holds them as `any`
// (the entity's functions take its own records: `unknown` would not type-check).
/* eslint-disable @typescript-eslint/no-explicit-any */
const IMPORTS: Record<string, ImportEntity<any, any>> = {
  clients: clientsImport,
  contacts: contactsImport,
  deals: dealsImport,
  plans: plansImport,
};
const EXPORTS: Record<string, ExportEntity<any>> = {
  clients: clientsExport,
  contacts: contactsExport,
  deals: dealsExport,
};
/* eslint-enable @typescript-eslint/no-explicit-any */

export const IMPORT_ENTITIES = Object.keys(IMPORTS);
/** Imports of whole 1C files (not column-mapped): exchange/receivables reads and writes them. */
export { FILE_ENTITIES as FILE_IMPORT_ENTITIES } from '../receivables/analyse-file';
export const EXPORT_ENTITIES = Object.keys(EXPORTS);

export function importEntity(key: string): ImportEntity<unknown, unknown> {
  const e = IMPORTS[key];
  if (!e) throw new AppError('exchange.entity_unknown', `Unknown entity: ${key}`, { entity: key });
  return e;
}

export function exportEntity(key: string): ExportEntity<unknown> {
  const e = EXPORTS[key];
  if (!e) throw new AppError('exchange.entity_unknown', `Unknown entity: ${key}`, { entity: key });
  return e;
}
