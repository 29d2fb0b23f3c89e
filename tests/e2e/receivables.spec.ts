import ExcelJS from 'exceljs';
import { test, expect } from './fixtures';

// Receivables through the real UI: a client's debts on the card, an invoice by hand,
// a payment allocated, a promise to pay broken into a task, the reconciliation .xlsx
// read back, the report and the settings.

// The browser lives in Moscow (playwright.config.ts): "today" is Moscow's, whatever the machine's zone.
const TZ = 'Europe/Moscow';
const today = new Intl.DateTimeFormat('en-CA', { timeZone: TZ }).format(new Date());
const daysAgo = (n: number) => new Date(Date.parse(`${today}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
const ruDate = (isoDate: string) => isoDate.split('-').reverse().join('.');

test('a client’s debt on the card: overdue documents, an invoice by hand, a payment reassigned, a broken promise becomes a task, the reconciliation xlsx', async ({ app: page, server }) => {
  test.setTimeout(180_000); // a long walk through the card on a loaded machine; no timed assertion
  const client = await server.api<{ id: string }>('clients.create', { kind: 'organization', name: 'ООО «Должник»', inn: '7707083893' });
  await server.api('receivables.createDocument', { clientId: client.id, kind: 'shipment', number: 'ГР00-000123', date: daysAgo(75), dueDate: daysAgo(45), amountKopecks: 12_000_000 });
  await server.api('receivables.createDocument', { clientId: client.id, kind: 'shipment', number: 'ГР00-000124', date: daysAgo(20), dueDate: daysAgo(10), amountKopecks: 5_000_050 });

  await page.goto(`${server.url}#/clients/${client.id}`);
  const panel = page.getByTestId('debt-panel');
  await expect(panel.getByTestId('debt-total')).toHaveText(/170\s000,50\s₽/);
  await expect(panel.getByTestId('debt-overdue')).toHaveText(/170\s000,50\s₽/);
  await expect(panel.getByTestId('debt-days')).toHaveText('45 дней');

  // Terms: a bad limit is refused with a message, a good one is kept.
  await panel.getByLabel('Кредитный лимит, ₽').fill('сто тысяч');
  await panel.getByRole('button', { name: 'Сохранить условия' }).click();
  await expect(panel.getByText('Сумма в рублях, например 150 000 или 1 234,50')).toBeVisible();
  await panel.getByLabel('Кредитный лимит, ₽').fill('100 000');
  await panel.getByRole('button', { name: 'Сохранить условия' }).click();
  await expect(panel.getByText('Долг больше кредитного лимита')).toBeVisible();

  // A payment by hand goes to the oldest document; reassigned to the newer one.
  await panel.getByRole('button', { name: 'Внести оплату' }).click();
  const pay = page.getByTestId('payment-dialog');
  await pay.getByLabel('Номер платёжки').fill('77');
  await pay.getByLabel('Сумма, ₽').fill('50 000,50');
  await pay.getByRole('button', { name: 'Внести' }).click();
  const payments = panel.getByTestId('debt-payments');
  await expect(payments.getByText(/№ ГР00-000123: 50\s000,50\s₽/)).toBeVisible();
  await payments.getByRole('button', { name: 'Разнести' }).click();
  const dialog = page.getByTestId('reassign-dialog');
  await dialog.getByLabel('№ ГР00-000123').fill('');
  await dialog.getByLabel('№ ГР00-000124').fill('50 000,50');
  await dialog.getByRole('button', { name: 'Разнести' }).click();
  await expect(payments.getByText(/№ ГР00-000124: 50\s000,50\s₽/)).toBeVisible();
  await expect(panel.getByTestId('debt-documents').getByRole('row', { name: /ГР00-000124/ })).toContainText('оплачен');
  await expect(panel.getByTestId('debt-total')).toHaveText(/120\s000\s₽/);

  // A hand-made invoice: lines, the total, the printable page.
  await panel.getByRole('button', { name: 'Выставить счёт' }).click();
  const inv = page.getByTestId('invoice-dialog');
  await inv.getByLabel('Наименование 1').fill('Разработка сайта');
  await inv.getByLabel('Кол-во 1').fill('2');
  await inv.getByLabel('Цена, ₽ 1').fill('15 000');
  await expect(inv.getByTestId('invoice-total')).toHaveText(/30\s000\s₽/);
  await inv.getByRole('button', { name: 'Выставить' }).click();
  const printed = page.getByTestId('invoice-print');
  await expect(printed.getByTestId('print-total')).toHaveText(/30\s000\s₽/);
  await expect(printed.getByText('ООО «Должник», ИНН 7707083893')).toBeVisible();
  await printed.getByRole('button', { name: 'Закрыть' }).click();
  await expect(panel.getByTestId('debt-total')).toHaveText(/150\s000\s₽/);

  // A promise to pay dated yesterday, not paid: the daily run breaks it and makes a task.
  await panel.getByRole('button', { name: 'Принять обещание оплатить' }).click();
  await panel.getByLabel('Когда оплатят').fill(ruDate(daysAgo(1)));
  await panel.getByLabel('Сумма, ₽').fill('40 000');
  await panel.getByRole('button', { name: 'Записать обещание' }).click();
  await expect(panel.getByTestId('promise-status')).toHaveText('ждём');
  await server.api('receivables.runDaily', { timeZone: TZ });
  await page.reload();
  await expect(page.getByTestId('debt-panel').getByTestId('promise-status')).toContainText('нарушено');

  // The reconciliation statement as .xlsx, read back.
  const download = page.waitForEvent('download');
  await page.getByTestId('reconciliation').getByRole('button', { name: 'Скачать .xlsx' }).click();
  const file = await (await download).path();
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const cells: string[] = [];
  book.worksheets[0]!.eachRow((row) => row.eachCell((c) => cells.push(String(c.value ?? ''))));
  expect(cells.some((c) => c.includes('ГР00-000123'))).toBe(true);
  expect(cells.some((c) => c.includes('ООО «Должник»'))).toBe(true);

  await page.getByRole('link', { name: 'Задачи' }).click();
  await expect(page.getByText(/Обещание оплаты нарушено: ООО «Должник» — 40\s000(,00)?\s₽/).first()).toBeVisible();
});

test('the receivables report lists debtors by bucket and drills to the client; the settings keep the scenario', async ({ app: page, server }) => {
  const a = await server.api<{ id: string }>('clients.create', { kind: 'organization', name: 'ООО «Старый долг»' });
  const b = await server.api<{ id: string }>('clients.create', { kind: 'organization', name: 'ООО «Свежий долг»' });
  await server.api('receivables.createDocument', { clientId: a.id, kind: 'shipment', number: 'A-1', date: daysAgo(120), dueDate: daysAgo(100), amountKopecks: 900_000 });
  await server.api('receivables.createDocument', { clientId: b.id, kind: 'shipment', number: 'B-1', date: daysAgo(5), dueDate: daysAgo(3), amountKopecks: 300_000 });

  await page.goto(`${server.url}#/reports/receivables`);
  const report = page.getByTestId('report-receivables');
  await expect(report.getByRole('row', { name: /ООО «Старый долг»/ })).toContainText(/9\s000\s₽/);
  await expect(report.getByRole('row', { name: /ООО «Свежий долг»/ })).toBeVisible();
  await report.getByLabel('Просрочка').selectOption('b90plus');
  await expect(report.getByRole('row', { name: /ООО «Свежий долг»/ })).toHaveCount(0);
  await report.getByRole('row', { name: /ООО «Старый долг»/ }).getByRole('link').first().click();
  await expect(page.getByRole('heading', { name: 'ООО «Старый долг»' })).toBeVisible();
  await expect(page.getByTestId('debt-documents')).toContainText('A-1');

  // The clients have no responsible manager: the whole agency's view shows them.
  await page.goto(`${server.url}#/`);
  await page.getByText('Всё агентство').click();
  await expect(page.getByTestId('widget-receivables')).toContainText('ООО «Старый долг»');

  await page.goto(`${server.url}#/settings/receivables`);
  const steps = page.getByTestId('collection-steps');
  await expect(steps.getByLabel('День после срока 3')).toHaveValue('30');
  await steps.getByRole('button', { name: 'Добавить шаг' }).click();
  await steps.getByLabel('День после срока 4').fill('45');
  await steps.getByLabel('Действие 4').selectOption('claim');
  await steps.getByLabel('Название (необязательно) 4').fill('Повторная претензия');
  await steps.getByRole('button', { name: 'Убрать шаг 2' }).click();
  await steps.getByRole('button', { name: 'Сохранить сценарий' }).click();
  await expect(page.getByText('Сценарий сохранён')).toBeVisible();
  await page.reload();
  await expect(steps.getByLabel('День после срока 3')).toHaveValue('45');
  await expect(steps.getByLabel('Название (необязательно) 3')).toHaveValue('Повторная претензия');
  await expect(steps.getByLabel('День после срока 4')).toHaveCount(0);

  const settings = page.getByTestId('receivables-settings');
  await settings.getByLabel('Предупреждать в сделках, если просрочка больше, дней').fill('много');
  await settings.getByRole('button', { name: 'Сохранить' }).click();
  await expect(settings.getByText('Целое число дней от 0 до 3650')).toBeVisible();
});
