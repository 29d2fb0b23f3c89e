import { test, expect } from './fixtures';

// A phone rings: Ctrl+K (or «Поиск») and the digits typed at once land in the search
// box, not on the dialog's ×. Every dialog with a field opens with the focus in it.
// A found row shows what matched when its name does not (a second phone, a contact
// person's e-mail); a capped search says how many clients really match.

test('Ctrl+K, digits typed at once: the search box has them and the card is found by its second phone', async ({ app: page, server }) => {
  const alpha = await server.api<{ id: string }>('clients.create', {
    kind: 'organization',
    name: 'ООО «Звонок»',
    phones: [{ raw: '+7 495 100-20-30' }, { raw: '8 916 777-88-99' }],
    emails: [{ address: 'office@zvonok.ru' }],
  });
  await server.api('contacts.create', { clientId: alpha.id, fields: { name: 'Сергей Почтов', emails: [{ address: 'pochtov@zvonok.ru' }] } });
  await page.reload();

  await page.keyboard.press('Control+k');
  const dialog = page.getByTestId('global-search');
  // No wait between the shortcut and the typing: the caller is on the line.
  await page.keyboard.type('916 777');
  const box = dialog.getByRole('textbox');
  await expect(box).toBeFocused();
  await expect(box).toHaveValue('916 777');
  const row = dialog.getByRole('option', { name: /ООО «Звонок»/ });
  await expect(row).toBeVisible();
  await expect(row.getByTestId('match-note')).toHaveText('Телефон: +7 916 777-88-99');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('client-card').getByRole('heading', { name: 'ООО «Звонок»' })).toBeVisible();

  // The sidebar's «Поиск» does the same.
  await page.getByRole('button', { name: /Поиск/ }).click();
  await page.keyboard.type('pochtov');
  await expect(page.getByTestId('global-search').getByRole('textbox')).toHaveValue('pochtov');
  await expect(page.getByTestId('global-search').getByTestId('match-note')).toHaveText('E-mail: pochtov@zvonok.ru (Сергей Почтов)');
});

test('Ctrl+K while the app is still starting (a slow PC after a reload): the search opens with every digit typed', async ({ app: page, server }) => {
  await server.api('clients.create', { kind: 'organization', name: 'ООО «Старт»', phones: [{ raw: '+7 495 222-33-44' }] });
  // The core answers the workspace's first question late, as on an old office PC.
  await page.route('**/api/workspace.info', async (route) => {
    await new Promise((r) => setTimeout(r, 1500));
    await route.continue();
  });
  await page.reload();
  await expect(page.locator('.fatal')).toBeVisible();
  await page.keyboard.press('Control+k');
  await page.keyboard.type('222 33');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('client-card').getByRole('heading', { name: 'ООО «Старт»' })).toBeVisible();
  await page.unroute('**/api/workspace.info');
});

test('dialogs with a field open with the focus in it: new client, new deal, new task, confirm', async ({ app: page }) => {
  await page.getByRole('button', { name: 'Новый клиент' }).first().click();
  await expect(page.getByTestId('client-form').getByLabel('Наименование')).toBeFocused();
  await page.keyboard.type('ООО «Фокус»');
  await expect(page.getByTestId('client-form').getByLabel('Наименование')).toHaveValue('ООО «Фокус»');
  // Esc on typed text asks first; the confirm dialog's own button takes the focus.
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('confirm-dialog').getByRole('button', { name: 'Подтвердить' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('client-form')).toBeHidden();

  await page.getByRole('link', { name: 'Сделки' }).click();
  await page.getByRole('button', { name: 'Новая сделка', exact: true }).click();
  await expect(page.getByTestId('deal-form').getByLabel('Название')).toBeFocused();
  await page.keyboard.press('Escape');

  await page.getByRole('link', { name: 'Задачи' }).click();
  await page.getByRole('button', { name: /Новая задача/ }).first().click();
  await expect(page.getByRole('dialog').getByLabel('Что сделать')).toBeFocused();
});

test.describe('a capped search', () => {
  test.use({ seed: { clients: 3000, deals: 0 } });

  test('says how many clients really match, as the core counts them', async ({ app: page, server }) => {
    const query = 'а';
    const page0 = await server.api<{ total: number; capped: boolean }>('clients.list', { query: { search: query }, limit: 1 });
    expect(page0.capped).toBe(true);
    const real = await server.api<{ count: number; more: boolean }>('clients.searchCount', { query: { search: query } });
    expect(real.count).toBeGreaterThan(1000);
    expect(real.more).toBe(false);
    await page.getByRole('searchbox').fill(query);
    await expect(page.getByTestId('clients-total')).toHaveText(`Найдено: ${real.count.toLocaleString('ru-RU')}`);
    await expect(page.getByText('Показаны первые 1000 совпадений — уточните запрос')).toBeVisible();
  });
});
