import { AppError } from '../../errors';
import { clientsImport } from './clients';
import { contactsImport } from './contacts';
import { clientsExport, contactsExport } from '../export/entities';
import type { ExportEntity, ImportEntity } from './types';

// The entities the wizard, the CLI and the procedures know. Deals (issue 3) plug in
// as one module implementing ImportEntity/ExportEntity plus one line in each table.
const IMPORTS: Record<string, ImportEntity<any, any>> = {
  clients: clientsImport,
  contacts: contactsImport,
};
const EXPORTS: Record<string, ExportEntity<any>> = {
  clients: clientsExport,
  contacts: contactsExport,
};

export const IMPORT_ENTITIES = Object.keys(IMPORTS);
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
