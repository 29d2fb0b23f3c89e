import { test, expect } from './fixtures';

// Due reminders are a bell with a count and a column of their own: they never cover
// «Новый клиент», the calendar's views, a deal card's buttons or quick add, and the
// column stays as the user left it after a reload.

test('due reminders never cover the page’s controls; the column stays open or closed across reloads; «Скрыть» hides one', async ({ app, server }) => {
  const client = await server.api<{ id: string }>('clients.create', { kind: 'organization', name: 'ООО «Напоминание»' });
  const pipelines = await server.api<{ id: string }[]>('pipelines.list', {});
  const deal = await server.api<{ id: string }>('deals.create', { title: 'Сделка с кнопками', clientId: client.id, pipelineId: pipelines[0]!.id });
  for (const title of ['Позвонить Иванову', 'Отправить КП', 'Встреча в офисе']) {
    await server.api('tasks.create', {
      fields: { title, typeId: 'tasktype-call', allDay: false, startsAt: new Date(Date.now() + 5 * 60_000).toISOString(), reminders: [10] },
      timeZone: 'Europe/Moscow',
    });
  }
  await app.reload();
  const bell = app.getByTestId('reminder-bell');
  await expect(bell).toHaveAccessibleName('Напоминания: 3');
  await bell.click();
  await expect(app.getByTestId('reminders')).toContainText('Позвонить Иванову');

  // With the column open, every control is clickable (Playwright refuses covered ones).
  await app.getByRole('button', { name: 'Новый клиент' }).first().click({ timeout: 3000 });
  await app.keyboard.press('Escape');
  await app.getByRole('link', { name: 'Календарь' }).click();
  for (const view of ['Месяц', 'День', 'Неделя']) await app.getByTestId('calendar').getByRole('button', { name: view }).click({ timeout: 3000 });
  await app.goto(`${server.url}#/deals/${deal.id}`);
  await app.getByTestId('deal-card').locator('header').getByRole('button', { name: 'Успешно' }).click({ timeout: 3000 });
  await expect(app.getByTestId('deal-stage')).toHaveText('Успешно');
  await app.getByRole('link', { name: 'Задачи' }).click();
  await app.getByLabel('Быстрое добавление задачи').fill('Проверить договор');
  await app.getByLabel('Быстрое добавление задачи').press('Enter');
  await expect(app.getByTestId('bucket-today')).toContainText('Проверить договор');

  // Open stays open after a reload; «Скрыть» hides one reminder; closed stays closed.
  await app.reload();
  await expect(app.getByTestId('reminders')).toBeVisible();
  await app.getByTestId('reminders').locator('li', { hasText: 'Отправить КП' }).getByRole('button', { name: 'Скрыть' }).click();
  await expect(bell).toHaveAccessibleName('Напоминания: 2');
  await app.getByRole('button', { name: 'Скрыть панель напоминаний' }).click();
  await app.reload();
  await expect(bell).toHaveAccessibleName('Напоминания: 2');
  await expect(app.getByTestId('reminders')).toBeHidden();
});
