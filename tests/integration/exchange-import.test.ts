import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { openTestWorkspace, type TestWorkspace } from '../helpers/workspace';
import { runImport } from '../../src-main/core/exchange/run';
import { AppError } from '../../src-main/core/errors';
import { exchangeState } from '../../src-main/core/exchange/jobs';
import { listBackups } from '../../src-main/core/backup/manager';
import { backupsDirFor } from '../../src-main/core/backup/manifest';

const FIX = fileURLToPath(new URL('../fixtures/exchange/', import.meta.url));
const fx = (name: string) => join(FIX, name);

let w: TestWorkspace;
beforeEach(() => {
  w = openTestWorkspace();
});
afterEach(() => {
  // Test workers may be stopped without an exit event: remove this session's temp files now.
  exchangeState(w.session).files.dispose();
  w.dispose();
});

const clientRow = (name: string) =>
  w.sqlite().prepare('SELECT * FROM clients WHERE name = ?').get(name) as Record<string, string | null> | undefined;
const phonesOf = (id: string) => (w.sqlite().prepare('SELECT digits FROM phones WHERE client_id = ? ORDER BY sort').all(id) as { digits: string }[]).map((p) => p.digits);
const emailsOf = (id: string) => (w.sqlite().prepare('SELECT address FROM emails WHERE client_id = ? ORDER BY sort').all(id) as { address: string }[]).map((p) => p.address);

/** Everything the workspace holds about clients, to prove a failed or repeated import changed nothing. */
const snapshot = () =>
  JSON.stringify(
    ['clients', 'phones', 'emails', 'contacts', 'client_tags', 'client_custom_values', 'tags'].map((t) =>
      w.sqlite().prepare(`SELECT * FROM ${t} ORDER BY 1`).all(),
    ),
  );

describe('import of a 1C-style workbook', () => {
  it('skips the title rows, the blank and «Итого» rows, restores ИНН, splits phones and e-mails, merges in-file duplicates', async () => {
    const r = await runImport(w.session, fx('1c-clients.xlsx'), { entity: 'clients' });
    expect(r.headerRow).toBe(4);
    expect(r.analysis.rows.totals).toBe(1);
    expect(r.analysis.rows.merged).toBe(1);
    expect(r.created).toBe(5);

    const romashka = clientRow('ООО «Ромашка»')!; // nbsp and trailing space cleaned
    expect(romashka.kind).toBe('organization');
    expect(romashka.kpp).toBe('771201001');
    // The duplicate row 10 added its phone to the first one.
    expect(phonesOf(romashka.id!)).toEqual(['74951234567', '74951234570']);
    expect(w.sqlite().prepare('SELECT name FROM contacts WHERE client_id = ?').get(romashka.id)).toEqual({ name: 'Петров Пётр' });

    const sever = clientRow('АО «Северный ветер»')!;
    expect(sever.inn).toBe('0123456788');
    expect(phonesOf(sever.id!)).toEqual(['74951234568', '74951234569']);
    expect(emailsOf(sever.id!)).toEqual(['office@sever.ru', 'buh@sever.ru']);

    expect(clientRow('Иванов Иван Иванович')!.kind).toBe('person');
    expect(clientRow('ИП Сидорова Анна Павловна')!.kind).toBe('sole_trader');
    expect(clientRow('ООО «Опечатка»')).toBeUndefined();

    // Row numbers as Excel shows them; errors and warnings apart.
    const keys = r.issues.map((i) => `${i.row}:${i.severity}:${i.field}:${i.code}`);
    expect(keys).toEqual(['6:warning:inn:exchange.inn_restored', '10:error:inn:inn.checksum', '11:warning:emails:email.invalid']);
    // The bad e-mail is left out, the row is imported.
    expect(emailsOf(clientRow('ООО «Вектор»')!.id!)).toEqual([]);
  });

  it('re-importing the same file (also as 1C CSV in Windows-1251) changes nothing', async () => {
    await runImport(w.session, fx('1c-clients.xlsx'), { entity: 'clients' });
    const before = snapshot();
    const again = await runImport(w.session, fx('1c-clients.xlsx'), { entity: 'clients', policy: 'update_empty' });
    expect([again.created, again.updated, again.skipped]).toEqual([0, 0, 5]);
    expect(again.batchId).toBeNull();
    const csv = await runImport(w.session, fx('1c-clients-1251.csv'), { entity: 'clients', policy: 'overwrite' });
    expect(csv.created).toBe(0);
    expect(snapshot()).toBe(before);
  });

  it('reads Excel CSV UTF-8 with BOM, commas, quoted newlines and dates in two formats', async () => {
    const r = await runImport(w.session, fx('excel-utf8.csv'), { entity: 'clients' });
    expect(r.created).toBe(2);
    const k = clientRow('Кузнецов Алексей')!;
    expect(k.birthday).toBe('1980-05-15');
    expect(k.notes).toBe('Первая строка\r\nвторая строка');
    const o = clientRow('Орлова Мария')!;
    expect(o.birthday).toBe('1985-12-01');
    expect(o.notes).toBe('Говорит "только по делу"');
    expect(phonesOf(o.id!)).toEqual(['78125556677', '79210001122']);
  });

  it('imports people from phone contacts (.vcf)', async () => {
    const r = await runImport(w.session, fx('phone-contacts.vcf'), { entity: 'clients' });
    expect(r.created).toBe(2);
    const b = clientRow('Белова Ирина Сергеевна')!;
    expect([b.kind, b.last_name, b.first_name, b.middle_name, b.birthday]).toEqual(['person', 'Белова', 'Ирина', 'Сергеевна', '1990-04-12']);
    expect(emailsOf(b.id!)).toEqual(['belova@example.ru']);
  });

  it('imports contact persons onto their organisations, by ИНН or name', async () => {
    await runImport(w.session, fx('1c-clients.xlsx'), { entity: 'clients' });
    const r = await runImport(w.session, fx('contacts.xlsx'), { entity: 'contacts' });
    expect(r.created).toBe(1); // Смирнова Ольга already came with the client file
    expect(r.updated).toBe(1); // …and gets her phone
    expect(r.issues.map((i) => `${i.row}:${i.code}`)).toEqual(['4:exchange.client_not_found']);
    const kozlov = w.sqlite().prepare('SELECT k.position, c.name FROM contacts k JOIN clients c ON c.id = k.client_id WHERE k.name = ?').get('Козлов Дмитрий');
    expect(kozlov).toEqual({ position: 'Директор', name: 'ООО «Ромашка»' });
  });
});

describe('automatic backup before an import', () => {
  it('an import and its undo each start from a verified backup; a dry run takes none', async () => {
    await runImport(w.session, fx('1c-clients.xlsx'), { entity: 'clients', dryRun: true });
    expect(listBackups(w.session)).toEqual([]);
    const r = await runImport(w.session, fx('1c-clients.xlsx'), { entity: 'clients' });
    const before = listBackups(w.session);
    expect(before.map((b) => b.reason)).toEqual(['import']);
    expect(before[0]!.counts.clients).toBe(0);
    await w.call('exchange.undo', { batchId: r.batchId! });
    const afterUndo = listBackups(w.session).filter((b) => b.reason === 'import');
    expect(afterUndo).toHaveLength(2);
    expect(Math.max(...afterUndo.map((b) => b.counts.clients ?? 0))).toBe(r.created);
  });

  it('when no backup can be made, nothing is imported', async () => {
    // A file where the backups folder should be: nothing can be written there.
    writeFileSync(backupsDirFor(w.path), 'not a folder');
    const before = snapshot();
    await expect(runImport(w.session, fx('1c-clients.xlsx'), { entity: 'clients' })).rejects.toMatchObject({ code: 'backup.failed' });
    expect(snapshot()).toBe(before);
  });
});

describe('duplicate policies and undo', () => {
  it('skip / update empty / overwrite / create, and undo puts everything back', async () => {
    await runImport(w.session, fx('1c-clients.xlsx'), { entity: 'clients' });
    const id = clientRow('ООО «Ромашка»')!.id!;
    w.sqlite().prepare("UPDATE clients SET notes = 'Свой комментарий', actual_address = NULL WHERE id = ?").run(id);
    const before = snapshot();

    const skip = await runImport(w.session, fx('1c-clients-1251.csv'), { entity: 'clients', policy: 'skip' });
    expect([skip.created, skip.updated]).toEqual([0, 0]);
    expect(snapshot()).toBe(before);

    const fill = await runImport(w.session, fx('1c-clients-1251.csv'), { entity: 'clients', policy: 'update_empty' });
    expect(fill.updated).toBe(1);
    expect(clientRow('ООО «Ромашка»')).toMatchObject({ notes: 'Свой комментарий', actual_address: 'Москва, ул. Ленина, д. 1' });
    await w.call('exchange.undo', { batchId: fill.batchId! });
    expect(snapshot()).toBe(before);

    const over = await runImport(w.session, fx('1c-clients-1251.csv'), { entity: 'clients', policy: 'overwrite' });
    expect(over.updated).toBe(1);
    expect(clientRow('ООО «Ромашка»')!.notes).toBe('Постоянный клиент');
    await w.call('exchange.undo', { batchId: over.batchId! });
    expect(snapshot()).toBe(before);

    const create = await runImport(w.session, fx('1c-clients-1251.csv'), { entity: 'clients', policy: 'create' });
    expect(create.created).toBe(5);
    expect(w.count('clients')).toBe(10);
    await w.call('exchange.undo', { batchId: create.batchId! });
    expect(snapshot()).toBe(before);
    // Search index follows: the undone clients are not found any more.
    expect(w.count('client_fts')).toBe(5);
  });

  it('only the last import can be undone, once', async () => {
    const first = await runImport(w.session, fx('1c-clients.xlsx'), { entity: 'clients' });
    await runImport(w.session, fx('excel-utf8.csv'), { entity: 'clients' });
    await expect(w.call('exchange.undo', { batchId: first.batchId! })).rejects.toMatchObject({ code: 'exchange.undo_not_last' });
  });

  it('a dry run reports the same counts and writes nothing', async () => {
    const before = snapshot();
    const dry = await runImport(w.session, fx('1c-clients.xlsx'), { entity: 'clients', dryRun: true });
    expect(dry.created).toBe(5);
    expect(snapshot()).toBe(before);
    expect(w.count('import_batches')).toBe(0);
  });
});

describe('broken files get one clear message and change nothing', () => {
  const cases: [string, string][] = [
    ['broken-truncated.xlsx', 'exchange.xlsx_broken'],
    ['broken-empty.csv', 'exchange.file_empty'],
    ['broken-random.csv', 'exchange.file_binary'],
    ['broken-unclosed-quote.csv', 'exchange.csv_quote'],
    ['broken-old.xls', 'exchange.xls_legacy'],
    ['no-such-file.csv', 'exchange.file_missing'],
  ];
  for (const [file, code] of cases) {
    it(file, async () => {
      const before = snapshot();
      const e = await runImport(w.session, fx(file), { entity: 'clients' }).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).code).toBe(code);
      expect(snapshot()).toBe(before);
      expect(w.count('import_batches')).toBe(0);
    });
  }

  it('a value longer than the client card allows rejects its row', async () => {
    const file = join(w.dir, 'long.csv');
    writeFileSync(file, `Наименование;Фамилия\r\nООО «Норма»;\r\n;${'Я'.repeat(150)}\r\n`);
    const r = await runImport(w.session, file, { entity: 'clients' });
    expect(r.created).toBe(1);
    expect(r.issues).toEqual([{ row: 3, field: 'lastName', code: 'exchange.value_too_long', params: undefined, severity: 'error' }]);
  });

  it('a ragged CSV rejects the shifted row, naming it', async () => {
    const r = await runImport(w.session, fx('broken-ragged.csv'), { entity: 'clients', dryRun: true });
    expect(r.issues).toEqual([{ row: 3, field: '', code: 'exchange.row_ragged', params: { count: 5, expected: 3 }, severity: 'error' }]);
  });
});

describe('the wizard procedures', () => {
  async function upload(name: string, bytes: Buffer, chunk = 1000): Promise<string> {
    let uploadId: string | null = null;
    for (let off = 0; off < bytes.length || off === 0; off += chunk) {
      const part = bytes.subarray(off, off + chunk);
      const last = off + chunk >= bytes.length;
      const r = w.call('exchange.upload', { uploadId, name, data: part.toString('base64'), last }) as { fileId: string };
      uploadId = r.fileId;
      if (last) break;
    }
    return uploadId!;
  }

  async function finished(jobId: string) {
    for (;;) {
      const s = w.call('exchange.job', { jobId });
      if (s.state !== 'running') return s;
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  it('upload in chunks → preview → change a column → analyse → apply → undo', async () => {
    const fileId = await upload('1c-clients.xlsx', readFileSync(fx('1c-clients.xlsx')));
    const info = await w.call('exchange.inspect', { fileId });
    expect(info.sheets).toEqual([{ index: 0, name: 'Контрагенты' }]);
    const p = await w.call('exchange.preview', { fileId, entity: 'clients', sheet: 0 });
    expect(p.headerRow).toBe(4);
    expect(p.rows[0]!.cells[0]).toBe('Контрагенты');
    // The user maps «Комментарий» to the region instead.
    const mapping = { ...p.mapping, 9: 'region' };
    const { jobId } = w.call('exchange.analyse', { fileId, entity: 'clients', sheet: 0, headerRow: 4, mapping, remember: true });
    const s = await finished(jobId);
    expect(s.state).toBe('done');
    expect(s.summary!.accepted).toBe(5);
    expect(s.summary!.errors[0]).toMatchObject({ row: 10, column: 'ИНН', code: 'inn.checksum' });
    const dry = await w.call('exchange.apply', { jobId, policy: 'update_empty', dryRun: true });
    expect(dry.created).toBe(5);
    expect(w.count('clients')).toBe(0);
    const applied = await w.call('exchange.apply', { jobId, policy: 'update_empty' });
    expect(applied.created).toBe(5);
    expect(clientRow('ООО «Ромашка»')!.region).toBe('Постоянный клиент');
    // A second click does not import twice.
    await expect(w.call('exchange.apply', { jobId, policy: 'update_empty' })).rejects.toMatchObject({ code: 'exchange.already_applied' });
    // The layout is remembered for the next file like this one.
    const again = await w.call('exchange.preview', { fileId, entity: 'clients', sheet: 0 });
    expect(again.remembered).toBe(true);
    expect(again.mapping[9]).toBe('region');
    // Rejected rows as a workbook.
    const rej = await w.call('exchange.rejected', { jobId, lang: 'ru' });
    expect(rej.rows).toBe(1);
    const last = w.call('exchange.lastImport', {});
    expect(last).toMatchObject({ id: applied.batchId, created: 5, fileName: '1c-clients.xlsx' });
    await w.call('exchange.undo', { batchId: applied.batchId! });
    expect(w.count('clients')).toBe(0);
    expect(w.call('exchange.lastImport', {})).toBeNull();
  });

  it('a workbook with several sheets: the chosen sheet is read', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Сводка').addRow(['Отчёт за март']);
    const list = wb.addWorksheet('Клиенты');
    list.addRow(['Наименование', 'Телефон']);
    list.addRow(['ООО «Второй лист»', '8 495 765-43-21']);
    const fileId = await upload('two-sheets.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    expect((await w.call('exchange.inspect', { fileId })).sheets.map((x) => x.name)).toEqual(['Сводка', 'Клиенты']);
    const p = await w.call('exchange.preview', { fileId, entity: 'clients', sheet: 1 });
    expect(p.headerRow).toBe(1);
    const { jobId } = w.call('exchange.analyse', { fileId, entity: 'clients', sheet: 1, headerRow: 1, mapping: p.mapping, remember: false });
    expect((await finished(jobId)).summary!.accepted).toBe(1);
    expect((await w.call('exchange.apply', { jobId, policy: 'skip' })).created).toBe(1);
    expect(clientRow('ООО «Второй лист»')).toBeDefined();
  });

  it('refuses non-table uploads and unknown files', () => {
    expect(() => w.call('exchange.upload', { name: 'virus.exe', data: '', last: true })).toThrow(/Not a table/);
    expect(() => w.call('exchange.job', { jobId: 'nope' })).toThrow(/no longer open/);
    expect(() => w.call('exchange.download', { fileId: 'nope', offset: 0 })).toThrow(/no longer available/);
  });

  it('cancel stops the check', async () => {
    const fileId = await upload('1c-clients.xlsx', readFileSync(fx('1c-clients.xlsx')), 1 << 20);
    const { jobId } = w.call('exchange.analyse', { fileId, entity: 'clients', sheet: 0, headerRow: 4, mapping: { 0: 'name' }, remember: false });
    w.call('exchange.cancel', { jobId });
    const s = await finished(jobId);
    expect(['cancelled', 'done']).toContain(s.state);
    if (s.state === 'cancelled') await expect(w.call('exchange.apply', { jobId, policy: 'skip' })).rejects.toMatchObject({ code: 'exchange.job_not_ready' });
  });

  it('presets are stored in the workspace by header name', () => {
    const saved = w.call('exchange.savePreset', { entity: 'clients', name: 'Из 1С', headers: ['Наименование', 'Примечание'], mapping: { 0: 'name', 1: 'notes' } });
    expect(w.call('exchange.presets', { entity: 'clients' })).toEqual([{ id: saved.id, name: 'Из 1С', mapping: { наименование: 'name', примечание: 'notes' } }]);
    w.call('exchange.deletePreset', { id: saved.id });
    expect(w.call('exchange.presets', { entity: 'clients' })).toEqual([]);
  });
});
