import ExcelJS from 'exceljs';
import { format } from 'date-fns';
import { test, expect } from './fixtures';

// Reports at a size where paging and totals bugs show: thousands of deals, of which
// a fifth are won. Every number is compared with the list it opens and with the file
// the report exports.
test.use({ seed: { clients: 2000, deals: 6000 } });

const digits = (s: string | null) => Number((s ?? '').replace(/\D/g, ''));

test('sales: the period, the won count opening the deals list with as many rows, the xlsx with the same numbers, a drawn chart', async ({ app: page }) => {
  await page.getByRole('link', { name: 'Отчёты' }).click();
  await page.getByRole('link', { name: 'Продажи' }).first().click();
  const report = page.getByTestId('report-sales');
  await report.getByLabel('Период', { exact: true }).selectOption({ label: 'Свой период' });
  await report.getByLabel('с', { exact: true }).fill('01.01.2020');
  await report.getByLabel('по', { exact: true }).fill(format(new Date(), 'dd.MM.yyyy'));
  await report.getByLabel('по', { exact: true }).press('Tab');

  const table = report.getByTestId('report-table');
  const total = table.locator('tfoot tr').first();
  await expect(total.locator('th').nth(1)).toHaveText(/\d/);
  const won = digits(await total.locator('th').nth(1).textContent());
  expect(won).toBeGreaterThan(500);
  const rows = await table.locator('tbody tr').count();
  expect(rows).toBeGreaterThan(1);

  // The chart is drawn: the canvas has pixels that are not background.
  const drawn = await report.locator('[data-testid="report-chart"] canvas').evaluate((c: HTMLCanvasElement) => {
    const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let ink = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) ink++;
    return ink;
  });
  expect(drawn).toBeGreaterThan(1000);

  // The export holds the table: the same rows and the same total count.
  const download = page.waitForEvent('download');
  await report.getByRole('button', { name: 'Выгрузить в Excel' }).click();
  const file = await (await download).path();
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const sheet = book.worksheets[0]!;
  const values: unknown[][] = [];
  sheet.eachRow((row) => values.push((row.values as unknown[]).slice(1)));
  const countColumn = values.findIndex((r) => r.includes('Выиграно сделок'));
  expect(countColumn).toBeGreaterThanOrEqual(0);
  const header = values[countColumn]!;
  const col = header.indexOf('Выиграно сделок');
  const body = values.slice(countColumn + 1).filter((r) => typeof r[col] === 'number');
  // Rows plus the totals line.
  expect(body.length).toBe(rows + 1);
  expect(body.at(-1)![col]).toBe(won);

  // The total count opens the deals list filtered to exactly those deals.
  await total.locator('th').nth(1).getByRole('link').click();
  await expect(page.getByTestId('drill-chip')).toContainText('Продажи');
  await expect(page.getByTestId('list-totals')).toContainText(/Найдено: \d/);
  expect(digits((await page.getByTestId('list-totals').textContent())!.match(/Найдено: ([\d\s\u00a0]+)/)![1]!)).toBe(won);

  // «Показать все» leaves the report's filter.
  await page.getByTestId('drill-chip').getByRole('button').click();
  await expect(page.getByTestId('drill-chip')).toHaveCount(0);
});

test('plan vs fact: a plan typed for a manager shows in the report, and survives a reload', async ({ app: page, server }) => {
  const users = await server.api<{ id: string; name: string }[]>('users.list');
  const manager = users[0]!;
  const month = format(new Date(), 'yyyy-MM');
  await page.goto(`${server.url}#/reports/plan-fact`);
  const report = page.getByTestId('report-plan-fact');
  const grid = report.getByRole('region', { name: 'План продаж, ₽' });
  const cells = grid.getByRole('textbox', { name: new RegExp(`^${manager.name}, `) });
  await expect(cells).toHaveCount(12);
  await cells.nth(new Date().getMonth()).fill('1 500 000');
  await grid.getByRole('button', { name: 'Сохранить план' }).click();
  await expect(page.getByText('План сохранён')).toBeVisible();
  const plans = await server.api<{ managerId: string; month: string; amountKopecks: number }[]>('plans.get', { year: Number(month.slice(0, 4)) });
  expect(plans).toContainEqual(expect.objectContaining({ managerId: manager.id, month, amountKopecks: 150_000_000 }));
  await expect(report.getByTestId('report-table')).toContainText(/1\s?500\s?000/);
  await page.reload();
  await expect(cells.nth(new Date().getMonth())).toHaveValue(/1\s?500\s?000/);
  await expect(report.getByTestId('report-table')).toContainText(/1\s?500\s?000/);
});

test('the dashboard opens first; a widget hidden and one moved stay so after a reload', async ({ app: page }) => {
  await page.getByRole('link', { name: 'Главная' }).click();
  const widgets = page.locator('[data-testid^="widget-"]');
  await expect(widgets.first()).toBeVisible();
  const before = await widgets.evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
  expect(before.length).toBeGreaterThan(3);
  // Every widget shows numbers or its empty state, never an error.
  await expect(page.getByRole('alert')).toHaveCount(0);

  const second = page.getByTestId(before[1]!);
  const title = (await second.getAttribute('aria-label'))!;
  const third = before[2]!;
  await page.getByRole('button', { name: 'Настроить' }).click();
  await page.getByRole('button', { name: `Выше: ${title}` }).click();
  await page.getByTestId(third).getByRole('checkbox').uncheck();
  await page.getByRole('button', { name: 'Готово' }).click();
  await expect(widgets.first()).toHaveAttribute('data-testid', before[1]!);
  await expect(page.getByTestId(third)).toHaveCount(0);
  await page.reload();
  await expect(widgets.first()).toHaveAttribute('data-testid', before[1]!);
  await expect(page.getByTestId(third)).toHaveCount(0);
  expect(await widgets.count()).toBe(before.length - 1);
});
