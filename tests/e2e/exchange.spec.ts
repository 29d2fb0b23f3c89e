import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { test, expect } from './fixtures';

const FIXTURE = fileURLToPath(new URL('../fixtures/exchange/1c-clients.xlsx', import.meta.url));

test('import a 1C workbook with a title row through the wizard, fix one column, see the warnings, apply, undo', async ({ app, server }) => {
  await app.getByRole('link', { name: 'Обмен данными' }).click();
  const wizard = app.getByRole('region', { name: 'Загрузка из файла' });

  // 1. A real file chooser.
  const chooser = app.waitForEvent('filechooser');
  await wizard.getByRole('button', { name: 'Выбрать файл…' }).click();
  await (await chooser).setFiles(FIXTURE);

  // 2. The header row under the 1C title rows is found by itself.
  await expect(wizard.getByRole('radio', { name: 'Строка 4' })).toBeChecked();
  await expect(wizard.getByRole('cell', { name: 'Контрагенты', exact: true })).toBeVisible();
  await wizard.getByRole('button', { name: 'Далее' }).click();

  // 3. Columns are matched by their 1C names; the user sends «Комментарий» to «Регион».
  await expect(wizard.getByLabel('Поле Картотеки: ИНН')).toHaveValue('inn');
  await expect(wizard.getByLabel('Поле Картотеки: Адрес электронной почты')).toHaveValue('emails');
  await wizard.getByLabel('Поле Картотеки: Комментарий').selectOption({ label: 'Регион' });
  await wizard.getByRole('button', { name: 'Далее' }).click();

  // 4. Errors and warnings with the rows as Excel numbers them.
  await expect(wizard.getByTestId('check-summary')).toContainText('Будут загружены: 5');
  const errors = wizard.getByRole('region', { name: 'Ошибки' });
  await expect(errors).toContainText('Строка 10');
  await expect(errors).toContainText('ИНН с ошибкой');
  const warnings = wizard.getByRole('region', { name: 'Предупреждения' });
  await expect(warnings).toContainText('Строка 6');
  await expect(warnings).toContainText('восстановлен: 0123456788');
  await expect(warnings).toContainText('vector@@mail');
  await wizard.getByRole('button', { name: 'Далее' }).click();

  // 5. Duplicate policy with a dry run, then apply.
  await expect(wizard.getByTestId('dry-run')).toContainText('Будет создано: 5');
  await wizard.getByRole('button', { name: 'Загрузить' }).click();
  await expect(wizard.getByTestId('import-result')).toContainText('создано 5');
  const list = await server.api<{ total: number }>('clients.list', { query: {} });
  expect(list.total).toBe(5);
  const romashka = await server.api<{ total: number }>('clients.list', { query: { region: 'Постоянный клиент' } });
  expect(romashka.total).toBe(1);

  // 6. Undo, after a confirmation.
  await wizard.getByRole('button', { name: 'Отменить эту загрузку' }).click();
  await app.getByTestId('confirm-dialog').getByRole('button', { name: 'Подтвердить' }).click();
  await expect(app.getByText('Загрузка отменена: удалено 5')).toBeVisible();
  expect((await server.api<{ total: number }>('clients.list', { query: {} })).total).toBe(0);
});

test('export the client list to Excel and download it', async ({ app, server }) => {
  await server.api('clients.create', { kind: 'organization', name: 'ООО «Экспорт»', inn: '7707083893', phones: [{ raw: '8 495 111-22-33' }] });
  await app.getByRole('link', { name: 'Обмен данными' }).click();
  const panel = app.getByRole('region', { name: 'Выгрузка в файл' });
  const download = app.waitForEvent('download');
  await panel.getByRole('button', { name: 'Выгрузить' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^Клиенты .*\.xlsx$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(await file.path()) as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  const header = ws.getRow(1).values as unknown[];
  const row = ws.getRow(2).values as unknown[];
  expect(row[header.indexOf('Наименование')]).toBe('ООО «Экспорт»');
  expect(row[header.indexOf('ИНН')]).toBe('7707083893');
  expect(row[header.indexOf('Телефоны')]).toBe('+7 495 111-22-33');
});

test('a search typed in the client list does not shrink an export unless chosen: the panel says which rows and how many', async ({ app, server }) => {
  await server.api('clients.create', { kind: 'organization', name: 'ООО «Один»', inn: '7707083893' });
  for (let i = 0; i < 24; i++) await server.api('clients.create', { kind: 'organization', name: `ООО «Другой ${i}»` });
  await app.getByRole('searchbox').fill('7707083893');
  await expect(app.getByText('ООО «Один»')).toBeVisible();

  await app.getByRole('link', { name: 'Обмен данными' }).click();
  const panel = app.getByRole('region', { name: 'Выгрузка в файл' });
  await expect(panel.getByText('Что выгружаем')).toBeVisible();
  const all = panel.getByRole('radio', { name: /Все клиенты \(без архива\): 25/ });
  const filtered = panel.getByRole('radio', { name: /Только отобранные на экране списка: 1 — поиск «7707083893»/ });
  await expect(all).toBeChecked();
  await expect(filtered).not.toBeChecked();

  const rowsOf = async (click: () => Promise<void>) => {
    const download = app.waitForEvent('download');
    await click();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(await (await download).path()) as unknown as ArrayBuffer);
    return wb.worksheets[0]!.actualRowCount - 1;
  };
  expect(await rowsOf(() => panel.getByRole('button', { name: 'Выгрузить' }).click())).toBe(25);
  await filtered.check();
  expect(await rowsOf(() => panel.getByRole('button', { name: 'Выгрузить' }).click())).toBe(1);
});
