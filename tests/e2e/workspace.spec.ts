import { test, expect } from './fixtures';

test('first start offers a demo workspace, and Ctrl+K finds a client from any screen', async ({ page, server }) => {
  await page.goto(server.url);
  await expect(page.getByRole('heading', { name: 'Добро пожаловать в Картотеку' })).toBeVisible();
  await page.getByRole('button', { name: /Открыть демо-базу/ }).click();
  // A password can be set now or later.
  await page.getByRole('button', { name: 'Пропустить' }).click();
  // The first screen is the dashboard.
  await expect(page.getByRole('heading', { name: 'Главная' })).toBeVisible();
  await page.getByRole('link', { name: 'Клиенты' }).click();
  await expect(page.getByTestId('clients-total')).toHaveText('Всего: 300');

  // Pick a real phone of a demo client and look it up from the settings screen.
  const page1 = await server.api<{ rows: { id: string; name: string; phone: string | null }[] }>('clients.list', {
    query: { search: '' },
    limit: 20,
  });
  const target = page1.rows.find((r) => r.phone)!;
  const digits = target.phone!.replace(/\D/g, '');
  await page.getByRole('link', { name: /Настройки/ }).click();
  await page.keyboard.press('Control+k');
  const search = page.getByTestId('global-search');
  await search.getByRole('textbox').fill(`8 ${digits.slice(1, 4)} ${digits.slice(4, 7)}-${digits.slice(7, 9)}`);
  await expect(search.getByRole('option').filter({ hasText: target.name }).first()).toBeVisible();
  await search.getByRole('option').filter({ hasText: target.name }).first().click();
  await expect(page.getByTestId('client-card').getByRole('heading', { name: target.name })).toBeVisible();
});

test('managers are handed over in bulk when an employee leaves', async ({ app: page, server }) => {
  const leaving = await server.api<{ id: string }>('users.create', { name: 'Уходящий Менеджер', color: '#aa0000' });
  await server.api('users.create', { name: 'Новый Менеджер', color: '#00aa00' });
  for (const name of ['Альфа', 'Бета', 'Гамма']) {
    await server.api('clients.create', { kind: 'organization', name: `ООО «${name}»`, responsibleId: leaving.id });
  }
  await server.api('clients.create', { kind: 'organization', name: 'ООО «Чужой»' });
  await page.reload();
  await page.getByLabel('Ответственный').selectOption({ label: 'Уходящий Менеджер' });
  await expect(page.getByTestId('clients-total')).toHaveText('Всего: 3');
  await page.getByTestId('client-list').getByRole('checkbox').first().check();
  await page.getByRole('button', { name: 'Выбрать всё по фильтру (3)' }).click();
  await page.getByRole('button', { name: 'Сменить ответственного' }).click();
  await page.getByLabel('Выберите сотрудника').selectOption({ label: 'Новый Менеджер' });
  await expect(page.getByText('Изменено клиентов: 3')).toBeVisible();
  await expect(page.getByTestId('clients-total')).toHaveText('Всего: 0');
  await page.getByLabel('Ответственный').selectOption({ label: 'Новый Менеджер' });
  await expect(page.getByTestId('clients-total')).toHaveText('Всего: 3');
});

test('a custom field defined in settings appears on the card and filters the list; the UI switches to English', async ({ app: page, server }) => {
  await page.getByRole('link', { name: /Настройки/ }).click();
  await page.getByRole('navigation', { name: 'Разделы настроек' }).getByRole('link', { name: 'Поля' }).click();
  const section = page.locator('section').filter({ hasText: 'Дополнительные поля клиентов' });
  const fieldForm = section.locator('form');
  await fieldForm.getByPlaceholder('Название').fill('Бюджет клиента');
  await fieldForm.getByLabel('Тип поля').selectOption('select');
  await fieldForm.getByLabel('Варианты (по одному в строке)').fill('до 1 млн\n1–5 млн\nболее 5 млн');
  await fieldForm.getByRole('button', { name: 'Добавить поле' }).click();
  await expect(section.getByRole('listitem').getByRole('textbox', { name: 'Название' })).toHaveValue('Бюджет клиента');

  const { id } = await server.api<{ id: string }>('clients.create', { kind: 'organization', name: 'ООО «Бюджетник»' });
  await server.api('clients.create', { kind: 'organization', name: 'ООО «Без бюджета»' });
  await page.goto(`${server.url}#/clients/${id}`);
  const field = page.getByTestId('custom-Бюджет клиента');
  await field.getByRole('button').click();
  await field.getByRole('combobox').selectOption('1–5 млн');
  await field.getByRole('combobox').press('Enter');
  await expect(field).toContainText('1–5 млн');

  await page.getByRole('link', { name: /Клиенты/ }).click();
  await expect(page.getByTestId('clients-total')).toHaveText('Всего: 2');
  await page.getByLabel('Дополнительные поля').selectOption({ label: 'Бюджет клиента' });
  await page.getByLabel('Бюджет клиента').selectOption('1–5 млн');
  await page.getByRole('button', { name: 'Добавить', exact: true }).click();
  await expect(page.getByTestId('clients-total')).toHaveText('Всего: 1');
  await expect(page.getByTestId('client-list')).toContainText('ООО «Бюджетник»');

  await page.getByRole('link', { name: /Настройки/ }).click();
  await page.getByRole('navigation', { name: 'Разделы настроек' }).getByRole('link', { name: 'Язык' }).click();
  await page.getByLabel('Язык интерфейса').selectOption('en');
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await expect(page.getByRole('link', { name: /Clients/ })).toBeVisible();
});
