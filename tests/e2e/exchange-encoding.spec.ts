import { test, expect } from './fixtures';

// Issue 10 through the real UI: the browser cuts an uploaded file into 3 MiB pieces
// (exchange/transfer.ts) and, for an .ics file, sends its bytes for the core to decode.
// Both cuts are put inside a letter here, and the values are compared exactly.

const PIECE = 3 * 1024 * 1024; // transfer.ts's chunk

test('a CSV larger than one upload piece, with the piece boundary inside a letter, imports every value exactly', async ({ app, server }) => {
  test.setTimeout(180_000);
  const header = 'Наименование;Комментарий\r\n';
  const note = (i: number) => `Клиент №${i}: ${'Щёлково, «Ёлка» — ул. Ленина, д. 4, '.repeat(24)}`;
  const lines: string[] = [];
  let bytes = Buffer.byteLength(header);
  let i = 0;
  // Rows until the file passes the piece size, then one row padded so that byte PIECE is
  // the second byte of a two-byte letter.
  for (; bytes < PIECE - 4000; i++) {
    const line = `ООО «Ромашка ${i}»;${note(i)}\r\n`;
    lines.push(line);
    bytes += Buffer.byteLength(line);
  }
  const head = `ООО «Ромашка ${i}»;`;
  const ascii = PIECE - bytes - Buffer.byteLength(head) - 1; // then «ж» takes bytes PIECE-1 and PIECE
  const straddling = `${'x'.repeat(ascii)}ж и дальше ${'ё'.repeat(100)}`;
  lines.push(`${head}${straddling}\r\n`);
  const names = [...Array(i + 1).keys()].map((k) => `ООО «Ромашка ${k}»`);
  for (let k = i + 1; k < i + 40; k++) {
    lines.push(`ООО «Ромашка ${k}»;${note(k)}\r\n`);
    names.push(`ООО «Ромашка ${k}»`);
  }
  const file = Buffer.from(header + lines.join(''), 'utf8');
  expect(file.length).toBeGreaterThan(PIECE);
  expect(file[PIECE]! & 0xc0).toBe(0x80); // the cut falls inside a letter

  await app.getByRole('link', { name: 'Обмен данными' }).click();
  const wizard = app.getByRole('region', { name: 'Загрузка из файла' });
  const chooser = app.waitForEvent('filechooser');
  await wizard.getByRole('button', { name: 'Выбрать файл…' }).click();
  await (await chooser).setFiles({ name: 'клиенты.csv', mimeType: 'text/csv', buffer: file });
  await expect(wizard.getByRole('radio', { name: 'Строка 1', exact: true })).toBeChecked();
  await wizard.getByRole('button', { name: 'Далее' }).click();
  await expect(wizard.getByLabel('Поле Картотеки: Комментарий')).toHaveValue('notes');
  await wizard.getByRole('button', { name: 'Далее' }).click();
  await expect(wizard.getByTestId('check-summary')).toContainText(`Будут загружены: ${names.length}`, { timeout: 60_000 });
  await wizard.getByRole('button', { name: 'Далее' }).click();
  await wizard.getByRole('button', { name: 'Загрузить' }).click();
  await expect(wizard.getByTestId('import-result')).toContainText(`создано ${names.length}`, { timeout: 60_000 });

  const expected = new Map(names.map((n, k) => [n, k === i ? straddling : note(k).trim()]));
  for (let offset = 0; offset < names.length; offset += 200) {
    const page = await server.api<{ rows: { id: string; name: string }[] }>('clients.list', { query: {}, offset, limit: 200 });
    for (const row of page.rows) {
      const card = await server.api<{ fields: { notes: string | null } }>('clients.get', { id: row.id });
      expect(card.fields.notes, row.name).toBe(expected.get(row.name));
    }
  }
});

test('an .ics whose lines are folded inside letters imports with every title exact', async ({ app }) => {
  // Today in the browser's zone (Moscow), so the week view shows the events.
  const day = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Moscow' }).replace(/-/g, '');
  const title = 'Показ квартиры «Ёлка» на Щорса — 😀';
  const bytes = Buffer.from(title, 'utf8');
  const events: Buffer[] = [];
  // Events on today's date, each folded at another byte of its title (2-byte letters split).
  for (const k of [1, 3, 5, 7, 9]) {
    events.push(
      Buffer.concat([
        Buffer.from(`BEGIN:VEVENT\r\nUID:fold-${k}@phone\r\nDTSTAMP:20260101T000000Z\r\nDTSTART;VALUE=DATE:${day}\r\nSUMMARY:${k} `),
        bytes.subarray(0, k),
        Buffer.from('\r\n '),
        bytes.subarray(k),
        Buffer.from('\r\nEND:VEVENT\r\n'),
      ]),
    );
  }
  const ics = Buffer.concat([Buffer.from('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Phone//RU\r\n'), ...events, Buffer.from('END:VCALENDAR\r\n')]);
  await app.getByRole('link', { name: 'Календарь' }).click();
  await app.getByLabel('Импорт .ics').setInputFiles({ name: 'phone.ics', mimeType: 'text/calendar', buffer: ics });
  await expect(app.getByText('Добавлено: 5, уже были: 0, пропущено с ошибками: 0')).toBeVisible();
  // The day view lists a day's entries without a «+N» cap.
  await app.getByTestId('calendar').getByRole('button', { name: 'День' }).click();
  for (const k of [1, 3, 5, 7, 9]) await expect(app.getByTestId('calendar').locator('.rbc-event', { hasText: `${k} ${title}` })).toBeVisible();
});
