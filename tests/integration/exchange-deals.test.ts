import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { openTestWorkspace, type TestWorkspace } from '../helpers/workspace';
import { runImport } from '../../src-main/core/exchange/run';
import { undoImport } from '../../src-main/core/exchange/undo';
import { exchangeState } from '../../src-main/core/exchange/jobs';
import { writeExport } from '../../src-main/core/exchange/export/write';
import { cellMoney, DEAL_FIELDS } from '../../src-main/core/exchange/entities/deal-fields';
import { autoMapping } from '../../src-main/core/exchange/header';
import { AppError } from '../../src-main/core/errors';
import { openTable } from '../../src-main/core/exchange/read/open';
import { analyse, detectHeaderRow, headersOf, initialMapping, previewRows } from '../../src-main/core/exchange/analyse';
import { applyImport } from '../../src-main/core/exchange/apply';
import { importEntity } from '../../src-main/core/exchange/entities/registry';

const FIX = fileURLToPath(new URL('../fixtures/exchange/', import.meta.url));
const fx = (name: string) => join(FIX, name);

let w: TestWorkspace;
const extra: TestWorkspace[] = [];
beforeEach(() => {
  w = openTestWorkspace();
});
afterEach(() => {
  for (const x of [w, ...extra.splice(0)]) {
    exchangeState(x.session).files.dispose();
    x.dispose();
  }
});

/** A workspace with the clients of the 1C client fixture (the deals file names them). */
async function withClients(ws: TestWorkspace) {
  const r = await runImport(ws.session, fx('1c-clients.xlsx'), { entity: 'clients' });
  expect(r.created).toBe(5);
}

interface DealView {
  title: string;
  client: string;
  pipeline: string;
  stage: string;
  kind: string;
  amount: number;
  currency: string;
  close: string | null;
  responsible: string | null;
  source: string | null;
  description: string | null;
  reason: string | null;
  comment: string | null;
}

const deals = (ws: TestWorkspace) =>
  ws
    .sqlite()
    .prepare(
      `SELECT d.title, c.name AS client, p.name AS pipeline, s.name AS stage, s.kind, d.amount_kopecks AS amount, d.currency, d.expected_close AS close,
         u.name AS responsible, d.source, d.description, lr.name AS reason, d.lost_comment AS comment
       FROM deals d JOIN clients c ON c.id = d.client_id JOIN pipelines p ON p.id = d.pipeline_id JOIN stages s ON s.id = d.stage_id
       LEFT JOIN users u ON u.id = d.responsible_id LEFT JOIN lost_reasons lr ON lr.id = d.lost_reason_id
       WHERE d.archived_at IS NULL ORDER BY d.title`,
    )
    .all() as DealView[];
const deal = (title: string) => deals(w).find((d) => d.title === title);
const dealId = (title: string) => (w.sqlite().prepare('SELECT id FROM deals WHERE title = ?').get(title) as { id: string }).id;
const path = (title: string) =>
  (
    w
      .sqlite()
      .prepare('SELECT f.name AS f, t.name AS t FROM deal_stage_changes ch LEFT JOIN stages f ON f.id = ch.from_stage_id JOIN stages t ON t.id = ch.to_stage_id WHERE ch.deal_id = ? ORDER BY ch.at, ch.id')
      .all(dealId(title)) as { f: string | null; t: string }[]
  ).map((r) => `${r.f ?? '∅'}→${r.t}`);
/** Everything a deals import can touch, to prove a repeated or undone import leaves no trace. */
const snapshot = () =>
  JSON.stringify(['deals', 'deal_stage_changes', 'deal_custom_values', 'history', 'clients'].map((t) => w.sqlite().prepare(`SELECT * FROM ${t} ORDER BY 1`).all()));

describe('deals import from a 1C-style workbook', () => {
  it('matches clients by ИНН and name, pipelines and stages by name, reads amounts to the kopeck, closes won and lost deals', async () => {
    await withClients(w);
    const field = w.call('customFields.create', { entity: 'deal', name: 'Номер договора', type: 'text', options: [] });
    const r = await runImport(w.session, fx('1c-deals.xlsx'), { entity: 'deals' });
    expect(r.headerRow).toBe(4);
    expect(r.analysis.rows).toMatchObject({ totals: 1, merged: 1 });
    expect([r.created, r.updated, r.skipped]).toEqual([5, 0, 0]);

    expect(deal('Поставка бумаги')).toMatchObject({
      client: 'ООО «Ромашка»', pipeline: 'Продажа', stage: 'Переговоры', kind: 'open', amount: 123456, currency: 'RUB',
      close: '2025-03-31', responsible: 'Администратор', source: 'Сайт', description: 'Первая поставка',
    });
    const custom = w.sqlite().prepare('SELECT value FROM deal_custom_values WHERE deal_id = ? AND field_id = ?').get(dealId('Поставка бумаги'), field.id);
    expect(custom).toEqual({ value: 'Д-15/2025' });
    // ИНН 0123456788 stored by Excel as 123456788; pipeline and stage in another case.
    expect(deal('Аренда склада')).toMatchObject({ client: 'АО «Северный ветер»', pipeline: 'Аренда', stage: 'Показ', amount: 15000050, close: '2025-05-15' });
    // By name; «Счет» finds «Счёт выставлен»; an Excel serial date; won through the core: the path shows both stages.
    expect(deal('Ремонт офиса')).toMatchObject({ client: 'Иванов Иван Иванович', pipeline: 'Услуги', stage: 'Выполнено', kind: 'won', amount: 1200000, close: '2025-06-30', responsible: null });
    expect(path('Ремонт офиса')).toEqual(['∅→Счёт выставлен', 'Счёт выставлен→Выполнено']);
    // No pipeline: the first one; lost for a listed reason.
    expect(deal('Консультация')).toMatchObject({ pipeline: 'Продажа', kind: 'lost', stage: 'Провалено', reason: 'Дорого', comment: null, amount: 500000 });
    expect(path('Консультация')).toEqual(['∅→Новая заявка', 'Новая заявка→Провалено']);
    // An unlisted reason: «Другое», the text kept as the comment.
    expect(deal('Обслуживание')).toMatchObject({ kind: 'lost', reason: 'Другое', comment: 'Ушли к знакомому подрядчику', amount: 9990 });
    expect(deal('Поставка мебели')).toBeUndefined();
    // The client's timeline has the deal events, as when a user closes a deal.
    const events = w.sqlite().prepare('SELECT event, event_data AS data FROM history WHERE deal_id = ? ORDER BY occurred_at, id').all(dealId('Ремонт офиса'));
    expect(events).toEqual([
      { event: 'deal_created', data: '{"title":"Ремонт офиса"}' },
      { event: 'deal_won', data: '{"title":"Ремонт офиса"}' },
    ]);

    // Rows as Excel numbers them; the unknown client is an error naming the row, the column and the value.
    expect(r.issues.map((i) => `${i.row}:${i.severity}:${i.field}:${i.code}`)).toEqual([
      '7:warning:responsible:exchange.user_unknown',
      '9:warning:lostReason:exchange.lost_reason_other',
      '10:error:client:exchange.deal_client_not_found',
    ]);
    expect(r.issues[2]!.params).toEqual({ value: 'ООО «Нет такой»' });
    expect(r.analysis.rejected.map((x) => x.row)).toEqual([10]);
  });

  it('re-importing the same file changes nothing, with every policy but "create"', async () => {
    await withClients(w);
    await runImport(w.session, fx('1c-deals.xlsx'), { entity: 'deals' });
    const before = snapshot();
    for (const policy of ['update_empty', 'overwrite', 'skip'] as const) {
      const again = await runImport(w.session, fx('1c-deals.xlsx'), { entity: 'deals', policy });
      expect([again.created, again.updated, again.skipped], policy).toEqual([0, 0, 5]);
      expect(again.batchId).toBeNull();
    }
    expect(snapshot()).toBe(before);
    const dup = await runImport(w.session, fx('1c-deals.xlsx'), { entity: 'deals', policy: 'create', dryRun: true });
    expect(dup.created).toBe(5);
    expect(snapshot()).toBe(before);
  });

  it('policies: update fills empty fields, overwrite replaces them and moves the deal through the core; undo restores everything', async () => {
    await withClients(w);
    await runImport(w.session, fx('1c-deals.xlsx'), { entity: 'deals' });
    // Someone empties a field and moves a deal by hand.
    w.sqlite().prepare("UPDATE deals SET source = NULL WHERE title = 'Аренда склада'").run();
    const file = join(w.dir, 'changes.csv');
    // Северный ветер by ИНН, Ромашка by name.
    writeFileSync(
      file,
      '\ufeffСделка;Клиент;ИНН;Воронка;Этап;Сумма;Источник;Статус;Причина отказа\r\n' +
        'АРЕНДА СКЛАДА;;0123456788;Аренда;Договор аренды;200 000 RUB;Выставка;;\r\n' +
        'Поставка бумаги;ООО «Ромашка»;;;;1234.5;Реклама;Провалено;Не выходит на связь\r\n',
      'utf8',
    );
    const before = snapshot();
    const fill = await runImport(w.session, file, { entity: 'deals', policy: 'update_empty' });
    expect([fill.created, fill.updated, fill.skipped]).toEqual([0, 1, 1]);
    expect(deal('Аренда склада')).toMatchObject({ source: 'Выставка', stage: 'Показ', amount: 15000050 });
    undoImport(w.session.ctx(), fill.batchId!);
    expect(snapshot()).toBe(before);

    const over = await runImport(w.session, file, { entity: 'deals', policy: 'overwrite' });
    expect([over.created, over.updated, over.skipped]).toEqual([0, 2, 0]);
    expect(deal('Аренда склада')).toMatchObject({ source: 'Выставка', stage: 'Договор аренды', amount: 20000000 });
    expect(deal('Поставка бумаги')).toMatchObject({ kind: 'lost', reason: 'Не выходит на связь', amount: 123450, source: 'Реклама' });
    expect(path('Поставка бумаги')).toEqual(['∅→Переговоры', 'Переговоры→Провалено']);
    const r = undoImport(w.session.ctx(), over.batchId!);
    expect(r).toEqual({ removed: 0, reverted: 2 });
    // Row, custom values, stage history and timeline entries as they were.
    expect(snapshot()).toBe(before);

    // Overwrite with only the pipeline (or only «в работе») keeps an open deal in its stage.
    const pipelineOnly = join(w.dir, 'pipeline-only.csv');
    writeFileSync(pipelineOnly, 'Сделка;Клиент;Воронка;Статус;Сумма\r\nПоставка бумаги;ООО «Ромашка»;Продажа;в работе;1 000\r\n', 'utf8');
    const kept = await runImport(w.session, pipelineOnly, { entity: 'deals', policy: 'overwrite' });
    expect(kept.updated).toBe(1);
    expect(deal('Поставка бумаги')).toMatchObject({ stage: 'Переговоры', amount: 100000 });
    expect(path('Поставка бумаги')).toEqual(['∅→Переговоры']);

    // ...and never reopens a closed one.
    w.call('deals.close', { id: dealId('Поставка бумаги'), outcome: 'won' });
    const closedBefore = snapshot();
    const again = await runImport(w.session, pipelineOnly, { entity: 'deals', policy: 'overwrite' });
    expect([again.updated, again.skipped]).toEqual([0, 1]);
    expect(deal('Поставка бумаги')).toMatchObject({ kind: 'won', amount: 100000 });
    expect(snapshot()).toBe(closedBefore);
  });

  it('undo removes the created deals with their stage history and timeline entries', async () => {
    await withClients(w);
    const before = snapshot();
    const r = await runImport(w.session, fx('1c-deals.xlsx'), { entity: 'deals' });
    expect(w.count('deal_stage_changes')).toBe(8);
    expect(undoImport(w.session.ctx(), r.batchId!)).toEqual({ removed: 5, reverted: 0 });
    expect(w.count('deals')).toBe(0);
    expect(w.count('deal_stage_changes')).toBe(0);
    expect(w.count('history', 'deal_id IS NOT NULL')).toBe(0);
    expect(snapshot()).toBe(before);
  });

  it('undo of an import whose deal got a repeating task: the tasks stay, unlinked, and later occurrences can still be made', async () => {
    await withClients(w);
    const r = await runImport(w.session, fx('1c-deals.xlsx'), { entity: 'deals' });
    const deal = (w.sqlite().prepare("SELECT d.id FROM deals d JOIN stages s ON s.id = d.stage_id WHERE s.kind = 'open' LIMIT 1").get() as { id: string }).id;
    w.call('tasks.create', {
      fields: { title: 'Созвон по сделке', typeId: 'tasktype-call', allDay: false, startsAt: new Date().toISOString(), recurrence: { freq: 'weekly', byWeekday: [0] }, dealId: deal },
      timeZone: 'Europe/Moscow',
    });
    const made = w.count('tasks');
    undoImport(w.session.ctx(), r.batchId!);
    expect(w.count('tasks', 'deal_id IS NOT NULL')).toBe(0);
    expect(w.count('tasks')).toBe(made);
    // A calendar range a year ahead makes more occurrences from the series: no dangling deal.
    const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
    const later = w.call('tasks.range', { range: { from: day(365), to: day(379) }, timeZone: 'Europe/Moscow' });
    expect(later.items.map((x) => x.title)).toEqual(['Созвон по сделке', 'Созвон по сделке']);
    expect(w.count('tasks')).toBeGreaterThan(made);
    expect(w.count('tasks', 'deal_id IS NOT NULL')).toBe(0);
  });

  it('never creates clients: a file of unknown clients imports nothing', async () => {
    const r = await runImport(w.session, fx('1c-deals.xlsx'), { entity: 'deals' });
    expect(r.created).toBe(0);
    expect(r.analysis.rejected).toHaveLength(7);
    expect(w.count('clients')).toBe(0);
    expect(r.issues.filter((i) => i.severity === 'error').every((i) => i.code === 'exchange.deal_client_not_found')).toBe(true);
    // By ИНН first: the error names the ИНН as restored, not the number Excel kept.
    expect(r.issues.find((i) => i.row === 6)).toMatchObject({ field: 'clientTaxId', params: { value: '0123456788' } });
  });

  it('never guesses the client: another ИНН, several clients of one name, a name that differs in legal form', async () => {
    const mk = (name: string, extra: Record<string, unknown> = {}) => w.call('clients.create', { kind: 'organization', name, ...extra }).id;
    mk('ООО «Альфа»', { inn: '7707083893' });
    mk('ИП Петров', { phones: [{ raw: '+7 900 111-22-33' }] });
    const second = mk('ИП Петров', { phones: [{ raw: '+7 900 444-55-66' }] });
    const beta = mk('АО «Бета»');
    const file = join(w.dir, 'guess.csv');
    writeFileSync(
      file,
      'Сделка;Клиент;ИНН;Телефон\r\n' +
        'Кредитная линия;ООО «Альфа»;7736207543;\r\n' +
        'Ремонт;ИП Петров;;\r\n' +
        'Окна;ИП Петров;;8 (900) 444-55-66\r\n' +
        'Поставка;ООО «Бета»;;\r\n',
      'utf8',
    );
    const r = await runImport(w.session, file, { entity: 'deals' });
    const issue = (row: number) => r.issues.filter((i) => i.row === row && i.field !== 'stage').map((i) => [i.severity, i.field, i.code, i.params]);
    expect(issue(2)).toEqual([['error', 'clientTaxId', 'exchange.deal_client_other_inn', { value: '7736207543', name: 'ООО «Альфа»', inn: '7707083893' }]]);
    expect(issue(3)).toEqual([['error', 'client', 'exchange.deal_client_ambiguous', { value: 'ИП Петров', count: 2 }]]);
    expect(issue(4)).toEqual([]);
    expect(issue(5)).toEqual([['warning', 'client', 'exchange.deal_client_near', { value: 'ООО «Бета»', name: 'АО «Бета»' }]]);
    expect(r.created).toBe(2);
    const placed = w.sqlite().prepare('SELECT title, client_id AS clientId FROM deals ORDER BY title').all();
    expect(placed).toEqual([
      { title: 'Окна', clientId: second },
      { title: 'Поставка', clientId: beta },
    ]);
  });

  it('a row the deals core refuses at apply time (the workspace changed after the check) names its row; nothing is written', async () => {
    await withClients(w);
    const file = join(w.dir, 'late.csv');
    writeFileSync(file, 'Сделка;Клиент;Воронка;Этап\r\nОкна;ООО «Ромашка»;Продажа;Новая заявка\r\nДвери;ООО «Ромашка»;Продажа;Переговоры\r\n', 'utf8');
    const ctx = w.session.ctx();
    const entity = importEntity('deals');
    const table = await openTable(file);
    const head = await previewRows(table, 0);
    const headerRow = detectHeaderRow(head, entity.fields(ctx))!;
    const mapping = initialMapping(ctx, entity, headersOf(head, headerRow)).mapping;
    const analysis = await analyse(ctx, table, entity, { sheet: 0, headerRow, mapping });
    expect(analysis.candidates).toHaveLength(2);
    // Meanwhile someone removes the «Переговоры» stage.
    w.sqlite().prepare("UPDATE stages SET archived_at = '2026-01-01T00:00:00Z' WHERE name = 'Переговоры'").run();
    const before = snapshot();
    const e = (() => {
      try {
        applyImport(ctx, entity, analysis, { policy: 'update_empty', matchOrder: ['inn', 'phone', 'email'], fileName: 'late.csv' });
      } catch (err) {
        return err as AppError;
      }
    })();
    expect(e).toBeInstanceOf(AppError);
    expect(e!.issues.map((i) => [i.field, i.params?.row])).toEqual([['stageId', 3]]);
    expect(snapshot()).toBe(before);
  });

  it('through the wizard: the check offers the unknown manager, the apply creates them, the status still answers afterwards', async () => {
    await withClients(w);
    const file = join(w.dir, 'managers.csv');
    writeFileSync(file, 'Сделка;Клиент;Воронка;Этап;Ответственный\r\nОкна;ООО «Ромашка»;Продажа;Новая заявка;Сидоров Пётр\r\n', 'utf8');
    const fileId = exchangeState(w.session).files.register(file);
    const p = await w.call('exchange.preview', { fileId, entity: 'deals', sheet: 0 });
    const { jobId } = w.call('exchange.analyse', { fileId, entity: 'deals', sheet: 0, headerRow: p.headerRow!, mapping: p.mapping, remember: false });
    let s = w.call('exchange.job', { jobId });
    while (s.state === 'running') {
      await new Promise((r) => setTimeout(r, 5));
      s = w.call('exchange.job', { jobId });
    }
    expect(s.summary!.newUsers).toEqual(['Сидоров Пётр']);
    const applied = await w.call('exchange.apply', { jobId, policy: 'update_empty', createUsers: true });
    expect(applied.created).toBe(1);
    // The checked records left with the apply; the result screen still reads the status.
    const after = w.call('exchange.job', { jobId });
    expect(after.summary).toMatchObject({ accepted: 1, newUsers: [] });
  });

  it('unknown pipeline or stage is an error; no stage is a warning; a lost reason is required only when there is no «Другое»', async () => {
    await withClients(w);
    const file = join(w.dir, 'edge.csv');
    writeFileSync(
      file,
      'Сделка;Клиент;Воронка;Этап;Сумма;Статус;Причина отказа\r\n' +
        'А;ООО «Ромашка»;Нет такой;;1;;\r\n' +
        'Б;ООО «Ромашка»;Продажа;Нет такого;1;;\r\n' +
        'В;ООО «Ромашка»;Аренда;;abc;;\r\n' +
        'Г;ООО «Ромашка»;;Показ;1;;\r\n' +
        'Д;ООО «Ромашка»;;;2;Провалено;\r\n' +
        ';ООО «Ромашка»;;;;;\r\n',
      'utf8',
    );
    const r = await runImport(w.session, file, { entity: 'deals', dryRun: true });
    expect(r.issues.map((i) => `${i.row}:${i.severity}:${i.field}:${i.code}`)).toEqual([
      '2:error:pipeline:exchange.pipeline_unknown',
      '3:error:stage:exchange.stage_unknown',
      '4:warning:stage:exchange.stage_default',
      '4:error:amount:exchange.amount_invalid',
      '6:warning:lostReason:exchange.lost_reason_missing',
      '7:error:title:required',
    ]);
    expect(r.created).toBe(2);
    // «Показ» without a pipeline: the pipeline that has it.
    expect(r.outcomes.map((o) => o.row)).toEqual([5, 6]);
    // Without «Другое» in the list, a lost deal needs a listed reason.
    w.sqlite().prepare("UPDATE lost_reasons SET archived_at = '2026-01-01' WHERE name = 'Другое'").run();
    const strict = await runImport(w.session, file, { entity: 'deals', dryRun: true });
    expect(strict.issues.find((i) => i.row === 6)).toMatchObject({ severity: 'error', code: 'exchange.lost_reason_unknown' });
  });
});

describe('column names', () => {
  it('auto-maps Russian, English and 1C-like deal headers', () => {
    const headers = ['Наименование сделки', 'Клиент', 'ИНН контрагента', 'Воронка', 'Стадия', 'Сумма, руб.', 'Валюта', 'Ожидаемая дата закрытия', 'Ответственный менеджер', 'Источник', 'Комментарий', 'Причина отказа', 'Deal', 'Amount', 'Stage'];
    const m = autoMapping(headers, DEAL_FIELDS);
    expect(headers.map((_, i) => m[i])).toEqual([
      'title', 'client', 'clientTaxId', 'pipeline', 'stage', 'amount', 'currency', 'expectedClose', 'responsible', 'source', 'description', 'lostReason', null, null, null,
    ]);
    const en = autoMapping(['Deal', 'Company', 'Amount', 'Stage', 'Close date', 'Owner', 'Status'], DEAL_FIELDS);
    expect(Object.values(en)).toEqual(['title', 'client', 'amount', 'stage', 'expectedClose', 'responsible', 'outcome']);
    expect(autoMapping(['Сделка', 'Контрагент', 'Этап', 'Дата закрытия'], DEAL_FIELDS)).toEqual({ 0: 'title', 1: 'client', 2: 'stage', 3: 'expectedClose' });
  });
});

describe('amounts in exact kopecks', () => {
  it.each([
    ['1 234,56', 123456, null],
    ['1234.56', 123456, null],
    ['1.234,56', 123456, null],
    ['1,234.56', 123456, null],
    ['12 000 руб.', 1200000, 'RUB'],
    ['12\u00a0000,10 ₽', 1200010, 'RUB'],
    ['₽ 500', 50000, 'RUB'],
    ['1 500 RUB', 150000, 'RUB'],
    ['99,9 р.', 9990, 'RUB'],
    ['0,1', 10, null],
    ['100 USD', 10000, 'USD'],
    [0.1 + 0.2, 30, null],
    [1234.56, 123456, null],
    [1.005, 101, null], // Excel shows 1,005: half a kopeck rounds up, as in text
    [1e6, 100000000, null],
  ])('%s', (cell, kopecks, currency) => {
    expect(cellMoney(cell)).toEqual({ kopecks, currency });
  });
  it('rejects what is not an amount', () => {
    for (const v of ['abc', '-5', '12 штук', '1,2,3', -1]) expect(cellMoney(v), String(v)).toBe('invalid');
    expect(cellMoney(null)).toBeNull();
  });
});

describe('deals export', () => {
  it('round trip: export → import into a fresh workspace with the same clients gives the same deals', async () => {
    await withClients(w);
    w.call('customFields.create', { entity: 'deal', name: 'Номер договора', type: 'text', options: [] });
    await runImport(w.session, fx('1c-deals.xlsx'), { entity: 'deals' });
    const other = openTestWorkspace();
    extra.push(other);
    await withClients(other);
    other.call('customFields.create', { entity: 'deal', name: 'Номер договора', type: 'text', options: [] });
    const customOf = (ws: TestWorkspace) => ws.sqlite().prepare('SELECT d.title, v.value FROM deal_custom_values v JOIN deals d ON d.id = v.deal_id ORDER BY 1').all();
    for (const format of ['xlsx', 'csv', 'csv-1c'] as const) {
      const out = join(w.dir, `deals.${format === 'xlsx' ? 'xlsx' : 'csv'}`);
      expect(await writeExport(w.session.ctx(), { entity: 'deals', format }, out)).toBe(5);
      const r = await runImport(other.session, out, { entity: 'deals', policy: 'overwrite' });
      expect(r.issues.filter((i) => i.severity === 'error'), format).toEqual([]);
      expect(deals(other), format).toEqual(deals(w));
      expect(customOf(other), format).toEqual(customOf(w));
      if (format === 'xlsx') expect(r.created).toBe(5);
      else expect(r.created + r.updated).toBe(0);
    }
  });

  it('writes typed cells, follows the list filters and chosen columns, neutralises formulas, refuses vCard', async () => {
    await withClients(w);
    await runImport(w.session, fx('1c-deals.xlsx'), { entity: 'deals' });
    w.sqlite().prepare("UPDATE deals SET description = '=HYPERLINK(\"x\")' WHERE title = 'Аренда склада'").run();
    w.sqlite().prepare("UPDATE deals SET currency = 'USD' WHERE title = 'Поставка бумаги'").run();
    const out = join(w.dir, 'won.xlsx');
    const query = { status: 'open', filter: { amountMin: 100000 }, sort: 'amount', desc: true };
    expect(await writeExport(w.session.ctx(), { entity: 'deals', format: 'xlsx', query, columns: ['title', 'amount', 'expectedClose', 'description'] }, out)).toBe(2);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('Сделки');
    expect(ws.getRow(1).values).toEqual([undefined, 'Сделка', 'Сумма', 'Дата закрытия', 'Комментарий']);
    expect(ws.getCell('A2').value).toBe('Аренда склада');
    expect(ws.getCell('B2').value).toBe(150000.5);
    expect(ws.getCell('B2').numFmt).toContain('₽');
    expect(ws.getCell('C2').value).toEqual(new Date(Date.UTC(2025, 4, 15)));
    expect(ws.getCell('D2').value).toBe('\'=HYPERLINK("x")');
    expect(ws.getCell('A3').value).toBe('Поставка бумаги');
    expect(ws.getCell('B3').numFmt).toBe('#,##0.00 "USD"'); // its own currency, not ₽
    expect(ws.rowCount).toBe(3);
    await expect(writeExport(w.session.ctx(), { entity: 'deals', format: 'vcf' }, join(w.dir, 'x.vcf'))).rejects.toThrow(AppError);
  });
});
