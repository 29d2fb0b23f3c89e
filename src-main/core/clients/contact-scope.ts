/**
 * SQL condition: the phone or e-mail row `alias` belongs to the client itself or to a
 * contact person still on the card. Points of removed (archived) contact persons must
 * not find, identify or duplicate a client.
 */
export function onCurrentCard(alias: string): string {
  return `(${alias}.contact_id IS NULL OR EXISTS (SELECT 1 FROM contacts k WHERE k.id = ${alias}.contact_id AND k.archived_at IS NULL))`;
}
