import { test, expect } from './fixtures';

// Lists at a size where an unbounded scroll box shows: every row would count as visible,
// every page would be fetched at once and every row rendered.

test('the deals list of a pipeline with thousands of open deals fetches pages as the user scrolls, never all at once', async ({ app, server }) => {
  server.seed({ clients: 2000, deals: 12000 });
  const calls: string[] = [];
  app.on('request', (r) => {
    if (r.url().endsWith('/api/deals.list')) calls.push(r.postData() ?? '');
  });
  await app.getByRole('link', { name: 'Сделки' }).click();
  await app.getByRole('tab', { name: 'Список' }).click();
  const list = app.getByRole('table', { name: 'Список' });
  await expect(app.getByTestId('list-totals')).toContainText(/Найдено: \d/);
  const shown = Number((await app.getByTestId('list-totals').textContent())!.match(/Найдено: ([\d\s\u00a0]+)/)![1]!.replace(/\D/g, ''));
  expect(shown).toBeGreaterThan(1500);
  await expect(list.getByRole('row').first()).not.toHaveText('Загрузка…');
  expect(calls.length).toBeLessThanOrEqual(3);
  expect(await list.getByRole('row').count()).toBeLessThan(80);

  // To the very end in a few big jumps, as a user drags the scroll bar.
  for (const at of [0.25, 0.5, 1]) {
    await list.evaluate((el, f) => (el.scrollTop = (el.scrollHeight - el.clientHeight) * f), at);
    await app.waitForTimeout(150);
  }
  await expect(list.getByRole('row').last()).not.toHaveText('Загрузка…');
  expect(calls.length).toBeLessThanOrEqual(10);
  expect(await list.getByRole('row').count()).toBeLessThan(80);
});

test('the client list of thousands of clients renders a screenful and fetches pages on demand', async ({ app, server }) => {
  server.seed({ clients: 5000 });
  const calls: string[] = [];
  app.on('request', (r) => {
    if (r.url().endsWith('/api/clients.list')) calls.push(r.postData() ?? '');
  });
  await app.reload();
  const list = app.getByTestId('client-list');
  await expect(app.getByTestId('clients-total')).toHaveText(/^Всего: 5[\s\u00a0]?000$/);
  expect(calls.length).toBeLessThanOrEqual(3);
  expect(await list.getByRole('row').count()).toBeLessThan(80);
  await list.evaluate((el) => (el.scrollTop = el.scrollHeight));
  await app.waitForTimeout(300);
  expect(calls.length).toBeLessThanOrEqual(6);
  expect(await list.getByRole('row').count()).toBeLessThan(80);
});
