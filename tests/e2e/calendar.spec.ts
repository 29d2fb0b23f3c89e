import { addDays, endOfMonth, endOfWeek, format, startOfMonth, startOfWeek } from 'date-fns';
import { test, expect } from './fixtures';
import { Session } from '../../src-main/core/workspace/session';
import { invoke, INTERNAL_CALLER } from '../../src-main/core/procedures';

// The calendar of a busy office (issue 10): 2,200 tasks on the first two days of the
// month view and a few on the other days, today included, plus a few hundred
// birthdays. The old calendar showed "the first 2,000 tasks of the period", all on
// those two days, and nothing for the rest of the month. Now every day shows its
// first entries and a «+N» that lists the rest; every figure is compared with the core.

const MSK = 'Europe/Moscow';
const todayMsk = () => new Intl.DateTimeFormat('en-CA', { timeZone: MSK }).format(new Date());
const local = (d: string) => new Date(`${d}T12:00:00`);
const ymd = (d: Date) => format(d, 'yyyy-MM-dd');
/** The days a month view of today's month shows (Monday first), as the renderer computes them. */
function monthRange() {
  const today = local(todayMsk());
  const from = startOfWeek(startOfMonth(today), { weekStartsOn: 1 });
  const to = addDays(endOfWeek(endOfMonth(today), { weekStartsOn: 1 }), 1);
  return { from: ymd(from), to: ymd(to) };
}

test.use({
  prepare: {
    run: (path) => {
    const s = new Session();
    s.open(path);
    const call = (name: string, input: unknown) => invoke(s, name, input, INTERNAL_CALLER) as { id: string };
    call('workspace.initialize', { demo: false, timeZone: MSK });
    const colleague = call('users.create', { name: 'Коллега', color: '#aa3355' }).id;
    const { from, to } = monthRange();
    const today = todayMsk();
    const task = (fields: Record<string, unknown>) => call('tasks.create', { fields: { typeId: 'tasktype-call', allDay: false, ...fields }, timeZone: MSK });
    s.workspace.sqlite.transaction(() => {
      for (const day of [from, ymd(addDays(local(from), 1))]) {
        for (let i = 0; i < 1100; i++) {
          const at = new Date(`${day}T${String(9 + (i % 9)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00+03:00`).toISOString();
          task({ title: `Обзвон ${i}`, startsAt: at, assigneeId: i % 2 ? colleague : null });
        }
      }
      for (let d = local(from); ymd(d) < to; d = addDays(d, 1)) {
        if (ymd(d) === today) continue;
        task({ title: `Встреча ${ymd(d)}`, startsAt: new Date(`${ymd(d)}T11:00:00+03:00`).toISOString(), typeId: 'tasktype-meeting' });
      }
      task({ title: 'Сегодня: весь день', allDay: true, startsAt: today, typeId: 'tasktype-document' });
      for (let i = 0; i < 5; i++) task({ title: `Сегодня в ${10 + i}:00`, startsAt: new Date(`${today}T${10 + i}:00:00+03:00`).toISOString() });
      // Birthdays: thirty today, the others spread over the month.
      for (let i = 0; i < 230; i++) {
        const day = i < 30 ? today : ymd(addDays(local(from), i % 35));
        call('clients.create', { kind: 'person', lastName: `Именинник${i}`, birthday: `1990-${day.slice(5)}` });
      }
    })();
    s.close();
    },
  },
});

// Writing 2,400 tasks through the core before the server starts takes a while on a shared machine.
test.describe.configure({ timeout: 180_000 });

type Day = { date: string; tasks: unknown[]; birthdays: unknown[]; total: number; more: number };

test('month view, everyone: every day shows its first entries and a «+N» the core agrees with; today is not empty', async ({ app: page, server }) => {
  const { from, to } = monthRange();
  await page.getByRole('link', { name: 'Календарь' }).click();
  // «Мои» is the default: an office's every task at once is not what a manager opens the calendar for.
  await expect(page.getByLabel('Чьи задачи')).toHaveValue('mine');
  await page.getByRole('button', { name: 'Месяц' }).click();
  await page.getByLabel('Чьи задачи').selectOption('all');
  const calendar = page.getByTestId('calendar');
  await expect(calendar).toHaveAttribute('aria-busy', 'false');

  const core = await server.api<{ days: Day[] }>('tasks.calendar', { range: { from, to }, filter: { scope: 'all' }, timeZone: MSK, perDay: 4 });
  expect(core.days.find((d) => d.date === from)!.total).toBeGreaterThan(1100);
  for (const day of core.days) {
    const shown = day.tasks.length + day.birthdays.length;
    await expect(calendar.locator(`[data-testid="cal-event"][data-day="${day.date}"]`), day.date).toHaveCount(shown);
    const more = calendar.getByTestId(`more-${day.date}`);
    if (day.more > 0) await expect(more, day.date).toHaveText(`+${day.more}`);
    else await expect(more, day.date).toHaveCount(0);
    if (day.total > 0) expect(shown, day.date).toBeGreaterThan(0);
  }
  const today = core.days.find((d) => d.date === todayMsk())!;
  expect(today.tasks.length).toBe(4);
  await expect(calendar.locator(`[data-day="${todayMsk()}"]`).first()).toContainText('Сегодня: весь день');

  // The first day's «+N»: the whole day, paged by the core as the list scrolls.
  const calls: number[] = [];
  page.on('request', (r) => r.url().endsWith('/api/tasks.calendarDay') && calls.push(JSON.parse(r.postData()!).offset));
  await calendar.getByTestId(`more-${from}`).click();
  const dialog = page.getByTestId('day-entries');
  // Only the day's list: the click is not also a click on the day's slot (a new task).
  await expect(page.getByRole('dialog')).toHaveCount(1);
  const first = core.days[0]!;
  await expect(dialog.getByTestId('day-entries-total')).toHaveText(`Записей: ${first.total.toLocaleString('ru-RU')}`);
  const list = dialog.getByRole('list');
  await list.evaluate(async (el) => {
    for (let i = 1; i <= 30; i++) {
      el.scrollTop = (el.scrollHeight * i) / 30;
      await new Promise(requestAnimationFrame);
    }
  });
  const last = await server.api<{ entries: { task?: { title: string }; birthday?: { name: string } }[] }>('tasks.calendarDay', {
    date: from,
    filter: { scope: 'all' },
    timeZone: MSK,
    offset: first.total - 1,
    limit: 1,
  });
  const lastEntry = last.entries[0]!;
  await expect(list.getByRole('listitem').last()).toContainText(lastEntry.task?.title ?? lastEntry.birthday!.name);
  expect(calls.length).toBeLessThanOrEqual(5);
  expect(new Set(calls).size).toBe(calls.length);
  expect(await list.getByRole('listitem').count()).toBeLessThan(40);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // Birthdays off: none left, and the «+N» follow the core's counts without them.
  await page.getByLabel('Дни рождения').uncheck();
  await expect(calendar).toHaveAttribute('aria-busy', 'false');
  await expect(calendar.locator('.ev-birthday')).toHaveCount(0);
  const without = await server.api<{ days: Day[] }>('tasks.calendar', {
    range: { from, to },
    filter: { scope: 'all', birthdays: false },
    timeZone: MSK,
    perDay: 4,
  });
  const t2 = without.days.find((d) => d.date === todayMsk())!;
  expect(without.days.every((d) => d.birthdays.length === 0)).toBe(true);
  expect(t2.total).toBeLessThanOrEqual(today.total - 30);
  const moreToday = calendar.getByTestId(`more-${todayMsk()}`);
  if (t2.more > 0) await expect(moreToday).toHaveText(`+${t2.more}`);
  else await expect(moreToday).toHaveCount(0);
});

test('a loading sign while the range loads; the last range stays in sight under it', async ({ app: page }) => {
  await page.getByRole('link', { name: 'Календарь' }).click();
  const calendar = page.getByTestId('calendar');
  await expect(calendar).toHaveAttribute('aria-busy', 'false');
  let release!: () => void;
  const held = new Promise<void>((ok) => (release = ok));
  await page.route('**/api/tasks.calendar', async (route) => {
    await held;
    await route.continue();
  });
  const before = await calendar.getByTestId('cal-event').count();
  await page.getByLabel('Чьи задачи').selectOption('all');
  await expect(page.getByTestId('calendar-loading')).toBeVisible();
  await expect(page.getByTestId('calendar-loading')).toHaveText('Загрузка…');
  expect(await calendar.getByTestId('cal-event').count()).toBe(before);
  release();
  await expect(page.getByTestId('calendar-loading')).toBeHidden();
});
