import { format } from 'date-fns';
import { ru } from 'date-fns/locale';
import { test, expect } from './fixtures';

// A manager keeps every open deal moving: plans the next step from the deal card, sees
// it on the board tile, does it and writes the result, and finds the deals nobody has
// planned anything for with the "without next step" filter. Dates are fixed far ahead
// or days back, so nothing depends on the time of day the test runs at.

const FUTURE = '14.03.2031'; // all-day, years ahead: never overdue, never "today"
// Not this year: the year is shown.
const futureText = format(new Date(2031, 2, 14), 'EEEEEE, d MMM yyyy', { locale: ru });

async function setup(server: { api<T = unknown>(name: string, input?: unknown): Promise<T> }) {
  const client = await server.api<{ id: string }>('clients.create', { kind: 'organization', name: 'ООО «Северный ветер»', relation: 'client', status: 'active' });
  const sales = (await server.api<{ id: string; name: string }[]>('pipelines.list')).find((p) => p.name === 'Продажа')!;
  const mk = (title: string, amountKopecks: number) => server.api<{ id: string }>('deals.create', { title, clientId: client.id, pipelineId: sales.id, amountKopecks });
  const boilers = await mk('Поставка котлов', 300_000_00);
  const service = await mk('Сервисный договор', 120_000_00);
  await mk('Аренда склада', 80_000_00);
  // The service deal waits on a call that was due two days ago: overdue at any hour.
  await server.api('tasks.create', {
    fields: { title: 'Перезвонить главному инженеру', typeId: 'tasktype-call', allDay: false, startsAt: new Date(Date.now() - 2 * 86_400_000).toISOString(), dealId: service.id },
    timeZone: 'Europe/Moscow',
  });
  return { client, boilers };
}

test('plan a task on a deal card, see it as the next step on the board, complete it with a result: the tile says "no next step" and the result is in the deal and client history; the filter finds such deals', async ({
  app: page,
  server,
}) => {
  const { client } = await setup(server);
  await page.getByRole('link', { name: 'Сделки' }).click();
  const tile = (title: string) => page.getByTestId('deal-tile').filter({ hasText: title });
  const column = page.getByTestId('column-Новая заявка');
  await expect(column.getByTestId('column-count')).toHaveText('3 сделки');
  await expect(tile('Поставка котлов').getByTestId('no-next-step')).toHaveText(/Нет следующего шага/);
  const overdue = tile('Сервисный договор').getByTestId('next-task');
  await expect(overdue).toContainText('Перезвонить главному инженеру');
  await expect(overdue).toContainText('просрочена');
  await expect(overdue).toHaveClass(/overdue/);

  // The deal card: plan the next step there; the dialog comes with the deal and its client.
  await tile('Поставка котлов').click();
  const card = page.getByTestId('deal-card');
  const panel = card.getByTestId('deal-tasks');
  await expect(panel).toContainText('Открытых задач по сделке нет');
  await panel.getByRole('button', { name: '+ Задача' }).click();
  const dialog = page.getByTestId('task-dialog');
  await expect(dialog.getByTestId('task-client')).toHaveText('ООО «Северный ветер»');
  await expect(dialog.getByTestId('task-deal')).toHaveText('Поставка котлов');
  await dialog.getByLabel('Что сделать').fill('Отправить КП на котлы');
  await dialog.getByLabel('Тип').selectOption({ label: 'Письмо' });
  await dialog.getByLabel('Весь день').check();
  await dialog.getByLabel('Дата', { exact: true }).fill(FUTURE);
  await dialog.getByLabel('за 15 минут').uncheck();
  await dialog.getByRole('button', { name: 'Сохранить' }).click();
  await expect(dialog).toBeHidden();
  await expect(panel.getByTestId('task-item')).toContainText('Отправить КП на котлы');

  // The board tile shows it as the next step, not overdue.
  await card.getByRole('button', { name: '← К сделкам' }).click();
  const next = tile('Поставка котлов').getByTestId('next-task');
  await expect(next).toHaveText(`Задача: Отправить КП на котлы — ${futureText}`);
  await expect(next).not.toHaveClass(/overdue/);
  await expect(tile('Поставка котлов').getByTestId('no-next-step')).toHaveCount(0);

  // "Without next step": only the deal nobody planned anything for; counts follow.
  await page.getByLabel('Без следующего шага').check();
  await expect(column.getByTestId('column-count')).toHaveText('1 сделка');
  await expect(column.getByTestId('deal-tile')).toHaveCount(1);
  await expect(tile('Аренда склада')).toBeVisible();
  await page.getByLabel('Без следующего шага').uncheck();
  await expect(column.getByTestId('column-count')).toHaveText('3 сделки');

  // Done, with a result, from the deal card.
  await tile('Поставка котлов').click();
  await panel.getByRole('button', { name: 'Выполнить «Отправить КП на котлы»' }).click();
  const done = page.getByTestId('complete-dialog');
  await expect(done).toContainText('в историю клиента «ООО «Северный ветер»» и сделки «Поставка котлов»');
  await done.getByLabel('Результат').fill('КП отправлено, ждут согласования бюджета');
  await done.getByRole('button', { name: 'Выполнить' }).click();
  await expect(done).toBeHidden();
  await expect(panel).toContainText('Открытых задач по сделке нет');
  await expect(panel.getByTestId('task-item')).toContainText('КП отправлено, ждут согласования бюджета');
  await expect(card.getByTestId('history')).toContainText('КП отправлено, ждут согласования бюджета');

  // Back on the board the deal is flagged again, and the filter now finds two deals.
  await card.getByRole('button', { name: '← К сделкам' }).click();
  await expect(tile('Поставка котлов').getByTestId('no-next-step')).toBeVisible();
  await page.getByLabel('Без следующего шага').check();
  await expect(column.getByTestId('column-count')).toHaveText('2 сделки');
  // The list shows the same flag and the same filter.
  await page.getByRole('tab', { name: 'Список' }).click();
  const list = page.getByTestId('deal-list');
  await expect(list.getByTestId('list-totals')).toContainText('Найдено: 2');
  await expect(list.getByRole('row').filter({ hasText: 'Поставка котлов' }).getByTestId('no-next-step')).toBeVisible();
  await page.getByLabel('Без следующего шага').uncheck();
  await expect(list.getByTestId('list-totals')).toContainText('Найдено: 3');
  await expect(list.getByRole('row').filter({ hasText: 'Сервисный договор' }).getByTestId('next-task')).toContainText('Перезвонить главному инженеру');

  // The client's history has the result, marked with the deal.
  await page.goto(`${server.url}#/clients/${client.id}`);
  const deals = page.getByTestId('client-deals');
  await expect(deals.locator('li').filter({ hasText: 'Поставка котлов' }).getByTestId('no-next-step')).toBeVisible();
  await expect(deals.locator('li').filter({ hasText: 'Сервисный договор' }).getByTestId('next-task')).toContainText('Перезвонить главному инженеру');
  const history = page.getByTestId('history');
  await expect(history).toContainText('КП отправлено, ждут согласования бюджета');
  await expect(history).toContainText('Поставка котлов');
});

test('the task dialog offers the chosen client\'s deals; the task lists filter by deal', async ({ app: page, server }) => {
  await setup(server);
  await page.getByRole('link', { name: 'Задачи' }).click();
  await page.getByRole('button', { name: 'Новая задача' }).click();
  const dialog = page.getByTestId('task-dialog');
  await dialog.getByLabel('Что сделать').fill('Согласовать график монтажа');
  await dialog.getByLabel('Весь день').check();
  await dialog.getByLabel('Дата', { exact: true }).fill(FUTURE);
  // Without a client, a deal is found by its title and brings its client along.
  await dialog.getByLabel('Сделка').fill('бассейн');
  await expect(dialog.getByRole('status').filter({ hasText: 'Сделок не найдено' })).toBeVisible();
  await dialog.getByLabel('Сделка').fill('котл');
  await dialog.getByRole('button', { name: 'Поставка котлов — ООО «Северный ветер»' }).click();
  await expect(dialog.getByTestId('task-deal')).toHaveText('Поставка котлов');
  await expect(dialog.getByTestId('task-client')).toHaveText('ООО «Северный ветер»');
  // Changing the deal: the client's deals are offered in a list.
  await dialog.getByTestId('task-deal').locator('..').getByRole('button', { name: 'Изменить' }).click();
  await dialog.getByLabel('Сделка').selectOption({ label: 'Аренда склада' });
  await expect(dialog.getByTestId('task-deal')).toHaveText('Аренда склада');
  await dialog.getByRole('button', { name: 'Сохранить' }).click();
  await expect(dialog).toBeHidden();

  // The lists, filtered by a deal found by search.
  const filterDeal = page.getByTestId('filter-deal');
  await page.getByLabel('Чьи задачи').selectOption({ label: 'Все сотрудники' });
  await filterDeal.getByLabel('Сделка').fill('склад');
  await filterDeal.getByRole('button', { name: 'Аренда склада — ООО «Северный ветер»' }).click();
  await expect(page.getByTestId('bucket-later').locator('.count')).toHaveText('1');
  await expect(page.getByTestId('bucket-overdue').locator('.count')).toHaveText('0');
  await page.getByTestId('bucket-later').getByRole('button', { name: /Позже/ }).click();
  const item = page.getByTestId('bucket-later').getByTestId('task-item');
  await expect(item).toContainText('Согласовать график монтажа');
  await expect(item).toContainText('Сделка: Аренда склада');
  // Another deal: its overdue call, not this task.
  await filterDeal.getByRole('button', { name: 'Изменить' }).click();
  await filterDeal.getByLabel('Сделка').fill('Сервис');
  await filterDeal.getByRole('button', { name: 'Сервисный договор — ООО «Северный ветер»' }).click();
  await expect(page.getByTestId('bucket-overdue').getByTestId('task-item')).toContainText('Перезвонить главному инженеру');
  await expect(page.getByTestId('bucket-later').locator('.count')).toHaveText('0');
});
