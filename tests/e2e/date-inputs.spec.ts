import { test, expect } from './fixtures';

// A PC whose browser (or Windows) speaks American English: native date inputs would
// show mm/dd/yyyy and AM/PM. Ours follow the app's language instead.
test.use({ locale: 'en-US' });

test('in an en-US browser the Russian UI shows and accepts 05.12.2026 and 14:30; the calendar and the keyboard pick dates', async ({ app: page, server }) => {
  const { id } = await server.api<{ id: string }>('clients.create', { kind: 'person', lastName: 'Датов', firstName: 'Пётр' });
  await page.goto(`${server.url}#/clients/${id}`);
  await page.getByTestId('client-tasks').getByRole('button', { name: '+ Задача' }).click();
  const dialog = page.getByTestId('task-dialog');
  await expect(dialog.locator('input[type=date], input[type=time], input[type=datetime-local]')).toHaveCount(0);
  await dialog.getByLabel('Что сделать').fill('Показ квартиры');
  const date = dialog.getByLabel('Дата', { exact: true });
  const time = dialog.getByLabel('Время', { exact: true });
  await expect(date).toHaveAttribute('placeholder', 'дд.мм.гггг');
  // Typed as a Russian user types: digits only, the mask puts the dots and the colon.
  await date.fill('');
  await date.pressSequentially('05122026');
  await expect(date).toHaveValue('05.12.2026');
  await time.fill('');
  await time.pressSequentially('1430');
  await expect(time).toHaveValue('14:30');
  await dialog.getByRole('button', { name: 'Сохранить' }).click();
  await expect(dialog).toBeHidden();
  const { open } = await server.api<{ open: { id: string; startsAt: string }[] }>('tasks.forClient', { clientId: id, timeZone: 'Europe/Moscow' });
  expect(open.map((t) => t.startsAt)).toEqual(['2026-12-05T11:30:00.000Z']); // 14:30 in Moscow

  // Opened again, the same text; the calendar opens on the chosen day.
  await page.getByTestId('client-tasks').getByText('Показ квартиры').click();
  await expect(date).toHaveValue('05.12.2026');
  await expect(time).toHaveValue('14:30');
  await date.press('Alt+ArrowDown');
  const popup = dialog.getByTestId('date-popup');
  await expect(popup).toBeVisible();
  await expect(popup.getByRole('button', { name: /суббота, 5 декабря 2026/ })).toBeFocused();
  // Arrows move within the month grid; Enter picks and closes, the focus back in the field.
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(popup).toBeHidden();
  await expect(date).toHaveValue('13.12.2026');
  await expect(date).toBeFocused();
  // Esc closes the calendar only, not the dialog.
  await dialog.getByRole('button', { name: 'Открыть календарь' }).first().click();
  await expect(popup).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(popup).toBeHidden();
  await expect(dialog).toBeVisible();
  // ↑/↓ in the field: a day forth or back.
  await date.press('ArrowDown');
  await expect(date).toHaveValue('12.12.2026');
  // A date that does not exist is refused by name, nothing is saved.
  await date.fill('31.02.2026');
  await dialog.getByRole('button', { name: 'Сохранить' }).click();
  await expect(dialog.getByText('Введите дату в формате дд.мм.гггг')).toBeVisible();
  await date.fill('12.12.2026');
  await dialog.getByRole('button', { name: 'Сохранить' }).click();
  await expect(dialog).toBeHidden();
  const after = await server.api<{ open: { startsAt: string }[] }>('tasks.forClient', { clientId: id, timeZone: 'Europe/Moscow' });
  expect(after.open.map((t) => t.startsAt)).toEqual(['2026-12-12T11:30:00.000Z']);

  // The birthday on the card, edited in place with the same field.
  const birthday = page.getByTestId('field-birthday');
  await birthday.getByRole('button').click();
  await birthday.getByRole('textbox').pressSequentially('140785');
  await expect(birthday.getByRole('textbox')).toHaveValue('14.07.85');
  await birthday.getByRole('textbox').press('Enter');
  await expect(birthday).toContainText('14.07.1985');
  const card = await server.api<{ fields: { birthday: string } }>('clients.get', { id });
  expect(card.fields.birthday).toBe('1985-07-14');

  // In English the same values read the English way.
  await page.getByRole('link', { name: 'Настройки' }).click();
  await page.getByRole('navigation', { name: 'Разделы настроек' }).getByRole('link', { name: 'Язык' }).click();
  await page.getByLabel('Язык интерфейса').selectOption('en');
  await page.goto(`${server.url}#/clients/${id}`);
  await page.getByTestId('client-tasks').getByText('Показ квартиры').click();
  await expect(dialog.getByLabel('Date', { exact: true })).toHaveValue('12/12/2026');
  await expect(dialog.getByLabel('Time', { exact: true })).toHaveValue('2:30 PM');
});

test('a custom date field: set on the card from the calendar, filtered in the list by a typed date', async ({ app: page, server }) => {
  await server.api('customFields.create', { entity: 'client', name: 'Дата договора', type: 'date' });
  const { id } = await server.api<{ id: string }>('clients.create', { kind: 'organization', name: 'ООО «Договорной»' });
  await server.api('clients.create', { kind: 'organization', name: 'ООО «Без договора»' });
  await page.goto(`${server.url}#/clients/${id}`);
  await page.reload(); // the field was defined behind the open page's back
  const field = page.getByTestId('custom-Дата договора');
  await field.getByRole('button').click();
  const input = field.getByRole('textbox');
  await input.pressSequentially('1.3');
  await expect(input).toHaveValue('1.03');
  // The calendar opens on the typed day (1 March this year); pick the 2nd with the mouse.
  await field.getByRole('button', { name: 'Открыть календарь' }).click();
  await field.getByTestId('date-popup').getByRole('button', { name: /, 2 марта \d{4}/ }).click();
  await expect(input).toHaveValue(new RegExp(`^02\\.03\\.${new Date().getFullYear()}$`));
  // Still editing: leaving the calendar did not save half a value. Enter saves.
  await input.press('Enter');
  const year = new Date().getFullYear();
  await expect(field).toContainText(`02.03.${year}`);
  const card = await server.api<{ fields: { custom: Record<string, string> } }>('clients.get', { id });
  expect(Object.values(card.fields.custom)).toEqual([`${year}-03-02`]);

  await page.getByRole('link', { name: 'Клиенты' }).click();
  await expect(page.getByTestId('clients-total')).toHaveText('Всего: 2');
  await page.getByLabel('Дополнительные поля').selectOption({ label: 'Дата договора' });
  await page.getByLabel('Дата договора').pressSequentially(`0203${year}`);
  await page.getByLabel('Дата договора').press('Enter');
  await expect(page.getByTestId('clients-total')).toHaveText('Всего: 1');
  await expect(page.getByTestId('client-list')).toContainText('ООО «Договорной»');
  // The chip reads the date the Russian way.
  await expect(page.getByText(`Дата договора: 02.03.${year}`)).toBeVisible();
});
