import { test, expect } from './fixtures';

// Due reminders live in a drawer beside the page, opened from the sidebar's bell: with
// reminders due and the drawer open, every control of the page still takes clicks
// (Playwright refuses to click what something else covers), and the drawer's state
// survives a reload.

test('with reminders due and their drawer open, «Новый клиент», the calendar views, the deal header and quick add all take clicks; the drawer state and the count survive a reload', async ({ app: page, server }) => {
  const start = new Date(Date.now() + 5 * 60_000).toISOString();
  for (let i = 1; i <= 8; i++) {
    await server.api('tasks.create', {
      fields: { title: `Позвонить клиенту ${i}`, typeId: 'tasktype-call', allDay: false, startsAt: start, reminders: [10] },
      timeZone: 'Europe/Moscow',
    });
  }
  const client = await server.api<{ id: string }>('clients.create', { kind: 'organization', name: 'ООО «Звонок»', relation: 'client', status: 'active' });
  const sales = (await server.api<{ id: string; name: string }[]>('pipelines.list')).find((p) => p.name === 'Продажа')!;
  const deal = await server.api<{ id: string }>('deals.create', { title: 'Поставка звонков', clientId: client.id, pipelineId: sales.id });
  await page.reload();

  const bell = page.getByTestId('reminder-bell');
  await expect(bell.getByTestId('reminder-count')).toHaveText('8');
  await expect(bell).toHaveAccessibleName('Напоминания: 8 ждут внимания');
  const drawer = page.getByTestId('reminders');
  await expect(drawer).toBeHidden(); // nothing opens over the page by itself
  await bell.click();
  await expect(drawer.locator('li')).toHaveCount(8);
  await expect(drawer.getByRole('button', { name: 'Скрыть', exact: true })).toHaveCount(8);
  await expect(drawer.getByRole('button', { name: 'Закрыть' })).toHaveCount(0);

  // Clients: the new client form opens.
  await page.getByRole('button', { name: 'Новый клиент' }).click();
  await expect(page.getByRole('dialog', { name: 'Новый клиент' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Новый клиент' })).toBeHidden();

  // Calendar: every view of the switch.
  await page.getByRole('link', { name: 'Календарь' }).click();
  for (const view of ['Месяц', 'День', 'Неделя']) {
    await page.getByRole('button', { name: view, exact: true }).click();
    await expect(page.getByRole('button', { name: view, exact: true })).toHaveClass(/rbc-active/);
  }

  // The deal card's header buttons.
  await page.goto(`${server.url}#/deals/${deal.id}`);
  const card = page.getByTestId('deal-card');
  const head = card.locator('header.card-head');
  await head.getByRole('button', { name: 'В архив' }).click();
  await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Отмена' }).click();
  await head.getByRole('button', { name: 'Провалена' }).click();
  await expect(page.getByTestId('lost-dialog')).toBeVisible();
  await page.getByTestId('lost-dialog').getByRole('button', { name: 'Отмена' }).click();
  await head.getByRole('button', { name: 'Успешно' }).click();
  await expect(card.getByTestId('deal-stage')).toHaveText('Успешно');
  await head.getByRole('button', { name: 'Открыть заново' }).click();
  await expect(card.getByTestId('deal-stage')).not.toHaveText('Успешно');

  // Tasks: quick add.
  await page.getByRole('link', { name: 'Задачи' }).click();
  const quick = page.getByLabel('Быстрое добавление задачи');
  await quick.click();
  await quick.fill('Отправить счёт');
  await quick.press('Enter');
  await expect(page.getByTestId('bucket-today')).toContainText('Отправить счёт');

  // The drawer's state is remembered across reloads, open and closed.
  await page.reload();
  await expect(drawer).toBeVisible();
  await expect(bell.getByTestId('reminder-count')).toHaveText('8');
  await drawer.getByRole('button', { name: 'Скрыть панель напоминаний' }).click();
  await expect(drawer).toBeHidden();
  await page.reload();
  await expect(bell.getByTestId('reminder-count')).toHaveText('8');
  await expect(drawer).toBeHidden();

  // Hiding one reminder lowers the count.
  await bell.click();
  await drawer.locator('li').first().getByRole('button', { name: 'Скрыть', exact: true }).click();
  await expect(bell.getByTestId('reminder-count')).toHaveText('7');
});
