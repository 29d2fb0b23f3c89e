import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';

// Roles in the office: a manager sees only their own clients and may not take the base
// out; the owner changes that in Settings → Права доступа and the manager's screen follows.

async function signIn(page: Page, login: string, password: string) {
  await expect(page.getByRole('heading', { name: 'Вход в Картотеку' })).toBeVisible();
  await page.getByLabel('Логин').fill(login);
  await page.getByLabel('Пароль').fill(password);
  await page.getByRole('button', { name: 'Войти' }).click();
  await expect(page.getByTestId('signed-in-user')).toBeVisible();
}

async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Выйти' }).click();
  await expect(page.getByRole('heading', { name: 'Вход в Картотеку' })).toBeVisible();
}

test('a manager sees their own clients only; export opens for them once the owner allows it', async ({ page, server }) => {
  // Set up while nobody has a password (the API acts as the owner), then passwords.
  await server.api('workspace.initialize', { demo: false });
  const maria = await server.api<{ id: string }>('users.create', { name: 'Мария', email: null, color: '#e8590c', login: 'maria', role: 'manager' });
  const owner = (await server.api<{ id: string; role: string }[]>('users.list')).find((u) => u.role === 'owner')!;
  for (let i = 0; i < 40; i++) {
    await server.api('clients.create', { kind: 'organization', name: `ООО «${i % 4 ? 'Чужой' : 'Мариин'} клиент ${i}»`, responsibleId: i % 4 ? owner.id : maria.id });
  }
  await server.api('users.setPassword', { id: owner.id, password: 'пароль-владельца' });
  // From now on every call needs a sign-in: the owner signs in through the browser's own context.
  const login = await page.request.post(`${server.url}api/auth.login`, { data: { login: 'admin', password: 'пароль-владельца' } });
  expect(login.ok()).toBe(true);
  expect((await page.request.post(`${server.url}api/users.setPassword`, { data: { id: maria.id, password: 'пароль-марии' } })).ok()).toBe(true);
  await page.request.post(`${server.url}api/auth.logout`, { data: {} });

  // Мария: ten clients of her own, nothing of the owner's, not even by search; no export.
  await page.goto(`${server.url}#/clients`);
  await signIn(page, 'maria', 'пароль-марии');
  await page.getByRole('link', { name: 'Клиенты' }).click();
  await expect(page.getByTestId('clients-total')).toHaveText('Всего: 10');
  await page.getByRole('searchbox').first().fill('Чужой');
  await expect(page.getByTestId('clients-total')).toHaveText(/Найдено: 0|Ничего не найдено/);
  await page.getByRole('link', { name: 'Обмен данными' }).click();
  await expect(page.getByText('Загрузка и выгрузка данных для вашей роли закрыты')).toBeVisible();
  // The core refuses as well, whatever the screen shows.
  const refused = await page.request.post(`${server.url}api/exchange.export`, { data: { entity: 'clients', format: 'xlsx' } });
  expect(refused.status()).toBe(403);
  await signOut(page);

  // The owner lets managers export.
  await signIn(page, 'admin', 'пароль-владельца');
  await page.goto(`${server.url}#/settings/access`);
  const matrix = page.getByTestId('access-matrix');
  const exportForManagers = matrix.getByLabel('Выгружать в файлы: Менеджер');
  await expect(exportForManagers).not.toBeChecked();
  await expect(matrix.getByLabel('Выгружать в файлы: Владелец')).toBeDisabled();
  await exportForManagers.check();
  await matrix.getByRole('button', { name: 'Сохранить права' }).click();
  await expect(page.getByText('Права доступа сохранены')).toBeVisible();
  await signOut(page);

  // Мария again: the export panel is there, and it writes her ten clients only.
  await signIn(page, 'maria', 'пароль-марии');
  await page.getByRole('link', { name: 'Обмен данными' }).click();
  await expect(page.getByRole('heading', { name: 'Выгрузка в файл' })).toBeVisible();
  await expect(page.getByText('Загрузка и выгрузка данных для вашей роли закрыты')).toHaveCount(0);
  const allowed = await page.request.post(`${server.url}api/exchange.export`, { data: { entity: 'clients', format: 'xlsx' } });
  expect(allowed.status()).toBe(200);
  expect(((await allowed.json()) as { result: { rows: number } }).result.rows).toBe(10);
});
