import { test, expect } from './fixtures';

test('the list pages in as the user scrolls to the end of 300 clients', async ({ page, server }) => {
  await server.api('workspace.initialize', { demo: true });
  const last = await server.api<{ rows: { name: string }[] }>('clients.list', { query: { search: '' }, offset: 299, limit: 1 });
  await page.goto(`${server.url}#/clients`);
  const list = page.getByTestId('client-list');
  await expect(page.getByTestId('clients-total')).toHaveText('Всего: 300');
  await list.hover();
  for (let i = 0; i < 10; i++) await page.mouse.wheel(0, 3000);
  await expect(list.getByText(last.rows[0]!.name, { exact: true }).last()).toBeVisible();
});

test('keyboard only: type a name, arrow into the list, Enter opens the card, Esc closes dialogs', async ({ app: page, server }) => {
  await server.api('clients.create', { kind: 'organization', name: 'ООО «Клавиатура»', phones: [{ raw: '+7 495 765-43-21' }] });
  await server.api('clients.create', { kind: 'organization', name: 'ООО «Мышь»' });
  await page.reload();
  // The search box has the focus as soon as the list opens: no click needed.
  await expect(page.getByRole('searchbox')).toBeFocused();
  await page.keyboard.type('клав');
  await expect(page.getByTestId('client-list').getByRole('row')).toHaveCount(1);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('client-card').getByRole('heading', { name: 'ООО «Клавиатура»' })).toBeVisible();

  await page.keyboard.press('Control+k');
  await expect(page.getByTestId('global-search')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('global-search')).toBeHidden();
});

test('Esc on a half-filled new-client form asks before throwing the typing away', async ({ app: page }) => {
  await page.getByRole('button', { name: 'Новый клиент' }).first().click();
  const form = page.getByTestId('client-form');
  await form.getByLabel('Наименование').fill('ООО «Недописанное»');
  await page.keyboard.press('Escape');
  const confirm = page.getByTestId('confirm-dialog');
  await expect(confirm).toContainText('Закрыть без сохранения?');
  await confirm.getByRole('button', { name: 'Отмена' }).click();
  await expect(form.getByLabel('Наименование')).toHaveValue('ООО «Недописанное»');
  await page.keyboard.press('Escape');
  await confirm.getByRole('button', { name: 'Подтвердить' }).click();
  await expect(form).toBeHidden();
});
