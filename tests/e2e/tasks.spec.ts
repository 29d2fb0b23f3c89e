import { readFileSync } from 'node:fs';
import { format, addDays } from 'date-fns';
import ICAL from 'ical.js';
import { test, expect } from './fixtures';

// A manager plans the next step with a client, sees it in the day's list and on the
// week calendar, moves it to another day by dragging, does it and writes the result.
// The browser runs in Europe/Moscow (playwright.config.ts); the task is all-day, so it
// is "today" for the whole Moscow day whatever time the test runs.

const mskToday = () => new Date(new Date().toLocaleString('en-US', { timeZone: 'Europe/Moscow' }));

test('create a task from a client card, see it in Today and in the week view, drag it to another day, complete it with a result found in the history', async ({
  app: page,
  server,
}) => {
  const client = await server.api<{ id: string }>('clients.create', { kind: 'organization', name: 'ООО «Вектор»' });
  await page.goto(`${server.url}#/clients/${client.id}`);
  const card = page.getByTestId('client-card');
  const panel = card.getByTestId('client-tasks');
  await expect(panel).toContainText('Открытых задач нет');

  await panel.getByRole('button', { name: '+ Задача' }).click();
  const dialog = page.getByTestId('task-dialog');
  await expect(dialog.getByTestId('task-client')).toHaveText('ООО «Вектор»');
  await dialog.getByLabel('Что сделать').fill('Позвонить насчёт договора');
  await dialog.getByLabel('Тип').selectOption({ label: 'Звонок' });
  await dialog.getByLabel('Весь день').check();
  // Today, typed: the default start is the next half hour, which after 23:30 is tomorrow.
  await dialog.getByLabel('Дата', { exact: true }).fill(new Date().toLocaleDateString('ru-RU', { timeZone: 'Europe/Moscow' }));
  await dialog.getByLabel('за 15 минут').uncheck();
  await dialog.getByRole('button', { name: 'Сохранить' }).click();
  await expect(dialog).toBeHidden();
  await expect(panel.getByTestId('task-item')).toContainText('Позвонить насчёт договора');

  // Today's list.
  await page.getByRole('link', { name: 'Задачи' }).click();
  await expect(page.getByTestId('bucket-today').getByTestId('task-item')).toContainText('Позвонить насчёт договора');
  await expect(page.getByTestId('bucket-today')).toContainText('ООО «Вектор»');

  // The week view (Monday first) shows it in today's all-day cell.
  await page.getByRole('link', { name: 'Календарь' }).click();
  const calendar = page.getByTestId('calendar');
  await expect(calendar.getByRole('button', { name: 'Неделя' })).toHaveClass(/rbc-active/);
  const headers = calendar.locator('.rbc-time-header .rbc-header');
  await expect(headers).toHaveCount(7);
  await expect(headers.first()).toContainText(/пн/i);
  const event = calendar.locator('.rbc-allday-cell .rbc-event', { hasText: 'Позвонить насчёт договора' });
  await expect(event).toBeVisible();

  // Drag it one day on (one day back on a Sunday) with the real mouse.
  const today = mskToday();
  const dow = (today.getDay() + 6) % 7; // Monday = 0
  const shift = dow === 6 ? -1 : 1;
  const target = format(addDays(today, shift), 'yyyy-MM-dd');
  const cells = calendar.locator('.rbc-allday-cell .rbc-row-bg .rbc-day-bg');
  const from = (await event.boundingBox())!;
  const to = (await cells.nth(dow + shift).boundingBox())!;
  await page.mouse.move(from.x + 10, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + 30, from.y + from.height / 2, { steps: 5 });
  await page.mouse.move(to.x + to.width / 2, to.y + from.height / 2, { steps: 15 });
  await page.mouse.up();
  await expect(page.getByText('Задача «Позвонить насчёт договора» перенесена')).toBeVisible();
  const { open } = await server.api<{ open: { startsAt: string }[] }>('tasks.forClient', { clientId: client.id, timeZone: 'Europe/Moscow' });
  expect(open.map((t) => t.startsAt)).toEqual([target]);
  // After a reload the calendar still shows it on the new day.
  await page.reload();
  const movedEvent = page.getByTestId('calendar').locator('.rbc-allday-cell .rbc-event', { hasText: 'Позвонить насчёт договора' });
  const box = (await movedEvent.boundingBox())!;
  const targetCell = (await page.getByTestId('calendar').locator('.rbc-allday-cell .rbc-row-bg .rbc-day-bg').nth(dow + shift).boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(targetCell.x - 2);
  expect(box.x).toBeLessThan(targetCell.x + targetCell.width);

  // Done, with a result that lands in the client's history.
  await page.goto(`${server.url}#/clients/${client.id}`);
  await page.getByTestId('client-tasks').getByRole('button', { name: 'Выполнить «Позвонить насчёт договора»' }).click();
  const done = page.getByTestId('complete-dialog');
  await done.getByLabel('Результат').fill('Договорились подписать в пятницу');
  await done.getByLabel('Затрачено, мин').fill('12');
  await done.getByRole('button', { name: 'Выполнить' }).click();
  await expect(done).toBeHidden();
  const history = page.getByTestId('history');
  await expect(history).toContainText('Позвонить насчёт договора');
  await expect(history).toContainText('Договорились подписать в пятницу');
  await expect(history).toContainText('12 мин');
  await expect(page.getByTestId('client-tasks')).toContainText('Открытых задач нет');
});

test('a due reminder is shown as a notice and can be snoozed; quick add keeps the cursor in the title', async ({ app: page, server }) => {
  const start = new Date(Date.now() + 5 * 60_000).toISOString();
  await server.api('tasks.create', {
    fields: { title: 'Встреча с Петровым', typeId: 'tasktype-meeting', allDay: false, startsAt: start, reminders: [10] },
    timeZone: 'Europe/Moscow',
  });
  await page.reload();
  await expect(page.getByTestId('reminder-bell')).toHaveAccessibleName('Напоминания: 1');
  await page.getByTestId('reminder-bell').click();
  const notice = page.getByTestId('reminders');
  await expect(notice).toContainText('Встреча с Петровым');
  await notice.getByRole('button', { name: '10 мин' }).click();
  await expect(notice).not.toContainText('Встреча с Петровым');
  await expect(page.getByTestId('reminder-bell')).toHaveAccessibleName('Напоминания: 0');

  await page.getByRole('link', { name: 'Задачи' }).click();
  const quick = page.getByLabel('Быстрое добавление задачи');
  await quick.fill('Отправить КП');
  await quick.press('Enter');
  await expect(page.getByTestId('bucket-today')).toContainText('Отправить КП');
  await expect(quick).toHaveValue('');
  await expect(quick).toBeFocused();
  await quick.press('Enter');
  await expect(page.getByTestId('quick-add').getByRole('alert')).toHaveText('Что сделать: обязательное поле');
});

test('export the calendar as an .ics download that ical.js reads, and import an .ics file from another calendar', async ({ app: page, server }) => {
  // Today's date: the week view shows it whatever day of the week the test runs.
  const day = format(mskToday(), 'yyyy-MM-dd');
  await server.api('tasks.create', {
    fields: { title: 'Подписание договора', typeId: 'tasktype-meeting', allDay: true, startsAt: day },
    timeZone: 'Europe/Moscow',
  });
  await page.getByRole('link', { name: 'Календарь' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Экспорт .ics' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^kartoteka-\d{4}-\d{2}-\d{2}\.ics$/);
  const text = readFileSync((await download.path())!, 'utf8');
  const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  expect(events.map((e) => [e.summary, e.startDate.toString(), e.startDate.isDate])).toEqual([['Подписание договора', day, true]]);

  const other = [
    'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Phone//RU',
    'BEGIN:VEVENT', 'UID:phone-1', 'DTSTAMP:20260101T000000Z', `DTSTART;VALUE=DATE:${day.replace(/-/g, '')}`, 'SUMMARY:Показ квартиры на Ленина', 'END:VEVENT',
    'END:VCALENDAR',
  ].join('\r\n');
  await page.getByLabel('Импорт .ics').setInputFiles({ name: 'phone.ics', mimeType: 'text/calendar', buffer: Buffer.from(other) });
  await expect(page.getByText('Добавлено: 1, уже были: 0, пропущено с ошибками: 0')).toBeVisible();
  await expect(page.getByTestId('calendar').locator('.rbc-event', { hasText: 'Показ квартиры на Ленина' })).toBeVisible();
  await page.getByLabel('Импорт .ics').setInputFiles({ name: 'bad.ics', mimeType: 'text/plain', buffer: Buffer.from('not a calendar') });
  await expect(page.getByRole('alert').filter({ hasText: 'Это не файл календаря iCalendar (.ics)' })).toBeVisible();
});

test('a weekly task: one occurrence renamed alone, then this and all following renamed', async ({ app: page, server }) => {
  await page.getByRole('link', { name: 'Задачи' }).click();
  await page.getByRole('button', { name: 'Новая задача' }).click();
  const dialog = page.getByTestId('task-dialog');
  // Mistakes are named next to their field and nothing is saved.
  await dialog.getByRole('button', { name: 'Сохранить' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('обязательное поле');
  await dialog.getByLabel('Что сделать').fill('Планёрка');
  await dialog.getByLabel('Время', { exact: true }).fill('10:00');
  await dialog.getByLabel('Срок', { exact: true }).fill(format(addDays(mskToday(), -1), 'yyyy-MM-dd'));
  await dialog.getByRole('button', { name: 'Сохранить' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Срок раньше начала');
  await dialog.getByLabel('Срок', { exact: true }).fill('');
  await dialog.getByLabel('Повтор').selectOption('weekly');
  await dialog.getByRole('button', { name: 'Сохранить' }).click();
  await expect(dialog).toBeHidden();

  const day = format(mskToday(), 'yyyy-MM-dd');
  const until = format(addDays(mskToday(), 22), 'yyyy-MM-dd');
  type Item = { id: string; title: string; startsAt: string };
  const occurrences = async () =>
    (await server.api<{ items: Item[] }>('tasks.range', { range: { from: day, to: until }, timeZone: 'Europe/Moscow' })).items.map((i) => i.title);
  expect(await occurrences()).toEqual(['Планёрка', 'Планёрка', 'Планёрка', 'Планёрка']);

  // The nearest occurrence after this week sits in "Later" (collapsed until opened).
  const later = page.getByTestId('bucket-later');
  await later.getByRole('button', { name: /Позже/ }).click();
  await later.getByTestId('task-item').first().getByRole('button', { name: /^Планёрка/ }).click();
  await expect(dialog.getByTestId('task-scope')).toBeVisible();
  await dialog.getByLabel('Что сделать').fill('Планёрка с отчётом');
  await dialog.getByRole('button', { name: 'Сохранить' }).click();
  await expect(dialog).toBeHidden();
  expect(await occurrences()).toEqual(['Планёрка', 'Планёрка с отчётом', 'Планёрка', 'Планёрка']);

  await later.getByTestId('task-item').nth(1).getByRole('button', { name: /^Планёрка/ }).click();
  await dialog.getByLabel('эту и все следующие').check();
  await dialog.getByLabel('Что сделать').fill('Планёрка (новая)');
  await dialog.getByRole('button', { name: 'Сохранить' }).click();
  await expect(dialog).toBeHidden();
  expect(await occurrences()).toEqual(['Планёрка', 'Планёрка с отчётом', 'Планёрка (новая)', 'Планёрка (новая)']);
});
