import Database from 'better-sqlite3';
import { test, expect } from './fixtures';

// The client card as a work surface on an office PC's 1366×768 screen: the timeline
// (write, plan, read) beside the fields, phones and e-mails one click from a call.
test.use({ viewport: { width: 1366, height: 768 } });

test('phones and e-mails carry call, copy and messenger links; the composer logs a note and a call; tasks and history in one timeline', async ({ app: page, server, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const { id } = await server.api<{ id: string }>('clients.create', {
    kind: 'person',
    lastName: 'Орлова',
    firstName: 'Мария',
    phones: [{ raw: '8 916 123-45-67' }, { raw: '+7 (495) 765-43-21' }],
    emails: [{ address: 'orlova@example.ru' }],
  });
  await server.api('tasks.create', {
    fields: { title: 'Отправить договор', typeId: 'tasktype-email', allDay: true, startsAt: '2031-03-14', clientId: id },
    timeZone: 'Europe/Moscow',
  });
  await server.api('history.add', { clientId: id, kind: 'note', occurredAt: '2026-01-10T09:00:00Z', text: 'Первое знакомство на выставке' });
  await page.goto(`${server.url}#/clients/${id}`);
  const card = page.getByTestId('client-card');

  // No "coming soon" boxes on a working screen.
  await expect(card.getByText('Документы')).toHaveCount(0);
  await expect(card.getByText(/следующей версии/)).toHaveCount(0);

  const phones = card.getByTestId('phone');
  await expect(phones).toHaveCount(2);
  const mobile = phones.filter({ hasText: '+7 916 123-45-67' });
  await expect(mobile.getByRole('link', { name: '+7 916 123-45-67', exact: true })).toHaveAttribute('href', 'tel:+79161234567');
  await expect(mobile.getByRole('link', { name: 'Написать в WhatsApp: +7 916 123-45-67' })).toHaveAttribute('href', 'https://wa.me/79161234567');
  await expect(mobile.getByRole('link', { name: 'Написать в Telegram: +7 916 123-45-67' })).toHaveAttribute('href', 'https://t.me/+79161234567');
  // A Moscow landline gets the call link, no messengers.
  const landline = phones.filter({ hasText: '+7 495 765-43-21' });
  await expect(landline.getByRole('link', { name: '+7 495 765-43-21', exact: true })).toHaveAttribute('href', 'tel:+74957654321');
  await expect(landline.getByRole('link', { name: /WhatsApp|Telegram/ })).toHaveCount(0);
  await mobile.getByRole('button', { name: 'Скопировать +7 916 123-45-67' }).click();
  await expect(page.getByText('Скопировано: +7 916 123-45-67')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('+7 916 123-45-67');
  const email = card.getByTestId('email');
  await expect(email.getByRole('link', { name: 'orlova@example.ru' })).toHaveAttribute('href', 'mailto:orlova@example.ru');
  await email.getByRole('button', { name: 'Скопировать orlova@example.ru' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('orlova@example.ru');

  // The timeline: the box to write in, then what is planned, then the history.
  const composer = page.getByTestId('history-form');
  const planned = page.getByTestId('client-tasks');
  const history = page.getByTestId('history');
  await expect(composer).toBeInViewport();
  await expect(planned).toContainText('Отправить договор');
  await expect(history).toContainText('Первое знакомство на выставке');
  const [c, p, h] = await Promise.all([composer, planned, history].map(async (l) => (await l.boundingBox())!.y));
  expect(c).toBeLessThan(p!);
  expect(p).toBeLessThan(h!);
  // Fields at the side, the timeline beside them (not under them) at this width.
  const side = (await card.getByTestId('communications').boundingBox())!;
  expect((await composer.boundingBox())!.x).toBeGreaterThan(side.x + side.width);

  // A note, saved from the keyboard.
  await expect(composer.getByRole('tab', { name: 'Заметка' })).toHaveAttribute('aria-selected', 'true');
  await composer.getByLabel('Содержание').fill('Просит скидку 5% при оплате сразу');
  await composer.getByLabel('Содержание').press('Control+Enter');
  await expect(history.locator('li').first()).toContainText('Просит скидку 5% при оплате сразу');
  await expect(composer.getByLabel('Содержание')).toHaveValue('');
  await expect(composer.getByLabel('Содержание')).toBeFocused();

  // A call: incoming, not answered, with no words to add. The tabs answer the arrow keys.
  await composer.getByRole('tab', { name: 'Заметка' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(composer.getByRole('tab', { name: 'Звонок' })).toHaveAttribute('aria-selected', 'true');
  await expect(composer.getByRole('tab', { name: 'Звонок' })).toBeFocused();
  await composer.locator('label', { hasText: 'Входящий' }).click();
  await composer.getByRole('button', { name: 'Добавить запись' }).click();
  await expect(composer.getByRole('alert')).toHaveText('Выберите результат звонка или напишите, о чём говорили');
  await composer.getByLabel('Результат').selectOption({ label: 'Не ответил' });
  await composer.getByLabel('Длительность, мин').fill('1');
  await composer.getByRole('button', { name: 'Добавить запись' }).click();
  const call = history.locator('li').first();
  await expect(call).toContainText('Звонок · входящий · 1 мин');
  await expect(call).toContainText('Не ответил');

  // A call at another time than now goes where its time puts it.
  await composer.getByLabel('Результат').selectOption({ label: 'Поговорили' });
  await composer.getByLabel('Содержание').fill('Договорились о встрече');
  await composer.getByRole('button', { name: 'Сейчас · изменить время' }).click();
  await composer.getByLabel('Когда: дата').fill('11.01.2026');
  await composer.getByLabel('Когда: время').fill('1015');
  await composer.getByLabel('Содержание').press('Control+Enter');
  await expect(history.locator('li').last()).toContainText('Первое знакомство на выставке');
  await expect(history.locator('li').nth(2)).toContainText('Поговорили\nДоговорились о встрече');
  await expect(history.locator('li').nth(2)).toContainText('11.01.2026, 10:15');

  // Completing the planned task puts it into the history, not in both lists.
  await planned.getByRole('button', { name: 'Выполнить «Отправить договор»' }).click();
  const done = page.getByTestId('complete-dialog');
  await done.getByLabel('Результат').fill('Отправлен на почту');
  await done.getByRole('button', { name: 'Выполнить' }).click();
  await expect(planned).toContainText('Открытых задач нет');
  await expect(history.locator('li').first()).toContainText('Отправить договор\nОтправлен на почту');

  await page.reload();
  await expect(page.getByTestId('history').locator('li')).toHaveCount(5);
});

test('a client with 3,000 history entries: the timeline loads 30 at a time as it scrolls, never all', async ({ app: page, server }) => {
  const { id } = await server.api<{ id: string }>('clients.create', { kind: 'organization', name: 'ООО «Долгая история»' });
  // Written straight into the workspace file (WAL: the server reads them at once).
  const db = new Database(server.dbPath);
  const insert = db.prepare(
    `INSERT INTO history (id, client_id, kind, occurred_at, text, created_at, updated_at) VALUES (?, ?, 'note', ?, ?, ?, ?)`,
  );
  const base = Date.parse('2020-01-01T00:00:00Z');
  db.transaction(() => {
    for (let i = 0; i < 3000; i++) {
      const at = new Date(base + i * 3_600_000).toISOString();
      insert.run(`hist-${String(i).padStart(5, '0')}`, id, at, `Запись №${i + 1}`, at, at);
    }
  })();
  db.close();

  const calls: { limit: number; before: unknown }[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith('/api/history.list')) calls.push(r.postDataJSON());
  });
  await page.goto(`${server.url}#/clients/${id}`);
  const entries = page.getByTestId('history').locator('li');
  await expect(entries).toHaveCount(30);
  await expect(entries.first()).toContainText('Запись №3000');
  await expect(entries.last()).toContainText('Запись №2971');
  expect(calls).toHaveLength(1);

  // Scrolling to the end of the list brings the next 30, in order across the seam.
  await entries.last().scrollIntoViewIfNeeded();
  await expect(entries).toHaveCount(60);
  await expect(entries.nth(30)).toContainText('Запись №2970');
  await entries.last().scrollIntoViewIfNeeded();
  await expect(entries).toHaveCount(90);
  // The button does the same from the keyboard. Focusing it scrolls the end of the list
  // into view, which may itself bring a page: count from where that settles.
  await page.getByRole('button', { name: 'Показать более ранние' }).focus();
  await page.waitForTimeout(500);
  const shown = await entries.count();
  expect([90, 120]).toContain(shown);
  await page.keyboard.press('Enter');
  await expect(entries).toHaveCount(shown + 30);
  await expect(entries.last()).toContainText(`Запись №${3000 - shown - 29}`);
  expect(calls.length).toBe(shown / 30 + 1);
  expect(calls.every((c) => c.limit === 30)).toBe(true);
  expect(calls[0]!.before).toBeNull();
});
