import { test, expect } from './fixtures';

test('the duplicate warning links to the existing card, and merging two clients keeps both histories', async ({ app: page, server }) => {
  const first = await server.api<{ id: string }>('clients.create', {
    kind: 'organization',
    name: 'ООО «Вектор»',
    phones: [{ raw: '+7 (812) 700-00-01' }],
    emails: [{ address: 'office@vector.ru' }],
  });
  await server.api('history.add', { clientId: first.id, kind: 'note', occurredAt: new Date().toISOString(), text: 'Первая заметка Вектора' });

  // Someone enters the same company again, with the phone written another way.
  await page.getByRole('button', { name: 'Новый клиент' }).first().click();
  const form = page.getByTestId('client-form');
  await form.getByLabel('Наименование').fill('Вектор ООО');
  await form.getByLabel('Телефоны 1').fill('88127000001');
  const warning = form.getByTestId('duplicate-warning');
  await expect(warning).toContainText('ООО «Вектор»');
  await expect(warning).toContainText('тот же телефон');
  // Created anyway (it is a warning), with its own e-mail and history.
  await form.getByLabel('Эл. почта 1').fill('sales@vector.ru');
  await form.getByRole('button', { name: 'Создать' }).click();
  const card = page.getByTestId('client-card');
  await expect(card.getByRole('heading', { name: 'Вектор ООО' })).toBeVisible();
  const history = page.getByTestId('history-form');
  await history.getByRole('tab', { name: 'Заметка' }).click();
  await history.getByLabel('Содержание').fill('Заметка дубля');
  await history.getByRole('button', { name: 'Добавить запись' }).click();
  await expect(page.getByTestId('history')).toContainText('Заметка дубля');

  // Merge the duplicate into the original from the original's card.
  await page.goto(`${server.url}#/clients/${first.id}`);
  await page.getByRole('button', { name: 'Объединить с…' }).click();
  const dialog = page.getByTestId('merge-dialog');
  await dialog.getByLabel('Найти клиента для объединения').fill('вектор');
  await dialog.getByRole('listitem').filter({ hasText: 'Вектор ООО' }).getByRole('button', { name: 'Объединить' }).click();
  await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Подтвердить' }).click();
  await expect(dialog).toBeHidden();

  const merged = page.getByTestId('client-card');
  await expect(merged.getByText('sales@vector.ru')).toBeVisible();
  await expect(merged.getByText('office@vector.ru')).toBeVisible();
  await expect(page.getByTestId('history')).toContainText('Первая заметка Вектора');
  await expect(page.getByTestId('history')).toContainText('Заметка дубля');
  await expect(page.getByTestId('history')).toContainText('Присоединён клиент «Вектор ООО»');

  // The duplicate is gone from the list but kept in the archive.
  await page.getByRole('link', { name: /Клиенты/ }).click();
  await page.getByRole('searchbox').fill('вектор');
  await expect(page.getByTestId('client-list').getByRole('row')).toHaveCount(1);
  await page.getByRole('button', { name: 'Показать архив' }).click();
  await expect(page.getByTestId('client-list')).toContainText('Вектор ООО');
});

test('archive a client from its card, find it in the archive, restore it', async ({ app: page, server }) => {
  const { id } = await server.api<{ id: string }>('clients.create', { kind: 'person', lastName: 'Архипов', firstName: 'Илья' });
  await page.goto(`${server.url}#/clients/${id}`);
  await page.getByRole('button', { name: 'В архив' }).click();
  await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Подтвердить' }).click();
  await expect(page.getByText(/Клиент в архиве с/)).toBeVisible();

  await page.getByRole('link', { name: /Клиенты/ }).click();
  await expect(page.getByTestId('clients-total')).toHaveText('Всего: 0');
  await page.getByRole('button', { name: 'Показать архив' }).click();
  await page.getByTestId('client-list').getByText('Архипов Илья').click();
  await page.getByRole('button', { name: 'Восстановить из архива' }).click();
  await expect(page.getByText(/Клиент в архиве с/)).toBeHidden();
  await expect(page.getByTestId('history')).toContainText('Клиент восстановлен из архива');

  await page.getByRole('link', { name: /Клиенты/ }).click();
  await page.getByRole('button', { name: 'Вернуться к активным' }).click();
  await expect(page.getByTestId('clients-total')).toHaveText('Всего: 1');
});

test('a removed contact person can be brought back from the card', async ({ app: page, server }) => {
  const { id } = await server.api<{ id: string }>('clients.create', { kind: 'organization', name: 'ООО «Кадры»' });
  await server.api('contacts.create', { clientId: id, fields: { name: 'Смирнова Ольга', position: 'Бухгалтер', phones: [{ raw: '+7 921 000-00-07' }] } });
  await page.goto(`${server.url}#/clients/${id}`);
  const contact = page.getByTestId('contact');
  await contact.getByRole('button', { name: 'Убрать' }).click();
  await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Подтвердить' }).click();
  await expect(page.getByTestId('contact')).toHaveCount(0);
  await page.getByText('Убранные контактные лица (1)').click();
  await page.getByRole('button', { name: 'Вернуть' }).click();
  await expect(page.getByTestId('contact')).toContainText('Смирнова Ольга');
  await expect(page.getByTestId('contact')).toContainText('+7 921 000-00-07');
});
