import { test, expect } from './fixtures';

// What a manager does on a first day: enter a company with its contact person,
// find it again when the phone rings, and log the call.

test('create an organisation with a contact person and two phones, find it by a phone typed differently, log a call', async ({ app: page }) => {
  await page.getByRole('button', { name: 'Новый клиент' }).first().click();
  const form = page.getByTestId('client-form');
  await form.getByLabel('Наименование').fill('ООО «Ромашка»');
  await form.getByLabel('Телефоны 1').fill('8 (495) 123-45-67');
  await form.getByRole('button', { name: '+ телефон' }).click();
  await form.getByLabel('Телефоны 2').fill('+7 916 555 44 33');
  await form.getByLabel('Эл. почта 1').fill('info@romashka.ru');
  await form.getByLabel('ИНН').fill('7707083893');
  await form.getByRole('button', { name: 'Создать' }).click();

  const card = page.getByTestId('client-card');
  await expect(card.getByRole('heading', { name: 'ООО «Ромашка»' })).toBeVisible();
  await expect(card.getByText('+7 495 123-45-67')).toBeVisible();
  await expect(card.getByText('+7 916 555-44-33')).toBeVisible();

  await card.getByRole('button', { name: 'Добавить контактное лицо' }).click();
  const contactForm = page.getByTestId('contact-form');
  await contactForm.getByLabel('Название').fill('Петрова Анна Сергеевна');
  await contactForm.getByLabel('Должность').fill('Главный бухгалтер');
  await contactForm.getByLabel('Телефоны 1').fill('8-903-111-22-33');
  await contactForm.getByRole('button', { name: 'Сохранить' }).click();
  await expect(card.getByTestId('contact')).toContainText('Петрова Анна Сергеевна');
  await expect(card.getByTestId('contact')).toContainText('+7 903 111-22-33');

  // A call comes in: the manager types part of the number the way it is read out.
  await card.getByRole('button', { name: '← К списку' }).click();
  await page.getByRole('searchbox').fill('495 123-45');
  const list = page.getByTestId('client-list');
  await expect(list.getByRole('row')).toHaveCount(1);
  await expect(list).toContainText('ООО «Ромашка»');
  // The contact person's phone finds the company too.
  await page.getByRole('searchbox').fill('+7 (903) 111');
  await expect(list).toContainText('ООО «Ромашка»');
  await list.getByText('ООО «Ромашка»').click();

  const history = page.getByTestId('history-form');
  await history.getByRole('tab', { name: 'Звонок' }).click();
  await history.getByLabel('С кем').selectOption({ label: 'Петрова Анна Сергеевна' });
  await history.getByLabel('Длительность, мин').fill('7');
  await history.getByLabel('Содержание').fill('Обсудили договор аренды, ждут КП до пятницы');
  await history.getByRole('button', { name: 'Добавить запись' }).click();
  const timeline = page.getByTestId('history');
  await expect(timeline).toContainText('Обсудили договор аренды, ждут КП до пятницы');
  await expect(timeline).toContainText('7 мин');
  await expect(timeline).toContainText('Петрова Анна Сергеевна');

  // Reload: everything was saved by the core, not just shown.
  await page.reload();
  await expect(page.getByTestId('history')).toContainText('Обсудили договор аренды');
});

test('a mistyped ИНН is rejected at the field with the reason, and nothing is saved', async ({ app: page, server }) => {
  await page.getByRole('button', { name: 'Новый клиент' }).first().click();
  const form = page.getByTestId('client-form');
  await form.getByLabel('Наименование').fill('ООО «Опечатка»');
  await form.getByLabel('ИНН').fill('7707083894');
  await form.getByRole('button', { name: 'Создать' }).click();
  await expect(form.getByText('ИНН с ошибкой: не сходится контрольное число')).toBeVisible();
  const stats = await server.api<{ stats: { clients: number } }>('workspace.info');
  expect(stats.stats.clients).toBe(0);
  await form.getByLabel('ИНН').fill('7707083893');
  await form.getByRole('button', { name: 'Создать' }).click();
  await expect(page.getByTestId('client-card').getByRole('heading', { name: 'ООО «Опечатка»' })).toBeVisible();
});

test('inline editing on the card saves one field and keeps the others', async ({ app: page, server }) => {
  const { id } = await server.api<{ id: string }>('clients.create', {
    kind: 'person',
    lastName: 'Королёв',
    firstName: 'Сергей',
    phones: [{ raw: '+7 926 000-11-22' }],
  });
  await page.goto(`${server.url}#/clients/${id}`);
  const card = page.getByTestId('client-card');
  await card.getByTestId('field-region').getByRole('button').click();
  await card.getByTestId('field-region').getByRole('textbox').fill('Казань');
  await card.getByTestId('field-region').getByRole('textbox').press('Enter');
  await expect(card.getByTestId('field-region')).toContainText('Казань');
  await expect(card.getByText('+7 926 000-11-22')).toBeVisible();
  // ё and е are the same letter to the search.
  await page.getByRole('link', { name: /Клиенты/ }).click();
  await page.getByRole('searchbox').fill('королев');
  await expect(page.getByTestId('client-list')).toContainText('Королёв Сергей');
});
