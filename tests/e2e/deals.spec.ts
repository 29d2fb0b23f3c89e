import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';

// The sales process as a manager lives it: set up a pipeline, open a deal from the
// client's card, drag it through the stages with the mouse, lose it, reopen it.

/** A real pointer drag: press on the card, move in steps (dnd-kit needs movement), release over the column. */
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

const money = (text: string) => new RegExp(text.replace(/ /g, '\\s'));

async function expectColumn(page: Page, name: string, count: string, sum: string) {
  const col = page.getByTestId(`column-${name}`);
  await expect(col.getByTestId('column-count')).toHaveText(count);
  await expect(col.getByTestId('column-sum')).toHaveText(money(sum));
}

test('pipeline with stages, deal from a client card, dragged across two stages, lost with a reason, reopened; board totals follow', async ({ app: page, server }) => {
  const client = await server.api<{ id: string }>('clients.create', { kind: 'organization', name: 'ООО «Выставочный центр»', relation: 'client', status: 'active' });

  // Settings: a new pipeline with three working stages.
  await page.getByRole('link', { name: 'Настройки' }).click();
  await page.getByRole('navigation', { name: 'Разделы настроек' }).getByRole('link', { name: 'Воронки' }).click();
  const pipelines = page.getByTestId('pipelines-settings');
  await pipelines.getByRole('button', { name: '+ воронка' }).click();
  const form = page.getByTestId('new-pipeline');
  await form.getByLabel('Название воронки').fill('Тендеры');
  await form.getByRole('textbox', { name: 'Этап 1' }).fill('Заявка');
  await form.getByRole('button', { name: '+ этап' }).click();
  await form.getByRole('textbox', { name: 'Этап 2' }).fill('Подача документов');
  await form.getByRole('button', { name: '+ этап' }).click();
  await form.getByRole('textbox', { name: 'Этап 3' }).fill('Рассмотрение');
  await form.getByRole('button', { name: 'Создать' }).click();
  const tenders = page.getByTestId('pipeline-Тендеры');
  await expect(tenders.getByTestId('stage-row')).toHaveCount(5);
  await expect(tenders).toContainText('успех');
  await expect(tenders).toContainText('провал');

  // The client's card: a new deal comes pre-filled with the client.
  await page.goto(`${server.url}#/clients/${client.id}`);
  const panel = page.getByTestId('client-deals');
  await expect(panel).toContainText('Сделок с этим клиентом пока нет');
  await panel.getByRole('button', { name: 'Новая сделка' }).click();
  const dealForm = page.getByTestId('deal-form');
  await expect(dealForm.getByTestId('picked-client')).toHaveText('ООО «Выставочный центр»');
  await dealForm.getByRole('button', { name: 'Создать' }).click();
  await expect(dealForm.getByText('Обязательное поле')).toBeVisible();
  await dealForm.getByLabel('Название').fill('Стенды для выставки');
  await dealForm.getByLabel('Воронка').selectOption({ label: 'Тендеры' });
  await dealForm.getByLabel('Сумма, ₽').fill('150 000,50');
  await dealForm.getByRole('button', { name: 'Создать' }).click();
  await expect(dealForm).toBeHidden();
  await expect(panel).toContainText('Стенды для выставки');
  await expect(page.getByTestId('client-deals-totals')).toHaveText(money('В работе: 1 на 150 000,50 ₽'));

  // The board of the new pipeline.
  await page.getByRole('link', { name: 'Сделки' }).click();
  await page.getByLabel('Воронка').selectOption({ label: 'Тендеры' });
  await expectColumn(page, 'Заявка', '1 сделка', '150 000,50 ₽');
  const tile = () => page.getByTestId('deal-tile').filter({ hasText: 'Стенды для выставки' });

  await drag(page, tile(), page.getByTestId('column-Подача документов'));
  await expectColumn(page, 'Подача документов', '1 сделка', '150 000,50 ₽');
  await expectColumn(page, 'Заявка', '0 сделок', '0 ₽');
  await drag(page, tile(), page.getByTestId('column-Рассмотрение'));
  await expectColumn(page, 'Рассмотрение', '1 сделка', '150 000,50 ₽');
  await expectColumn(page, 'Подача документов', '0 сделок', '0 ₽');
  await expect(page.getByTestId('column-Рассмотрение').getByTestId('deal-tile')).toHaveCount(1);

  // Lost needs a reason.
  await drag(page, tile(), page.getByTestId('column-Провалено'));
  const lost = page.getByTestId('lost-dialog');
  await lost.getByRole('button', { name: 'Закрыть как проваленную' }).click();
  await expect(lost.getByRole('alert')).toHaveText('Выберите причину провала');
  await lost.getByLabel('Причина').selectOption({ label: 'Дорого' });
  await lost.getByLabel('Комментарий').fill('Бюджет урезали');
  await lost.getByRole('button', { name: 'Закрыть как проваленную' }).click();
  await expectColumn(page, 'Провалено', '1 сделка', '150 000,50 ₽');
  await expectColumn(page, 'Рассмотрение', '0 сделок', '0 ₽');

  // The deal card (a click on the tile opens it): reopen returns it to the stage it was lost from; the path shows every step.
  await tile().click();
  const card = page.getByTestId('deal-card');
  await expect(card.getByTestId('lost-banner')).toContainText('Дорого');
  await expect(card.getByTestId('lost-banner')).toContainText('Бюджет урезали');
  await card.getByRole('button', { name: 'Открыть заново' }).click();
  await expect(card.getByTestId('deal-stage')).toHaveText('Рассмотрение');
  await expect(card.getByTestId('stage-path').locator('li')).toHaveCount(5);
  await expect(card.getByTestId('history')).toContainText('Сделка «Стенды для выставки» снова в работе');

  await card.getByRole('button', { name: '← К сделкам' }).click();
  await expectColumn(page, 'Рассмотрение', '1 сделка', '150 000,50 ₽');
  await expectColumn(page, 'Провалено', '0 сделок', '0 ₽');
  await expectColumn(page, 'Успешно', '0 сделок', '0 ₽');

  // The client's history shows what happened to the deal.
  await page.goto(`${server.url}#/clients/${client.id}`);
  await expect(page.getByTestId('history')).toContainText('Сделка «Стенды для выставки» провалена');
});

test('a refused move puts the card back and says why; a card moved outside the filter stays with a notice', async ({ app: page, server }) => {
  const client = await server.api<{ id: string }>('clients.create', { kind: 'person', name: 'Орлов Пётр', lastName: 'Орлов', firstName: 'Пётр', relation: 'client', status: 'active' });
  const pipelines = await server.api<{ id: string; name: string; stages: { id: string; name: string }[] }[]>('pipelines.list');
  const sales = pipelines.find((p) => p.name === 'Продажа')!;
  const a = await server.api<{ id: string }>('deals.create', { title: 'Квартира на Лесной', clientId: client.id, pipelineId: sales.id, amountKopecks: 500_000_00 });
  await server.api('deals.create', { title: 'Гараж', clientId: client.id, pipelineId: sales.id, amountKopecks: 90_000_00 });

  await page.getByRole('link', { name: 'Сделки' }).click();
  await expectColumn(page, 'Новая заявка', '2 сделки', '590 000 ₽');
  // Someone archives the deal meanwhile: the move is refused and undone.
  await server.api('deals.archive', { id: a.id });
  await drag(page, page.getByTestId('deal-tile').filter({ hasText: 'Квартира на Лесной' }), page.getByTestId('column-Квалификация'));
  await expect(page.getByRole('alert').filter({ hasText: 'Сделка в архиве — сначала верните её' })).toBeVisible();
  await expect(page.getByTestId('column-Новая заявка').getByTestId('deal-tile').filter({ hasText: 'Квартира на Лесной' })).toBeVisible();
  await expectColumn(page, 'Новая заявка', '2 сделки', '590 000 ₽');

  // Filter by amount; the deal's amount changes elsewhere; moving it keeps it in sight.
  await page.getByLabel('Сумма от').fill('50000');
  await page.getByLabel('Сумма от').press('Enter');
  await expectColumn(page, 'Новая заявка', '1 сделка', '90 000 ₽');
  const garage = page.getByTestId('deal-tile').filter({ hasText: 'Гараж' });
  const garageId = (await server.api<{ rows: { id: string; title: string }[] }>('deals.list', { status: 'open' })).rows.find((r) => r.title === 'Гараж')!.id;
  await server.api('deals.update', { id: garageId, patch: { amountKopecks: 10_000_00 } });
  // Keyboard and mouse alternative: the card's menu moves it to a stage.
  await garage.getByRole('button', { name: 'Действия со сделкой «Гараж»' }).click();
  await page.getByRole('menuitem', { name: 'Квалификация' }).click();
  const moved = page.getByTestId('column-Квалификация').getByTestId('deal-tile').filter({ hasText: 'Гараж' });
  await expect(moved).toContainText('Не подходит под фильтр');
  await expectColumn(page, 'Квалификация', '0 сделок', '0 ₽');
});

test('keyboard only: pick a card up with Space, carry it one column right with the arrow key, drop it with Space', async ({ app: page, server }) => {
  const client = await server.api<{ id: string }>('clients.create', { kind: 'organization', name: 'ООО «Клавиша»', relation: 'client', status: 'active' });
  const sales = (await server.api<{ id: string; name: string }[]>('pipelines.list')).find((p) => p.name === 'Продажа')!;
  await server.api('deals.create', { title: 'Аренда склада', clientId: client.id, pipelineId: sales.id, amountKopecks: 75_000_00 });
  await page.getByRole('link', { name: 'Сделки' }).click();
  const tile = page.getByTestId('deal-tile').filter({ hasText: 'Аренда склада' });
  await tile.focus();
  await page.keyboard.press('Space');
  // Each key waits for the board to show its effect, as a user watching the screen would.
  await expect(tile).toHaveClass(/dragging/);
  await expect(page.locator('.deal-tile.overlay')).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('column-Квалификация')).toHaveClass(/over/);
  await page.keyboard.press('Space');
  await expectColumn(page, 'Квалификация', '1 сделка', '75 000 ₽');
  await expectColumn(page, 'Новая заявка', '0 сделок', '0 ₽');
  // Enter opens the card.
  await page.getByTestId('column-Квалификация').getByTestId('deal-tile').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('deal-stage')).toHaveText('Квалификация');
});

test('dragging a card within its column puts it where it was dropped, and the order is kept after a reload', async ({ app: page, server }) => {
  const client = await server.api<{ id: string }>('clients.create', { kind: 'organization', name: 'ООО «Порядок»', relation: 'client', status: 'active' });
  const sales = (await server.api<{ id: string; name: string }[]>('pipelines.list')).find((p) => p.name === 'Продажа')!;
  for (const title of ['Первая', 'Вторая', 'Третья']) await server.api('deals.create', { title, clientId: client.id, pipelineId: sales.id });
  await page.getByRole('link', { name: 'Сделки' }).click();
  const column = page.getByTestId('column-Новая заявка');
  const titles = () => column.locator('.tile-title');
  await expect(titles()).toHaveText(['Третья', 'Вторая', 'Первая']); // new deals on top
  // Carry «Первая» onto «Третья» at the top of the column.
  const from = (await column.getByTestId('deal-tile').filter({ hasText: 'Первая' }).locator('.tile-title').boundingBox())!;
  const to = (await column.getByTestId('deal-tile').filter({ hasText: 'Третья' }).boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2 - 10, { steps: 5 });
  await page.mouse.move(to.x + to.width / 2, to.y + 5, { steps: 20 });
  await page.mouse.up();
  await expect(titles()).toHaveText(['Первая', 'Третья', 'Вторая']);
  await page.reload();
  await expect(titles()).toHaveText(['Первая', 'Третья', 'Вторая']);
});
