import { test, expect } from './fixtures';

// Typing at once goes into the dialog's field, not onto the × of its header: the caller
// lookup path is "phone rings → Ctrl+K → digits".

test('Ctrl+K and «Поиск» open the search with the cursor in the field: digits typed at once find the caller', async ({ app, server }) => {
  await server.api('clients.create', { kind: 'organization', name: 'ООО «Звонок»', phones: [{ raw: '+7 495 765-43-21' }] });
  await app.getByRole('link', { name: 'Сделки' }).click();
  await app.keyboard.press('Control+k');
  const dialog = app.getByTestId('global-search');
  await expect(dialog.getByRole('textbox')).toBeFocused();
  await app.keyboard.type('7654321');
  await expect(dialog.getByRole('option', { name: /ООО «Звонок»/ })).toBeVisible();
  await app.keyboard.press('Enter');
  await expect(app.getByTestId('client-card')).toContainText('ООО «Звонок»');

  await app.getByRole('button', { name: /Поиск/ }).click();
  await expect(app.getByTestId('global-search').getByRole('textbox')).toBeFocused();
  await app.keyboard.type('495 765');
  await expect(app.getByTestId('global-search').getByRole('option', { name: /ООО «Звонок»/ })).toBeVisible();
});

test('a new client and a confirmation start where the user acts: the name field, the confirm button', async ({ app }) => {
  await app.getByRole('button', { name: 'Новый клиент' }).first().click();
  await app.keyboard.type('ООО «Сразу»');
  await expect(app.getByLabel('Наименование')).toHaveValue('ООО «Сразу»');
  await app.keyboard.press('Escape');
  await expect(app.getByTestId('confirm-dialog').getByRole('button', { name: 'Подтвердить' })).toBeFocused();
});
