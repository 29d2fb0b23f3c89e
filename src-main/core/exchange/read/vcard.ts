import { readFile } from 'node:fs/promises';
import vCard from 'vcf';
import { AppError } from '../../errors';
import { unfoldText } from './folded-text';
import type { Cell, SourceRow, TableSource } from './types';

// A .vcf file is read as a table (one card per row) so it goes through the same
// wizard: header names below auto-map to the client and contact-person fields.
const HEADERS = ['Вид', 'ФИО', 'Фамилия', 'Имя', 'Отчество', 'Место работы', 'Должность', 'Телефон', 'E-mail', 'Дата рождения', 'Комментарий'];

const unescape = (s: string) => s.replace(/\\n/gi, '\n').replace(/\\([,;\\])/g, '$1');

function values(card: vCard, key: string): string[] {
  const p = card.get(key);
  if (!p) return [];
  return (Array.isArray(p) ? p : [p]).map((x) => String(x.valueOf()));
}

/** Splits a structured value (N) on unescaped semicolons. */
const components = (s: string) => s.split(/(?<!\\);/).map(unescape);

export async function openVcards(path: string): Promise<TableSource> {
  const { text } = unfoldText(await readFile(path));
  let cards: vCard[];
  try {
    cards = vCard.parse(text);
  } catch (e) {
    throw new AppError('exchange.vcf_broken', `The contacts file cannot be read: ${(e as Error).message}`);
  }
  if (cards.length === 0) throw new AppError('exchange.vcf_broken', 'The contacts file holds no vCard');
  const rows: SourceRow[] = [{ n: 1, cells: HEADERS }];
  cards.forEach((card, i) => {
    const [last, first, middle] = components(values(card, 'n')[0] ?? '');
    const bday = values(card, 'bday')[0] ?? null;
    const cells: Cell[] = [
      'Физ. лицо',
      unescape(values(card, 'fn')[0] ?? ''),
      last ?? '',
      first ?? '',
      middle ?? '',
      components(values(card, 'org')[0] ?? '')[0] ?? '',
      unescape(values(card, 'title')[0] ?? ''),
      values(card, 'tel').join('; '),
      values(card, 'email').join('; '),
      bday ? bday.replace(/^(\d{4})(\d{2})(\d{2})$/, '$1-$2-$3') : '',
      unescape(values(card, 'note')[0] ?? ''),
    ];
    rows.push({ n: i + 2, cells });
  });
  return {
    kind: 'vcf',
    sheets: async () => [{ index: 0, name: '' }],
    async *rows() {
      yield* rows;
    },
  };
}
