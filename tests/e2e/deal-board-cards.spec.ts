import type { Locator, Page } from '@playwright/test';
import { format } from 'date-fns';
import { TZDate } from '@date-fns/tz';
import { ru } from 'date-fns/locale';
import { test, expect } from './fixtures';

// The kanban card as amoCRM and Bitrix24 users expect it: the whole card opens the
// deal (a drag does not), a few lines only, a «⋯» menu to move it, quick actions on
// hover and from the keyboard, «+» for a quick deal at the top of a column, dates
// with the year when it is not this one, and what a screen reader hears, in Russian.
// Closing a deal with open tasks asks what becomes of them, on the board, the card
// and the list; a closed deal shows when it was closed and no next step.

type Api = { api<T = unknown>(name: string, input?: unknown): Promise<T> };
// "Now" as the browser sees it (the tests run it in Moscow time).
const mskNow = () => new TZDate(Date.now(), 'Europe/Moscow');
const year = mskNow().getFullYear();
// Dates as date-fns writes them in Russian («30 июн.»), with the year only when it is not this one.
const june30 = format(new Date(year, 5, 30), 'd MMM', { locale: ru });
const june30next = format(new Date(year + 1, 5, 30), 'd MMM yyyy', { locale: ru });

async function setup(server: Api) {
  const client = await server.api<{ id: string }>('clients.create', { kind: 'organization', name: 'ООО «Канбан»', relation: 'client', status: 'active' });
  const sales = (await server.api<{ id: string; name: string; stages: { id: string; name: string }[] }[]>('pipelines.list')).find((p) => p.name === 'Продажа')!;
  const mk = (title: string, expectedClose: string | null = null) =>
    server.api<{ id: string }>('deals.create', { title, clientId: client.id, pipelineId: sales.id, amountKopecks: 100_000_00, expectedClose });
  return { client, sales, mk };
}

async function drag(page: Page, tile: Locator, column: Locator) {
  const from = (await tile.locator('.tile-title').boundingBox())!;
  const to = (await column.locator('.column-cards').boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 10, from.y + from.height / 2 + 5, { steps: 5 });
  await page.mouse.move(to.x + to.width / 2, to.y + 40, { steps: 15 });
  await page.mouse.move(to.x + to.width / 2, to.y + 45, { steps: 3 });
  await page.mouse.up();
}

const task = (server: Api, title: string, dealId: string) =>
  server.api<{ id: string }>('tasks.create', {
    fields: { title, typeId: 'tasktype-call', allDay: true, startsAt: `${year + 1}-02-10`, dealId },
    timeZone: 'Europe/Moscow',
  });

test('a card: a click opens the deal and a drag does not; a few lines; dates with the year only when it is not this one', async ({ app: page, server }) => {
  const { mk } = await setup(server);
  await mk('Этот год', `${year}-06-30`);
  await mk('Следующий год', `${year + 1}-06-30`);
  await page.getByRole('link', { name: 'Сделки' }).click();
  const tile = (title: string) => page.getByTestId('deal-tile').filter({ hasText: title });
  await expect(tile('Этот год')).toContainText(`до ${june30}`);
  await expect(tile('Этот год')).not.toContainText(String(year));
  await expect(tile('Следующий год')).toContainText(`до ${june30next}`);
  // No «Открыть» link and no stage select: the card itself opens, its menu moves it.
  await expect(tile('Этот год').getByRole('button', { name: 'Открыть' })).toHaveCount(0);
  await expect(tile('Этот год').locator('select')).toHaveCount(0);
  const box = (await tile('Этот год').boundingBox())!;
  expect(box.height).toBeLessThan(100); // four short lines

  // A drag moves the card and stays on the board.
  await drag(page, tile('Этот год'), page.getByTestId('column-Квалификация'));
  await expect(page.getByTestId('column-Квалификация').getByTestId('deal-tile')).toHaveCount(1);
  await expect(page.getByTestId('deal-card')).toHaveCount(0);
  await expect(page).toHaveURL(/#\/deals$/);
  // A click opens it; the card shows the date the same way.
  await tile('Следующий год').click();
  const card = page.getByTestId('deal-card');
  await expect(card.getByRole('heading', { name: 'Следующий год' })).toBeVisible();
  await expect(card).toContainText(june30next);
  // The list too.
  await card.getByRole('button', { name: '← К сделкам' }).click();
  await page.getByRole('tab', { name: 'Список' }).click();
  const row = (title: string) => page.getByTestId('deal-list').getByRole('row').filter({ hasText: title });
  await expect(row('Следующий год').getByTestId('row-close-date')).toHaveText(june30next);
  await expect(row('Этот год').getByTestId('row-close-date')).toHaveText(june30);
});

test('keyboard: the menu moves a card, quick actions log a call and plan a task; Russian screen-reader texts with titles and stages', async ({ app: page, server }) => {
  const { mk } = await setup(server);
  await mk('Клавиатурная сделка');
  await page.getByRole('link', { name: 'Сделки' }).click();
  const tile = page.getByTestId('deal-tile').filter({ hasText: 'Клавиатурная сделка' });
  const live = page.locator('[id^="DndLiveRegion"]');
  await expect(page.locator('[id^="DndDescribedBy"]')).toContainText('Чтобы переместить сделку, нажмите Пробел');

  // Space picks up, an arrow carries, Esc cancels: each step is said in Russian with names.
  await tile.focus();
  await page.keyboard.press('Space');
  await expect(live).toHaveText('Сделка «Клавиатурная сделка» взята, на этапе «Новая заявка», место 1 из 1.');
  await page.keyboard.press('ArrowRight');
  await expect(live).toHaveText(/^Сделка «Клавиатурная сделка» над новым местом: на этапе «Квалификация»/);
  await page.keyboard.press('Escape');
  await expect(live).toHaveText(/^Перенос отменён, сделка «Клавиатурная сделка» осталась на этапе «Новая заявка»/);

  // Tab from the card reaches its menu; arrows and Enter choose a stage.
  await tile.focus();
  await page.keyboard.press('Tab');
  const menuButton = tile.getByRole('button', { name: 'Действия со сделкой «Клавиатурная сделка»' });
  await expect(menuButton).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menuitem', { name: 'Открыть сделку' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('menuitem', { name: 'Квалификация' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('column-Квалификация').getByTestId('column-count')).toHaveText('1 сделка');

  // Quick actions are next in the Tab order: log a call.
  const moved = page.getByTestId('column-Квалификация').getByTestId('deal-tile');
  await moved.focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(moved.getByRole('button', { name: 'Записать звонок по сделке «Клавиатурная сделка»' })).toBeFocused();
  await page.keyboard.press('Enter');
  const log = page.getByTestId('quick-log');
  await log.getByLabel('О чём договорились').fill('Перезвонят после совещания');
  await log.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.getByText('Звонок записан в историю сделки «Клавиатурная сделка»')).toBeVisible();
  await expect(page).toHaveURL(/#\/deals$/); // the board stays

  // Plan a task from the card's quick action: the dialog comes with the deal; the tile shows it as the next step.
  await moved.hover();
  await moved.getByRole('button', { name: 'Задача по сделке «Клавиатурная сделка»' }).click();
  const dialog = page.getByTestId('task-dialog');
  await expect(dialog.getByTestId('task-deal')).toHaveText('Клавиатурная сделка');
  await dialog.getByLabel('Что сделать').fill('Отправить договор');
  await dialog.getByRole('button', { name: 'Сохранить' }).click();
  await expect(moved.getByTestId('next-task')).toContainText('Отправить договор');

  // The call is in the deal's history.
  await moved.click();
  await expect(page.getByTestId('history')).toContainText('Перезвонят после совещания');
});

test('«+» at the top of a column creates a deal right in that stage', async ({ app: page, server }) => {
  await setup(server);
  await page.getByRole('link', { name: 'Сделки' }).click();
  const column = page.getByTestId('column-Переговоры');
  await column.getByRole('button', { name: 'Новая сделка на этапе «Переговоры»' }).click();
  const form = column.getByTestId('quick-deal');
  await form.getByRole('button', { name: 'Добавить' }).click();
  await expect(form.getByRole('alert').first()).toHaveText('Обязательное поле');
  await form.getByLabel('Название').fill('Быстрая сделка');
  await form.getByLabel('Клиент').fill('Канбан');
  await form.getByRole('button', { name: 'ООО «Канбан»' }).click();
  await form.getByLabel('Сумма, ₽').fill('25 000');
  await form.getByLabel('Сумма, ₽').press('Enter');
  await expect(form).toBeHidden();
  await expect(column.getByTestId('column-count')).toHaveText('1 сделка');
  await expect(column.getByTestId('deal-tile').first()).toContainText('Быстрая сделка');
  await expect(column.getByTestId('deal-tile').first()).toContainText(/25\s000\s₽/);
});

test('closing with open tasks asks what becomes of them, on the board, the card and the list; a closed deal shows its closed date and no next step', async ({ app: page, server }) => {
  const { mk } = await setup(server);
  const lostOne = await mk('Проиграем');
  const wonOne = await mk('Выиграем', `${year}-12-20`);
  const listed = await mk('Из списка');
  await task(server, 'Позвонить снабженцу', lostOne.id);
  await task(server, 'Выставить счёт', wonOne.id);
  await task(server, 'Согласовать смету', listed.id);
  const today = format(mskNow(), 'd MMM', { locale: ru });

  // Board: lost by a drag; the open task is cancelled (the default for a lost deal).
  await page.getByRole('link', { name: 'Сделки' }).click();
  const tile = (title: string) => page.getByTestId('deal-tile').filter({ hasText: title });
  await drag(page, tile('Проиграем'), page.getByTestId('column-Провалено'));
  const lost = page.getByTestId('lost-dialog');
  await expect(lost.getByTestId('close-open-tasks')).toContainText('У сделки 1 открытая задача');
  await expect(lost.getByTestId('close-open-tasks')).toContainText('Позвонить снабженцу');
  await expect(lost.getByLabel(/^Отменить/)).toBeChecked();
  await lost.getByLabel('Причина').selectOption({ label: 'Дорого' });
  await lost.getByRole('button', { name: 'Закрыть как проваленную' }).click();
  await expect(page.getByText('Сделка закрыта как проваленная. Отменена 1 задача')).toBeVisible();
  const closedTile = page.getByTestId('column-Провалено').getByTestId('deal-tile');
  await expect(closedTile.getByTestId('tile-closed')).toHaveText(`Закрыта ${today}`);
  await expect(closedTile.getByTestId('next-task')).toHaveCount(0);
  await expect(closedTile.getByTestId('no-next-step')).toHaveCount(0);
  await closedTile.click();
  const card = page.getByTestId('deal-card');
  await expect(card.getByTestId('history')).toContainText('Задача «Позвонить снабженцу» отменена при закрытии сделки');
  await expect(card.getByTestId('deal-tasks')).toContainText('Открытых задач по сделке нет');
  await expect(card.getByTestId('deal-closed-at')).toContainText(today);

  // Card: won from the header; its task is marked done (the default for a won deal).
  await page.goto(`${server.url}#/deals/${wonOne.id}`);
  await card.locator('header.card-head').getByRole('button', { name: 'Успешно' }).click();
  const won = page.getByTestId('won-dialog');
  await expect(won).toContainText('Выставить счёт');
  await expect(won.getByLabel(/^Отметить выполненными/)).toBeChecked();
  await won.getByRole('button', { name: 'Закрыть как успешную' }).click();
  await expect(page.getByText('Сделка закрыта как успешная. Выполнена 1 задача')).toBeVisible();
  await expect(card.getByTestId('deal-tasks')).toContainText('Открытых задач по сделке нет');
  await expect(card.getByTestId('deal-tasks').getByTestId('task-item')).toContainText('Выставить счёт');
  // Closed: the closed date where the expected close was.
  await expect(card.getByTestId('deal-closed-at')).toContainText(today);
  await expect(card).not.toContainText(format(new Date(year, 11, 20), 'd MMM', { locale: ru }));

  // List: won from the row; keep the task open this time; the row then has no next step and its closed date.
  await card.getByRole('button', { name: '← К сделкам' }).click();
  await page.getByRole('tab', { name: 'Список' }).click();
  await page.getByLabel('Статус').selectOption({ label: 'Все' });
  const row = (title: string) => page.getByTestId('deal-list').getByRole('row').filter({ hasText: title });
  await expect(row('Из списка').getByTestId('next-task')).toContainText('Согласовать смету');
  await row('Из списка').hover();
  await row('Из списка').getByRole('button', { name: 'Закрыть «Из списка» как успешную' }).click();
  await won.getByLabel(/^Оставить открытыми/).check();
  await won.getByRole('button', { name: 'Закрыть как успешную' }).click();
  await expect(row('Из списка').getByTestId('row-close-date')).toHaveText(`закрыта ${today}`);
  await expect(row('Из списка').getByTestId('next-task')).toHaveCount(0);
  await expect(row('Из списка').getByTestId('no-next-step')).toHaveCount(0);
  await expect(row('Выиграем').getByTestId('row-close-date')).toHaveText(`закрыта ${today}`);
  // The kept task is still planned.
  await page.getByRole('link', { name: 'Задачи' }).click();
  await page.getByLabel('Чьи задачи').selectOption({ label: 'Все сотрудники' });
  await page.getByTestId('bucket-later').getByRole('button', { name: /Позже/ }).click();
  await expect(page.getByTestId('bucket-later')).toContainText('Согласовать смету');
  await expect(page.getByTestId('bucket-later')).not.toContainText('Позвонить снабженцу');
});
