import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestWorkspace, type TestWorkspace } from '../helpers/workspace';
import { runImport } from '../../src-main/core/exchange/run';
import { undoImport } from '../../src-main/core/exchange/undo';
import { openTable } from '../../src-main/core/exchange/read/open';
import { exchangeState } from '../../src-main/core/exchange/jobs';
import { FIND_MANY } from '../../src-main/core/exchange/entities/client-apply';
import { AppError } from '../../src-main/core/errors';
import type { Cell } from '../../src-main/core/exchange/read/types';

// The import streams: CSV is read from disk in 1 MB pieces, checked records go through
// temporary tables in batches of 2,000, and the apply takes them 2,000 at a time. These
// tests put files across every one of those boundaries and compare every value.

const MB = 1 << 20;
let w: TestWorkspace;
beforeEach(() => {
  w = openTestWorkspace();
});
afterEach(() => {
  exchangeState(w.session).files.dispose();
  w.dispose();
});

function inn10(n: number): string {
  const body = String(500000000 + n).slice(-9);
  const k = [2, 4, 10, 3, 5, 9, 4, 6, 8];
  return body + ((k.reduce((s, x, i) => s + x * Number(body[i]), 0) % 11) % 10);
}

async function readAll(path: string): Promise<Cell[][]> {
  const rows: Cell[][] = [];
  for await (const r of (await openTable(path)).rows(0)) rows.push(r.cells);
  return rows;
}

/** Lines padded one character at a time until the byte at `offset` is inside a letter. */
function straddling(lines: string[], encode: (s: string) => Buffer, offset: number, inside: (b: Buffer, at: number) => boolean): Buffer {
  for (let pad = 0; pad < 400; pad++) {
    const buf = encode([`${'x'.repeat(pad)}Имя;Заметка`, ...lines].join('\r\n') + '\r\n');
    if (inside(buf, offset)) return buf;
  }
  throw new Error('no padding puts a letter across the boundary');
}

describe('CSV read as a stream', () => {
  const lines = Array.from({ length: 40_000 }, (_, i) => `Клиент ${i} 😀;${'ё'.repeat(i % 5)}€${i % 3 ? '𝄞' : 'ж'} №${i}`);
  const expected = lines.map((l) => l.split(';'));

  it('UTF-8: letters cut by every 1 MB piece come out whole', async () => {
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    // The stream starts after the BOM: pieces end at 3 + k MB.
    const buf = straddling(lines, (s) => Buffer.concat([bom, Buffer.from(s, 'utf8')]), 3 + MB, (b, at) => (b[at]! & 0xc0) === 0x80);
    expect(buf.length).toBeGreaterThan(MB + 3);
    const path = join(w.dir, 'u8.csv');
    writeFileSync(path, buf);
    const rows = await readAll(path);
    expect(rows.slice(1)).toEqual(expected);
  });

  it('UTF-16: a surrogate pair cut by a piece comes out whole', async () => {
    const le = (s: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s.replace(/;/g, '\t'), 'utf16le')]);
    // Inside a pair: the unit before the cut is a high surrogate.
    const buf = straddling(lines, le, 2 + MB, (b, at) => {
      const unit = b.readUInt16LE(at - 2);
      return unit >= 0xd800 && unit <= 0xdbff;
    });
    const path = join(w.dir, 'u16.txt');
    writeFileSync(path, buf);
    expect((await readAll(path)).slice(1)).toEqual(expected);
  });

  it('Windows-1251 over several pieces', async () => {
    const plain = lines.map((l) => l.replace(/[😀€𝄞]/gu, 'ы'));
    const path = join(w.dir, '1251.csv');
    writeFileSync(path, iconv.encode(['Имя;Заметка', ...plain].join('\r\n'), 'win1251'));
    const table = await openTable(path);
    expect(table.encoding).toBe('windows-1251');
    expect((await readAll(path)).slice(1)).toEqual(plain.map((l) => l.split(';')));
  });

  it('a damaged byte after the first megabyte is refused with its line, nothing read', async () => {
    const text = ['Имя;Заметка', ...lines].join('\n') + '\n';
    const buf = Buffer.from(text, 'utf8');
    const lineNo = 30_000;
    let at = 0;
    for (let i = 1; i < lineNo; i++) at = buf.indexOf(0x0a, at) + 1;
    buf[at] = 0xff; // the first byte of line 30000
    const path = join(w.dir, 'damaged.csv');
    writeFileSync(path, buf);
    const e = await openTable(path).then(
      () => null,
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe('exchange.file_bad_bytes');
    expect((e as AppError).params).toMatchObject({ line: lineNo, byte: '0xFF' });
  });
});

describe('an import over several batches and chunks', () => {
  const N = 5_000;
  const header = ['Наименование', 'ИНН', 'Телефон', 'Адрес электронной почты', 'Теги', 'Скидка'];
  const src = (i: number) => [`ООО «Ромашка ${i}»`, inn10(i), `+7 (912) ${String(1000000 + i).slice(1, 4)}-${String(i).padStart(4, '0').slice(-4)}`, `c${i}@пример.рф`, i % 3 ? 'опт' : 'розница', String(i % 50)];

  it('every value as in the file; duplicates folded across batches; undo removes all', async () => {
    w.call('customFields.create', { entity: 'client', name: 'Скидка', type: 'number', options: [] });
    // A client without ИНН (matched by phone and e-mail) in the first batch …
    const rows = [['ИП Лютиков', '', '+7 (913) 111-22-33', '', '', ''], ...Array.from({ length: N }, (_, k) => src(k + 1))];
    // … named again two batches later by its phone, bringing an e-mail …
    rows.splice(4200, 0, ['Лютиков', '', '8 913 111 22 33', 'lutik@пример.рф', '', '']);
    // … and at the end by that e-mail only, bringing a second phone: the key its fold added.
    rows.push(['Лютиков А.', '', '+7 (913) 444-55-66', 'lutik@пример.рф', '', '']);
    // Client 10 again after two batches, by ИНН, with a second e-mail.
    rows.push([`ООО «Ромашка 10»`, inn10(10), '', 'second10@пример.рф', '', '']);
    const path = join(w.dir, 'big.csv');
    writeFileSync(path, '\ufeff' + [header, ...rows].map((r) => r.join(';')).join('\r\n'));

    const r = await runImport(w.session, path, { entity: 'clients' });
    expect(r.issues).toEqual([]);
    expect([r.created, r.analysis.rows.merged, r.analysis.candidates.length]).toEqual([N + 1, 3, N + 1]);

    const s = w.sqlite();
    const byInn = new Map(
      (s.prepare(`SELECT c.id, c.name, c.inn, (SELECT group_concat(digits, ',') FROM phones p WHERE p.client_id = c.id ORDER BY sort) AS phones,
          (SELECT group_concat(address, ',') FROM (SELECT address FROM emails e WHERE e.client_id = c.id ORDER BY sort)) AS emails,
          (SELECT group_concat(t.name, ',') FROM client_tags ct JOIN tags t ON t.id = ct.tag_id WHERE ct.client_id = c.id) AS tags,
          (SELECT v.value FROM client_custom_values v WHERE v.client_id = c.id) AS discount
         FROM clients c`).all() as Record<string, string | null>[]).map((c) => [c.inn, c]),
    );
    expect(byInn.size).toBe(N + 1);
    expect(byInn.get(null)).toMatchObject({ name: 'ИП Лютиков', phones: '79131112233,79134445566', emails: 'lutik@пример.рф' });
    for (let i = 1; i <= N; i++) {
      const c = byInn.get(inn10(i))!;
      const [name, , phone, email, tag, discount] = src(i);
      expect(c.name).toBe(name);
      const phones = ['7' + phone!.replace(/\D/g, '').slice(1)];
      const emails = [email];
      const tags = [tag];
      if (i === 10) emails.push('second10@пример.рф');
      expect(c.phones).toBe(phones.join(','));
      expect(c.emails).toBe(emails.join(','));
      expect(c.tags?.split(',').sort()).toEqual(tags.sort());
      expect(Number(c.discount)).toBe(Number(discount));
    }
    // The search index covers every new client (rebuilt in bulk per chunk).
    expect(s.prepare(`SELECT count(*) FROM client_fts WHERE client_fts MATCH '"Ромашка"'`).pluck().get()).toBe(N);
    expect(s.prepare(`SELECT count(*) FROM phone_fts`).pluck().get()).toBe(N + 2);

    // The temporary copy of the records is gone after the import.
    expect(s.prepare(`SELECT count(*) FROM temp.sqlite_master WHERE name LIKE 'import_%'`).pluck().get()).toBe(0);

    undoImport(w.session.ctx(), r.batchId!);
    expect(s.prepare('SELECT count(*) FROM clients').pluck().get()).toBe(0);
    expect(s.prepare('SELECT count(*) FROM phones').pluck().get()).toBe(0);
  });

  it('a second import over several chunks updates the clients the first created, and its undo puts them back', async () => {
    const path = join(w.dir, 'a.csv');
    writeFileSync(path, [header.slice(0, 3), ...Array.from({ length: N }, (_, k) => src(k + 1).slice(0, 3))].map((r) => r.join(';')).join('\n'));
    await runImport(w.session, path, { entity: 'clients' });
    const before = JSON.stringify(w.sqlite().prepare('SELECT id, name, inn, updated_at FROM clients ORDER BY id').all());
    const more = join(w.dir, 'b.csv');
    writeFileSync(more, [header.slice(0, 4), ...Array.from({ length: N }, (_, k) => [src(k + 1)[0], src(k + 1)[1], '', src(k + 1)[3]])].map((r) => r.join(';')).join('\n'));
    const r = await runImport(w.session, more, { entity: 'clients' });
    expect([r.created, r.updated]).toEqual([0, N]);
    // Outcomes are kept for the first rows only; the counts cover them all.
    expect(r.outcomes.length).toBeLessThanOrEqual(5000);
    expect(w.sqlite().prepare('SELECT count(*) FROM emails').pluck().get()).toBe(N);
    undoImport(w.session.ctx(), r.batchId!);
    expect(w.sqlite().prepare('SELECT count(*) FROM emails').pluck().get()).toBe(0);
    expect(JSON.stringify(w.sqlite().prepare('SELECT id, name, inn, updated_at FROM clients ORDER BY id').all())).toBe(before);
  });

  it('matching by phone and e-mail starts from their index, not from every client', () => {
    const s = w.sqlite();
    for (const key of ['phone', 'email'] as const) {
      const plan = (s.prepare(`EXPLAIN QUERY PLAN ${FIND_MANY[key]}`).all('[]') as { detail: string }[]).map((p) => p.detail);
      expect(plan[0], plan.join(' | ')).toMatch(/^SEARCH [pe] USING (COVERING )?INDEX/);
    }
  });
});
