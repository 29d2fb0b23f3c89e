import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures';
import { Session } from '../../src-main/core/workspace/session';
import { invoke, INTERNAL_CALLER, type Caller } from '../../src-main/core/procedures';

// Settings → Журнал: a change made on the client card shows as old → new, the log
// filters by user, pages through 1,200 entries without loading them all, and its
// .xlsx reads back with the same words. The card shows its own entries too.

test.use({
  prepare: {
    run: (path) => {
      const s = new Session();
      s.open(path);
      invoke(s, 'workspace.initialize', { demo: false }, INTERNAL_CALLER);
      const { id: olga } = invoke(s, 'users.create', { name: 'Ольга Смирнова', email: null, color: '#336699' }, INTERNAL_CALLER) as { id: string };
      invoke(s, 'clients.create', { kind: 'organization', name: 'ООО «Ромашка»', region: 'Москва' }, INTERNAL_CALLER);
      // Work done by another user from another PC of the office (the door names the signed-in user).
      const lan = { door: 'http', local: false, address: '192.168.1.20', userId: olga } as Caller;
      s.workspace.sqlite.transaction(() => {
        for (let i = 0; i < 1200; i++) invoke(s, 'clients.create', { kind: 'organization', name: `ООО «Клиент ${i}»` }, lan);
      })();
      s.close();
    },
  },
});

test('a change on the card is in the log as old → new; filter by user; the .xlsx reads back', async ({ page, server }) => {
  const calls: unknown[] = [];
  page.on('request', (r) => r.url().endsWith('/api/audit.list') && calls.push(JSON.parse(r.postData()!)));
  const { rows } = await server.api<{ rows: { id: string; name: string }[] }>('clients.list', { query: { search: 'Ромашка' } });
  const client = rows[0]!;
  await page.goto(`${server.url}#/clients/${client.id}`);
  const card = page.getByTestId('client-card');
  await card.getByTestId('field-region').getByRole('button').click();
  await card.getByTestId('field-region').getByRole('textbox').fill('Казань');
  await card.getByTestId('field-region').getByRole('textbox').press('Enter');
  await expect(card.getByTestId('field-region')).toContainText('Казань');

  // The card's own entries.
  const panel = card.getByTestId('audit-panel');
  await panel.getByText('Журнал изменений').click();
  await expect(panel.getByTestId('audit-entry').first()).toContainText('Изменён клиент');
  await expect(panel.getByTestId('audit-entry').first()).toContainText('Регион: Москва → Казань');
  await expect(panel.getByTestId('audit-entry')).toHaveCount(2);

  await page.getByRole('link', { name: 'Настройки' }).click();
  await page.getByRole('navigation', { name: 'Разделы настроек' }).getByRole('link', { name: 'Журнал' }).click();
  await expect(page).toHaveURL(/#\/settings\/audit$/);
  const section = page.getByTestId('audit-section');
  // 1,200 clients by Olga, Ромашка, Olga herself, the setup, the change on the card.
  await expect(section.getByTestId('audit-count')).toHaveText('Записей: 1204');
  const newest = section.getByTestId('audit-entry').first();
  await expect(newest).toContainText('Изменён клиент');
  await expect(newest).toContainText('Администратор');
  await expect(newest).toContainText('Клиент «ООО «Ромашка»»');
  await expect(newest).toContainText('Регион: Москва → Казань');
  // Only the pages on screen were asked for.
  expect(calls.length).toBeLessThanOrEqual(3);

  await section.getByRole('combobox', { name: 'Пользователь' }).selectOption({ label: 'Ольга Смирнова' });
  await expect(section.getByTestId('audit-count')).toHaveText('Записей: 1200');
  await expect(section.getByTestId('audit-entry').first()).toContainText('Ольга Смирнова');
  await expect(section.getByTestId('audit-entry').first()).toContainText('сеть: 192.168.1.20');
  await expect(section.getByTestId('audit-entry').filter({ hasText: 'Администратор' })).toHaveCount(0);
  await section.getByRole('combobox', { name: 'Действие' }).selectOption({ label: 'Изменён клиент' });
  await expect(section.getByTestId('audit-count')).toHaveText('Записей: 0');
  await section.getByRole('button', { name: 'Сбросить фильтры' }).click();
  await expect(section.getByTestId('audit-count')).toHaveText('Записей: 1204');

  // Narrow to the client record, then export what is shown.
  await newest.getByRole('button', { name: 'Клиент «ООО «Ромашка»»' }).click();
  await expect(section.getByTestId('audit-count')).toHaveText('Записей: 2');
  const download = page.waitForEvent('download');
  await section.getByRole('button', { name: 'Выгрузить в Excel' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/audit\.xlsx$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(await file.path()) as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  expect(ws.getRow(1).values).toEqual([undefined, 'Когда', 'Кто', 'Откуда', 'Действие', 'Запись', 'Подробности']);
  expect(ws.actualRowCount).toBe(3);
  const row = ws.getRow(2).values as unknown[];
  expect(row[1]).toBeInstanceOf(Date);
  expect(row.slice(2)).toEqual(['Администратор', 'браузер на этом компьютере', 'Изменён клиент', 'Клиент «ООО «Ромашка»»', 'Регион: Москва → Казань']);
  expect(ws.getRow(3).values).toContain('Создан клиент');
  // The export itself is in the log.
  await section.getByRole('button', { name: /Только/ }).click();
  await expect(section.getByTestId('audit-entry').first()).toContainText('Выгрузка журнала');
  await expect(section.getByTestId('audit-entry').first()).toContainText('строк: 2');
});
