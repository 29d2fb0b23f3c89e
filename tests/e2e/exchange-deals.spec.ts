import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { test, expect } from './fixtures';

const FIXTURE = fileURLToPath(new URL('../fixtures/exchange/1c-deals.xlsx', import.meta.url));

type Pipelines = { id: string; name: string; stages: { id: string; name: string }[] }[];

test('import a 1C deals workbook through the wizard: the unknown client is reported, the rest lands on the board and in the list', async ({ app, server }) => {
  // The clients the file names (as an office would have imported them before).
  for (const [kind, name, inn] of [
    ['organization', 'ООО «Ромашка»', '7712345671'],
    ['organization', 'АО «Северный ветер»', '0123456788'],
    ['person', 'Иванов Иван Иванович', '500123456750'],
    ['sole_trader', 'ИП Сидорова Анна Павловна', '770198765434'],
    ['organization', 'ООО «Вектор»', '5001007329'],
  ] as const) {
    await server.api('clients.create', { kind, name, inn });
  }
  await app.getByRole('link', { name: 'Обмен данными' }).click();
  const wizard = app.getByRole('region', { name: 'Загрузка из файла' });

  // 1. What the file holds, then the file itself.
  await wizard.getByLabel('Что загружаем').selectOption({ label: 'Сделки' });
  const chooser = app.waitForEvent('filechooser');
  await wizard.getByRole('button', { name: 'Выбрать файл…' }).click();
  await (await chooser).setFiles(FIXTURE);

  // 2. The header under the report's title rows.
  await expect(wizard.getByRole('radio', { name: 'Строка 4' })).toBeChecked();
  await wizard.getByRole('button', { name: 'Далее' }).click();

  // 3. Columns matched by their Russian names.
  await expect(wizard.getByLabel('Поле Картотеки: Сделка')).toHaveValue('title');
  await expect(wizard.getByLabel('Поле Картотеки: Контрагент')).toHaveValue('client');
  await expect(wizard.getByLabel('Поле Картотеки: ИНН')).toHaveValue('clientTaxId');
  await expect(wizard.getByLabel('Поле Картотеки: Этап')).toHaveValue('stage');
  await expect(wizard.getByLabel('Поле Картотеки: Сумма')).toHaveValue('amount');
  await expect(wizard.getByLabel('Поле Картотеки: Статус')).toHaveValue('outcome');
  await wizard.getByRole('button', { name: 'Далее' }).click();

  // 4. The check: the unknown client is an error on its row; the unlisted lost reason a warning.
  await expect(wizard.getByTestId('check-summary')).toContainText('Будут загружены: 5');
  const errors = wizard.getByRole('region', { name: 'Ошибки' });
  await expect(errors).toContainText('Строка 10');
  await expect(errors).toContainText('Нет клиента «ООО «Нет такой»» в Картотеке');
  const warnings = wizard.getByRole('region', { name: 'Предупреждения' });
  await expect(warnings).toContainText('Строка 9');
  await expect(warnings).toContainText('записана как «Другое»');
  await wizard.getByRole('button', { name: 'Далее' }).click();

  // 5. Duplicates are deals of the same client with the same title; dry run, then apply.
  await expect(wizard.getByText('Если у клиента уже есть сделка с таким названием')).toBeVisible();
  await expect(wizard.getByTestId('dry-run')).toContainText('Будет создано: 5');
  await wizard.getByRole('button', { name: 'Загрузить' }).click();
  await expect(wizard.getByTestId('import-result')).toContainText('создано 5');

  // 6. The board of the first pipeline shows them in their stages.
  await app.getByRole('link', { name: 'Сделки' }).click();
  await expect(app.getByTestId('column-Переговоры').getByTestId('deal-tile').filter({ hasText: 'Поставка бумаги' })).toBeVisible();
  await expect(app.getByTestId('column-Провалено').getByTestId('deal-tile')).toHaveCount(2);
  await app.getByLabel('Воронка').selectOption({ label: 'Аренда' });
  await expect(app.getByTestId('column-Показ').getByTestId('deal-tile').filter({ hasText: 'Аренда склада' })).toBeVisible();

  // … and the list of the pipeline «Услуги», won deals, with the amount to the kopeck.
  await app.getByLabel('Воронка').selectOption({ label: 'Услуги' });
  await app.getByRole('tab', { name: 'Список' }).click();
  await app.getByLabel('Статус').selectOption({ label: 'Успешные' });
  const list = app.getByTestId('deal-list');
  await expect(list.getByRole('row').filter({ hasText: 'Ремонт офиса' })).toBeVisible();
  await expect(list.getByTestId('list-totals')).toContainText('Найдено: 1');
  await expect(list.getByTestId('list-totals')).toContainText('12 000');
});

test('export deals with the current deals filters to Excel and download it', async ({ app, server }) => {
  const client = await server.api<{ id: string }>('clients.create', { kind: 'organization', name: 'ООО «Экспорт»', inn: '7707083893' });
  const pipelines = await server.api<Pipelines>('pipelines.list', {});
  const sale = pipelines.find((p) => p.name === 'Продажа')!;
  const rent = pipelines.find((p) => p.name === 'Аренда')!;
  await server.api('deals.create', { title: 'Продажа станка', clientId: client.id, pipelineId: sale.id, amountKopecks: 123456, expectedClose: '2026-12-31' });
  await server.api('deals.create', { title: 'Аренда офиса', clientId: client.id, pipelineId: rent.id, amountKopecks: 5000000, description: '=1+2' });

  // The user looks at the pipeline «Аренда», then chooses to export only what that screen shows.
  await app.getByRole('link', { name: 'Сделки' }).click();
  await app.getByLabel('Воронка').selectOption({ label: 'Аренда' });
  await expect(app.getByTestId('deal-tile').filter({ hasText: 'Аренда офиса' })).toBeVisible();
  await app.getByRole('link', { name: 'Обмен данными' }).click();
  const panel = app.getByRole('region', { name: 'Выгрузка в файл' });
  await panel.getByLabel('Что выгружаем').selectOption({ label: 'Сделки' });
  await expect(panel.getByRole('radio', { name: 'Все сделки всех воронок: 2' })).toBeChecked();
  await panel.getByRole('radio', { name: /Только отобранные на экране списка: 1 — воронка «Аренда»/ }).check();
  // Deals are not phone contacts: no vCard.
  await expect(panel.getByLabel('Формат').locator('option')).toHaveText(['Excel (.xlsx)', 'CSV для Excel (UTF-8, «;»)', 'CSV для 1С (Windows-1251, «;»)']);
  const download = app.waitForEvent('download');
  await panel.getByRole('button', { name: 'Выгрузить' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^Сделки .*\.xlsx$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(await file.path()) as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  expect(ws.rowCount).toBe(2);
  const header = ws.getRow(1).values as unknown[];
  const row = ws.getRow(2).values as unknown[];
  expect(row[header.indexOf('Сделка')]).toBe('Аренда офиса');
  expect(row[header.indexOf('Клиент')]).toBe('ООО «Экспорт»');
  expect(row[header.indexOf('ИНН')]).toBe('7707083893');
  expect(row[header.indexOf('Воронка')]).toBe('Аренда');
  expect(row[header.indexOf('Сумма')]).toBe(50000);
  expect(row[header.indexOf('Комментарий')]).toBe("'=1+2");
});
