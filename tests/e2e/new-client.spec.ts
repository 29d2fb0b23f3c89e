import { test, expect } from './fixtures';

// An old office PC's screen: 1366×768. The new-client form must show the duplicate
// warning where the user is looking, and start from the kind the user enters most.
test.use({ viewport: { width: 1366, height: 768 } });

test('the duplicate warning is in view at 1366×768; kind defaults to the last one used, responsible to the current user', async ({ app: page, server }) => {
  await server.api('users.create', { name: 'Борисова Ольга', color: '#00aa00' });
  // An agency's usual tags make the form taller than the screen.
  for (const name of ['VIP', 'Горячий', 'Холодный', 'Повторный', 'Рекомендация', 'Партнёрская программа', 'Выставка 2026', 'Сайт', 'Звонок', 'Авито']) {
    await server.api('tags.create', { name, color: '#4c6ef5' });
  }
  await server.api('clients.create', { kind: 'person', lastName: 'Смирнов', firstName: 'Павел', phones: [{ raw: '+7 916 123-45-67' }] });
  await server.api('clients.create', { kind: 'organization', name: 'ООО «Альфа»', inn: '7707083893' });
  await page.reload();

  await page.getByRole('button', { name: 'Новый клиент' }).first().click();
  let form = page.getByTestId('client-form');
  // First time: an organisation; the responsible is the user at the keyboard, not «нет».
  await expect(form.getByRole('radio', { name: 'Организация' })).toBeChecked();
  await expect(form.getByLabel('Ответственный')).toHaveValue((await server.api<{ userId: string }>('workspace.info')).userId);
  await expect(form.getByLabel('Ответственный').locator('option:checked')).toHaveText('Администратор');

  // The ИНН field sits low in the form: the warning still shows without scrolling.
  await form.getByLabel('Наименование').fill('Альфа');
  await form.getByLabel('ИНН').fill('7707083893');
  await expect(form.getByTestId('duplicate-warning')).toContainText('ООО «Альфа»');
  await expect(form.getByTestId('duplicate-warning')).toBeInViewport({ ratio: 1 });
  await expect(form.getByRole('button', { name: 'Создать' })).toBeInViewport();

  // A person this time; the phone of an existing client, typed another way.
  await form.locator('label', { hasText: 'Физ. лицо' }).click();
  await form.getByLabel('ИНН').fill('');
  await form.getByLabel('Фамилия').fill('Смирнова');
  await form.getByLabel('Имя').fill('Анна');
  await form.getByLabel('Телефоны 1').fill('8 916 123 45 67');
  const warning = form.getByTestId('duplicate-warning');
  await expect(warning).toContainText('Смирнов Павел');
  await expect(warning).toContainText('тот же телефон');
  await expect(warning).toBeInViewport({ ratio: 1 });
  await form.getByRole('button', { name: 'Создать' }).click();
  await expect(page.getByTestId('client-card').getByRole('heading', { name: 'Смирнова Анна' })).toBeVisible();

  // The next new client starts as a person, also after a reload.
  await page.getByRole('link', { name: 'Клиенты' }).click();
  await page.reload();
  await page.getByRole('button', { name: 'Новый клиент' }).first().click();
  form = page.getByTestId('client-form');
  await expect(form.getByRole('radio', { name: 'Физ. лицо' })).toBeChecked();
  await expect(form.getByLabel('Фамилия')).toBeFocused();
  // Nothing typed yet: Esc closes without asking, although the responsible is filled in.
  await page.keyboard.press('Escape');
  await expect(form).toBeHidden();
});
