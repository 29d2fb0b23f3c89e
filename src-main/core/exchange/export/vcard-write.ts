import { writeFile } from 'node:fs/promises';
import vCard from 'vcf';
import { foldLines } from 'ical-generator';
import type { ExportValue } from '../entities/types';
import { assertEncodable } from './encodable';

/** vCard text escaping (RFC 2426 §4): the library writes values as given. */
export const vcardEscape = (s: string): string => s.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/([,;])/g, '\\$1');

/**
 * The library folds every 75 UTF-16 units and, in a run without spaces, cuts there even
 * inside an emoji, whose halves UTF-8 then writes as two U+FFFD. Its folds are undone
 * and the lines folded again every 75 bytes between whole characters (the iCalendar
 * writer's folding, which is the same rule as vCard's).
 */
const refold = (card: string): string => foldLines(card.replace(/\r\n[ \t]/g, ''));

/**
 * vCard 3.0 — what phones' address books import most reliably. Clients export the
 * people and sole traders (organisations are not contacts of a phone); contact
 * persons export with their organisation.
 */
export async function writeVcards(path: string, entity: string, rows: Iterable<Record<string, ExportValue>>, headers: Record<string, string> = {}): Promise<number> {
  const cards: string[] = [];
  let row = 0;
  for (const r of rows) {
    row++;
    if (entity === 'clients' && r.kind === 'Юр. лицо') continue;
    for (const [field, v] of Object.entries(r)) {
      for (const text of Array.isArray(v) ? v : [v]) if (typeof text === 'string') assertEncodable(text, 'utf-8', { row, field: headers[field] ?? field, record: String(r.name ?? '') });
    }
    const card = new vCard();
    const str = (k: string) => (typeof r[k] === 'string' && r[k] !== '' ? (r[k] as string) : null);
    const fn = str('name');
    if (!fn) continue;
    // N is required in 3.0: the name parts, else the words of the name ("ИП" dropped).
    const parts = fn.replace(/^ИП\s+/u, '').split(/\s+/);
    const n = str('lastName') ? [str('lastName'), str('firstName'), str('middleName')] : [parts[0], parts[1], parts.slice(2).join(' ')];
    card.set('n', [...n, '', ''].map((v) => vcardEscape(v ?? '')).join(';'));
    if (entity !== 'clients') {
      if (str('clientName')) card.set('org', vcardEscape(str('clientName')!));
      if (str('position')) card.set('title', vcardEscape(str('position')!));
    }
    card.set('fn', vcardEscape(fn));
    for (const p of (r.phones as string[] | null) ?? []) card.add('tel', p, { type: 'voice' });
    for (const e of (r.emails as string[] | null) ?? []) card.add('email', e, { type: 'internet' });
    if (str('birthday')) card.set('bday', str('birthday')!);
    if (str('notes')) card.set('note', vcardEscape(str('notes')!));
    cards.push(refold(card.toString('3.0')));
  }
  await writeFile(path, cards.length ? cards.join('\r\n') + '\r\n' : '', 'utf8');
  return cards.length;
}
