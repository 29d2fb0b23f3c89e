import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';

// Accounts in the browser: a workspace without passwords opens as before; once the
// owner sets one, every load asks who is there; sign-in, work, sign-out, the lockout
// and the idle lock, as a person does them.

async function skipOnboarding(page: Page, url: string) {
  await page.goto(url);
  await page.getByRole('button', { name: /Начать с пустой базы/ }).click();
  await expect(page.getByRole('heading', { name: 'Защитить базу паролем?' })).toBeVisible();
  await page.getByRole('button', { name: 'Пропустить' }).click();
  await expect(page.getByRole('heading', { name: 'Главная' })).toBeVisible();
}

async function signIn(page: Page, login: string | null, password: string) {
  await expect(page.getByRole('heading', { name: 'Вход в Картотеку' })).toBeVisible();
  if (login !== null) await page.getByLabel('Логин').fill(login);
  await page.getByLabel('Пароль').fill(password);
  await page.getByRole('button', { name: 'Войти' }).click();
}

test('the owner sets a password in Settings; a reload then asks for it; sign in, work, sign out', async ({ page, server }) => {
  await skipOnboarding(page, server.url);
  // No password anywhere: no sign-in, no sign-out.
  await expect(page.getByTestId('signed-in-user')).toHaveCount(0);

  await page.goto(`${server.url}#/settings/users`);
  const owner = page.getByTestId('user-row').filter({ has: page.locator('input[value="Администратор"]') });
  await expect(owner.getByLabel('Логин')).toHaveValue('admin');
  await expect(owner.getByLabel('Роль')).toHaveValue('owner');
  await expect(owner).toContainText('Без пароля');
  await owner.getByRole('button', { name: 'Задать пароль' }).click();
  const dialog = page.getByTestId('password-dialog');
  await dialog.getByLabel('Новый пароль').fill('пароль-владельца');
  await dialog.getByLabel('Повторите пароль').fill('другой-пароль');
  await dialog.getByRole('button', { name: 'Задать пароль' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Пароли не совпадают');
  await dialog.getByLabel('Повторите пароль').fill('пароль-владельца');
  await dialog.getByRole('button', { name: 'Задать пароль' }).click();
  // Their own password: the sign-in screen at once, saying why.
  await expect(page.getByRole('heading', { name: 'Вход в Картотеку' })).toBeVisible();
  await expect(page.getByText('Пароль задан. Войдите с новым паролем.')).toBeVisible();

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Вход в Картотеку' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Клиенты' })).toHaveCount(0);
  // Any API call without the cookie is refused.
  const refused = await page.request.post(`${server.url}api/clients.list`, { data: { query: {} } });
  expect(refused.status()).toBe(401);

  await signIn(page, 'Admin', 'не-тот-пароль');
  await expect(page.getByRole('alert')).toHaveText('Неверный логин или пароль');
  await page.getByLabel('Пароль').fill('пароль-владельца');
  await page.getByRole('button', { name: 'Войти' }).click();
  await expect(page.getByTestId('signed-in-user')).toHaveText('Вы вошли как Администратор');

  // Work: a new client, saved through the signed-in session.
  await page.getByRole('link', { name: 'Клиенты' }).click();
  await page.getByRole('button', { name: 'Новый клиент' }).first().click();
  const form = page.getByTestId('client-form');
  await form.getByLabel('Наименование').fill('ООО «После входа»');
  await form.getByRole('button', { name: 'Создать' }).click();
  await expect(page.getByTestId('client-card').getByRole('heading', { name: 'ООО «После входа»' })).toBeVisible();

  await page.getByRole('button', { name: 'Выйти' }).click();
  await expect(page.getByRole('heading', { name: 'Вход в Картотеку' })).toBeVisible();
  // The login is remembered on this PC.
  await expect(page.getByLabel('Логин')).toHaveValue('Admin');
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Вход в Картотеку' })).toBeVisible();
  expect((await page.request.post(`${server.url}api/workspace.info`, { data: {} })).status()).toBe(401);
});

test('first start: the owner protects the workspace at once; a manager is locked out after 5 wrong passwords', async ({ page, server }) => {
  await page.goto(server.url);
  await page.getByRole('button', { name: /Начать с пустой базы/ }).click();
  await page.getByLabel('Логин').fill('boss');
  await page.getByLabel('Новый пароль').fill('пароль-босса');
  await page.getByLabel('Повторите пароль').fill('пароль-босса');
  await page.getByRole('button', { name: 'Задать пароль и войти' }).click();
  await expect(page.getByRole('heading', { name: 'Главная' })).toBeVisible();
  await expect(page.getByTestId('signed-in-user')).toHaveText('Вы вошли как Администратор');

  // A manager, added in Settings → Users, given a password by the owner.
  await page.goto(`${server.url}#/settings/users`);
  const add = page.locator('form.row').filter({ has: page.getByRole('button', { name: 'Добавить сотрудника' }) });
  await add.getByLabel('Имя').fill('Мария');
  await add.getByLabel('Логин').fill('maria');
  await add.getByRole('button', { name: 'Добавить сотрудника' }).click();
  const maria = page.getByTestId('user-row').filter({ has: page.locator('input[value="Мария"]') });
  await expect(maria.getByLabel('Роль')).toHaveValue('manager');
  await maria.getByRole('button', { name: 'Задать пароль' }).click();
  const dialog = page.getByTestId('password-dialog');
  await dialog.getByLabel('Новый пароль').fill('пароль-марии');
  await dialog.getByLabel('Повторите пароль').fill('пароль-марии');
  await dialog.getByRole('button', { name: 'Задать пароль' }).click();
  await expect(page.getByText('Пароль задан. Все входы сотрудника завершены.')).toBeVisible();
  await expect(maria).toContainText('Пароль задан');
  await page.getByRole('button', { name: 'Выйти' }).click();

  await expect(page.getByRole('heading', { name: 'Вход в Картотеку' })).toBeVisible();
  await page.getByLabel('Логин').fill('maria');
  for (let i = 1; i <= 5; i++) {
    await page.getByLabel('Пароль').fill(`догадка-${i}`);
    await page.getByRole('button', { name: 'Войти' }).click();
    await expect(page.getByRole('alert')).toHaveText('Неверный логин или пароль');
    await expect(page.getByLabel('Пароль')).toHaveValue('');
  }
  await page.getByLabel('Пароль').fill('пароль-марии');
  await page.getByRole('button', { name: 'Войти' }).click();
  await expect(page.getByRole('alert')).toHaveText('Слишком много неудачных попыток. Вход с этим логином закрыт на 15 мин.');
  // The owner is not affected.
  await signIn(page, 'boss', 'пароль-босса');
  await expect(page.getByTestId('signed-in-user')).toBeVisible();
});

test('the screen locks after the idle minutes set in Settings', async ({ page, server }) => {
  await page.clock.install();
  await page.goto(server.url);
  await page.getByRole('button', { name: /Начать с пустой базы/ }).click();
  await page.getByLabel('Новый пароль').fill('пароль-владельца');
  await page.getByLabel('Повторите пароль').fill('пароль-владельца');
  await page.getByRole('button', { name: 'Задать пароль и войти' }).click();
  await page.goto(`${server.url}#/settings/users`);
  await page.getByLabel('Блокировать экран после бездействия, минут').fill('5');
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.getByText('Сохранено')).toBeVisible();
  await page.clock.runFor('04:00');
  await expect(page.getByTestId('signed-in-user')).toBeVisible();
  await page.clock.runFor('01:30');
  await expect(page.getByRole('heading', { name: 'Вход в Картотеку' })).toBeVisible();
  await expect(page.getByText('Экран заблокирован после 5 мин. бездействия. Войдите снова.')).toBeVisible();
  // The lock ended the sign-in in the core too.
  expect((await page.request.post(`${server.url}api/workspace.info`, { data: {} })).status()).toBe(401);
  await signIn(page, null, 'пароль-владельца');
  await expect(page.getByTestId('signed-in-user')).toBeVisible();
});
