import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../src-main/http/server';
import { makeTempDir, openTestWorkspace, removeDir, type TestWorkspace } from '../helpers/workspace';
import { cli } from '../helpers/cli';
import { inn10 } from '../fixtures/exchange/make-fixtures';

// A 1C counterparty list of 2,000 rows through both ways in (the CLI and the browser's
// chunked upload over HTTP), every imported value compared with its cell. The bug this
// guards: three addresses came back as «Екатеринб��рг» (a letter cut between two chunks).

const dir = makeTempDir('1c-2000');
afterAll(() => removeDir(dir));

const STREETS = ['ул. Ленина', 'пр-т Мира', 'ул. Щорса', 'наб. Обводного канала', 'ул. Ёлочная', 'пер. Чкалова'];
const CITIES = ['г. Екатеринбург', 'г. Москва', 'г. Санкт-Петербург', 'г. Нижний Новгород', 'пос. Щёлково', 'г. Йошкар-Ола'];

interface Row {
  name: string;
  full: string;
  inn: string;
  kpp: string;
  phone: string;
  email: string;
  address: string;
  note: string;
}

function rows(n: number): Row[] {
  return Array.from({ length: n }, (_, i) => {
    const body = String(100000000 + i * 7919).slice(0, 9);
    // Lengths that differ by one letter from row to row move every later byte by two.
    return {
      name: `ООО «${'Ромашка'.slice(0, 1 + (i % 7))} ${i}»`,
      full: `Общество с ограниченной ответственностью «${'Северный ветер'.slice(0, 1 + (i % 13))} ${i}»`,
      inn: inn10(body),
      kpp: '770101001',
      phone: `+7 (495) ${String(1000000 + i).slice(1, 4)}-${String(i % 100).padStart(2, '0')}-${String((i * 7) % 100).padStart(2, '0')}`,
      email: `office${i}@example.ru`,
      address: `${CITIES[i % CITIES.length]}, ${STREETS[(i * 5) % STREETS.length]}, д. ${i % 97}${'ё'.repeat(i % 3)}`,
      note: [...`Договор №${i} — «${'щ'.repeat(i % 11)}» € 😀`].slice(0, 20 + (i % 17)).join('').trim(),
    };
  });
}

let source: Row[];
let file: string;
beforeAll(async () => {
  source = rows(2000);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Контрагенты');
  ws.addRow(['Контрагенты']);
  ws.addRow([]);
  ws.addRow(['Наименование', 'Полное наименование', 'ИНН', 'КПП', 'Юр. / физ. лицо', 'Телефон', 'Адрес электронной почты', 'Фактический адрес', 'Комментарий']);
  for (const r of source) ws.addRow([r.name, r.full, r.inn, r.kpp, 'Юр. лицо', r.phone, r.email, r.address, r.note]);
  file = join(dir, 'Контрагенты.xlsx');
  await wb.xlsx.writeFile(file);
});

/** Every client as stored, by ИНН. */
function imported(t: TestWorkspace): Map<string, Row> {
  const s = t.sqlite();
  const list = s.prepare(`SELECT id, name, full_name AS full, inn, kpp, actual_address AS address, notes AS note FROM clients`).all() as (Row & { id: string })[];
  const phone = s.prepare('SELECT raw FROM phones WHERE client_id = ? AND contact_id IS NULL');
  const email = s.prepare('SELECT address FROM emails WHERE client_id = ? AND contact_id IS NULL');
  return new Map(
    list.map((c) => [
      c.inn,
      {
        name: c.name,
        full: c.full,
        inn: c.inn,
        kpp: c.kpp,
        address: c.address,
        note: c.note,
        phone: (phone.all(c.id) as { raw: string }[]).map((p) => p.raw).join(', '),
        email: (email.all(c.id) as { address: string }[]).map((e) => e.address).join(', '),
      },
    ]),
  );
}

function expectEveryValue(t: TestWorkspace) {
  const got = imported(t);
  expect(got.size).toBe(source.length);
  const key = (r: Row | undefined) => (r ? [r.name, r.full, r.inn, r.kpp, r.phone, r.email, r.address, r.note].join('\u0001') : '');
  const damaged = source.filter((r) => key(got.get(r.inn)) !== key(r));
  expect(damaged.slice(0, 3).map((r) => ({ want: r, got: got.get(r.inn) }))).toEqual([]);
}

describe('a 2,000-row 1C counterparty list', () => {
  it('through the CLI: every value as in its cell', async () => {
    const t = openTestWorkspace();
    try {
      const r = await cli('import', file, '--db', t.path, '--json');
      expect(r.code, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({ created: 2000, errors: [] });
      expectEveryValue(t);
    } finally {
      t.dispose();
    }
  });

  it('through the browser door, uploaded in chunks cut inside letters: every value as in its cell', async () => {
    const t = openTestWorkspace();
    const server = await startServer(t.session, { host: '127.0.0.1', port: 0, rendererDir: dir });
    const api = async <T,>(name: string, input: unknown): Promise<T> => {
      const res = await fetch(`${server.url}api/${name}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(input) });
      const body = (await res.json()) as { ok: boolean; result: T; error?: unknown };
      if (!body.ok) throw new Error(`${name}: ${JSON.stringify(body.error)}`);
      return body.result;
    };
    try {
      const bytes = readFileSync(file);
      let uploadId: string | null = null;
      for (let offset = 0; offset < bytes.length; offset += 65_537) {
        const part = bytes.subarray(offset, offset + 65_537);
        const r: { fileId: string } = await api('exchange.upload', { uploadId, name: 'Контрагенты.xlsx', data: part.toString('base64'), last: offset + 65_537 >= bytes.length });
        uploadId = r.fileId;
      }
      const preview = await api<{ headerRow: number; mapping: Record<string, string | null> }>('exchange.preview', { fileId: uploadId, entity: 'clients', sheet: 0 });
      const { jobId } = await api<{ jobId: string }>('exchange.analyse', { fileId: uploadId, entity: 'clients', sheet: 0, headerRow: preview.headerRow, mapping: preview.mapping });
      for (;;) {
        const job = await api<{ state: string; error: unknown }>('exchange.job', { jobId });
        if (job.state === 'done') break;
        if (job.state !== 'running') throw new Error(`job ${job.state}: ${JSON.stringify(job.error)}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      const applied = await api<{ created: number }>('exchange.apply', { jobId, policy: 'update_empty' });
      expect(applied.created).toBe(2000);
      expectEveryValue(t);
    } finally {
      server.close();
      t.dispose();
    }
  });
});
