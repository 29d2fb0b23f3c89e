import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';

// Virtual lists at sizes where paging bugs show: thousands of rows, the calls a
// screen makes counted at the HTTP door, the rows in the DOM counted. A list asks
// for the page on screen, never for every page; a fast scroll to the end asks for
// the last page, not every page it passed; a page in flight is never asked twice.

test.use({ seed: { clients: 3000, deals: 9000 } });

/** Offsets of every call to `procedure` the page makes from now on. */
function recordCalls(page: Page, procedure: string): number[] {
  const offsets: number[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith(`/api/${procedure}`)) offsets.push((JSON.parse(r.postData() ?? '{}') as { offset?: number }).offset ?? 0);
  });
  return offsets;
}

/** Scrolls the box to the end in 40 steps, one frame apart: a user dragging the scrollbar down. */
async function flingToEnd(box: Locator) {
  await box.evaluate(async (el) => {
    for (let i = 1; i <= 40; i++) {
      el.scrollTop = (el.scrollHeight * i) / 40;
      await new Promise(requestAnimationFrame);
    }
  });
}

test('deals «Список»: a bounded box, the first page only at open, the last page after a fling to the end', async ({ app: page, server }) => {
  const pipelines = await server.api<{ id: string; name: string }[]>('pipelines.list', {});
  const first = pipelines[0]!;
  const head = await server.api<{ totals: { total: number } }>('deals.list', { pipelineId: first.id, status: 'open', limit: 1, withTotals: true });
  const total = head.totals.total;
  expect(total).toBeGreaterThan(1500); // 15+ pages: every one of them was asked for at once before

  const calls = recordCalls(page, 'deals.list');
  await page.getByRole('link', { name: 'Сделки' }).click();
  await page.getByRole('tab', { name: 'Список' }).click();
  const list = page.getByTestId('deal-list');
  await expect(list.getByTestId('list-totals')).toContainText(new RegExp(`Найдено: ${total}\\b`));
  const box = list.getByRole('table');
  await expect(box.getByRole('row').first()).not.toContainText('Загрузка');
  const rows = await box.getByRole('row').count();
  expect(rows).toBeGreaterThan(5);
  expect(rows).toBeLessThan(60);
  const boxHeight = (await box.boundingBox())!.height;
  expect(boxHeight).toBeLessThanOrEqual(900);
  expect(calls).toEqual([0]);

  const lastDeal = await server.api<{ rows: { title: string }[] }>('deals.list', {
    pipelineId: first.id,
    status: 'open',
    offset: total - 1,
    limit: 1,
    withTotals: false,
  });
  await flingToEnd(box);
  await expect(box.getByRole('row').last()).toContainText(lastDeal.rows[0]!.title);
  await expect(box.getByText('Загрузка…')).toHaveCount(0);
  // The last page (and the one before it when both are on screen), never the pages passed on the way.
  expect(calls.length).toBeLessThanOrEqual(5);
  expect(new Set(calls).size).toBe(calls.length);
  expect(calls).toContain(Math.floor((total - 1) / 100) * 100);
  expect(await box.getByRole('row').count()).toBeLessThan(60);
});

test('client list: one page at open, a fling across 30 pages asks for a few, and no page twice', async ({ app: page }) => {
  const calls = recordCalls(page, 'clients.list');
  await page.reload();
  const list = page.getByTestId('client-list');
  await expect(page.getByTestId('clients-total')).toHaveText('Всего: 3000');
  await expect(list.getByRole('row').first()).not.toContainText('Загрузка');
  expect(calls).toEqual([0]);
  expect(await list.getByRole('row').count()).toBeLessThan(60);

  await flingToEnd(list);
  await expect(list.getByRole('row').last().getByRole('checkbox')).toBeVisible();
  await expect(list.getByText('Загрузка…')).toHaveCount(0);
  expect(calls.length).toBeLessThanOrEqual(5);
  expect(new Set(calls).size).toBe(calls.length);
  expect(calls).toContain(2900);
  expect(await list.getByRole('row').count()).toBeLessThan(60);
});

test('client list: a column head sorts (again: reversed), as the core orders; «Сбросить фильтры» only with a filter set', async ({ app: page, server }) => {
  const first = async (sort: string, dir: string) =>
    (await server.api<{ rows: { name: string; inn: string | null }[] }>('clients.list', { query: { sort, dir }, limit: 1 })).rows[0]!;
  const list = page.getByTestId('client-list');
  const firstRow = list.getByRole('row').first();
  const head = page.locator('.list-head');

  await head.getByRole('columnheader', { name: 'ИНН' }).click();
  await expect(head.getByRole('columnheader', { name: 'ИНН' })).toHaveAttribute('aria-sort', 'ascending');
  await expect(firstRow).toContainText((await first('inn', 'asc')).inn!);
  await head.getByRole('columnheader', { name: 'ИНН' }).click();
  await expect(head.getByRole('columnheader', { name: 'ИНН' })).toHaveAttribute('aria-sort', 'descending');
  await expect(firstRow).toContainText((await first('inn', 'desc')).inn!);

  await head.getByRole('columnheader', { name: 'Ответственный' }).click();
  await expect(firstRow).toContainText((await first('responsible', 'asc')).name);
  await head.getByRole('columnheader', { name: 'Создан' }).click();
  await expect(head.getByRole('columnheader', { name: 'Создан' })).toHaveAttribute('aria-sort', 'descending');
  await expect(firstRow).toContainText((await first('createdAt', 'desc')).name);

  const reset = page.getByRole('button', { name: 'Сбросить фильтры' });
  await expect(reset).toBeHidden();
  const tag = page.getByLabel('Тег');
  await tag.selectOption({ index: 1 });
  await expect(reset).toBeVisible();
  await reset.click();
  await expect(reset).toBeHidden();
  await expect(tag).toHaveValue('');
});

test('board: scrolling a long column to its end asks for the next 30 cards once, however many scroll events come', async ({ app: page, server }) => {
  const pipelines = await server.api<{ id: string; stages: { id: string; name: string; kind: string }[] }[]>('pipelines.list', {});
  const board = await server.api<{ columns: { stage: { name: string }; count: number }[] }>('deals.board', { pipelineId: pipelines[0]!.id, pageSize: 30 });
  const biggest = board.columns.reduce((a, b) => (b.count > a.count ? b : a));
  expect(biggest.count).toBeGreaterThan(90);

  const cursors: string[] = [];
  page.on('request', (r) => r.url().endsWith('/api/deals.column') && cursors.push(JSON.stringify(JSON.parse(r.postData()!).after)));
  let release!: () => void;
  const held = new Promise<void>((ok) => (release = ok));
  await page.route('**/api/deals.column', async (route) => {
    await held;
    await route.continue();
  });
  await page.getByRole('link', { name: 'Сделки' }).click();
  const column = page.getByTestId(`column-${biggest.stage.name}`);
  const cards = column.locator('.deal-tile');
  await expect(cards).toHaveCount(30);
  // Ten scroll events at the bottom while the next page is on its way.
  await column.locator('.column-cards').evaluate(async (el) => {
    for (let i = 0; i < 10; i++) {
      el.scrollTop = el.scrollHeight - el.clientHeight - (i % 2);
      el.dispatchEvent(new Event('scroll'));
      await new Promise(requestAnimationFrame);
    }
  });
  expect(cursors).toHaveLength(1);
  release();
  await expect(cards).toHaveCount(60);
  expect(new Set(cursors).size).toBe(cursors.length);
});
