import { test, expect } from './fixtures';

// Small texts users read every day: birthdays of this week speak of the age in the
// right tense and with the right word form.

test('birthdays this week: «исполнилось» for a day already past, «сегодня исполняется» today, «исполнится» ahead, with год/года/лет', async ({ app: page, server }) => {
  // Wednesday 4 March 2026, midday in Moscow (the browser's zone): the week is 2–8 March.
  await page.clock.setFixedTime(new Date('2026-03-04T09:00:00Z'));
  const person = (name: string, birthday: string) => server.api('clients.create', { kind: 'person', name, birthday });
  await person('Старшинов Пётр', '1961-03-02'); // Monday: 65, past
  await person('Молодцова Анна', '2005-03-04'); // today: 21
  await person('Будущев Олег', '2004-03-06'); // Friday: 22
  await person('Одиннадцатов Ян', '2015-03-08'); // Sunday: 11
  await page.reload();
  await page.getByRole('link', { name: 'Задачи' }).click();
  const panel = page.getByTestId('birthdays');
  const line = (name: string) => panel.locator('li').filter({ hasText: name });
  await expect(line('Старшинов Пётр')).toContainText('исполнилось 65 лет');
  await expect(line('Молодцова Анна')).toContainText('сегодня исполняется 21 год');
  await expect(line('Будущев Олег')).toContainText('исполнится 22 года');
  await expect(line('Одиннадцатов Ян')).toContainText('исполнится 11 лет');
  await expect(panel).not.toContainText('исполняется 65');
});
