import { test, expect } from './fixtures';
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, openSync, writeSync, closeSync, statSync, rmSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

test('back up now, restore a backup with confirmation, and undo the restore', async ({ app: page, server }) => {
  await server.api('clients.create', { kind: 'person', name: 'Иванов Иван' });
  // The sidebar's backup line leads straight to the backups page of Settings.
  await page.getByTestId('backup-badge').click();
  await expect(page).toHaveURL(/#\/settings\/backups$/);
  const section = page.locator('#backups');
  await expect(section.getByText('Копий пока нет')).toBeVisible();
  await expect(page.getByTestId('backup-badge')).toContainText('Копий нет');

  await section.getByRole('button', { name: 'Сделать копию сейчас' }).click();
  await expect(page.getByText('Копия сделана и проверена')).toBeVisible();
  const rows = page.getByTestId('backup-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('вручную');
  await expect(rows.first()).toContainText('клиентов: 1');
  await expect(page.getByTestId('backup-badge')).toContainText('Копия:');

  // Work goes on after the backup...
  await server.api('clients.create', { kind: 'person', name: 'Петров Пётр' });
  await page.reload();
  await expect(page.getByText(/^Клиентов: 2, в архиве/)).toBeVisible();

  // ...and the user goes back to the backup: asked first, told how to undo.
  // Sizes as the Russian UI writes them, number and unit kept on one line.
  const size = rows.first().locator('td').nth(2);
  await expect(size).toHaveText(/^\d+(,\d)?\u00a0(КБ|МБ)$/);
  expect(await size.evaluate((el) => getComputedStyle(el).whiteSpace)).toBe('nowrap');
  await rows.first().getByRole('button', { name: 'Восстановить' }).click();
  const confirm = page.getByTestId('confirm-dialog');
  await expect(confirm).toContainText('перед восстановлением');
  // The button says what it does, with the backup's date as the list shows it.
  const when = (await rows.first().locator('td').first().textContent())!;
  await expect(confirm.getByRole('button', { name: 'Подтвердить' })).toHaveCount(0);
  await confirm.getByRole('button', { name: `Восстановить из копии от ${when}` }).click();
  await expect(page.getByText(/База восстановлена из копии/)).toBeVisible();
  await expect(page.getByText(/^Клиентов: 1, в архиве/)).toBeVisible();
  // The state before the restore is now a backup of its own.
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText('перед восстановлением');
  await expect(rows.first()).toContainText('клиентов: 2');

  await page.getByRole('button', { name: 'Отменить восстановление' }).click();
  await expect(page.getByText('Восстановление отменено')).toBeVisible();
  await expect(page.getByText(/^Клиентов: 2, в архиве/)).toBeVisible();
  await page.getByRole('link', { name: /Клиенты/ }).click();
  await expect(page.getByText('Петров Пётр')).toBeVisible();
});

test('restore into a new workspace leaves the current one untouched', async ({ app: page, server }) => {
  await server.api('clients.create', { kind: 'person', name: 'Сидоров' });
  await page.getByRole('link', { name: /Настройки/ }).click();
  await page.getByRole('navigation', { name: 'Разделы настроек' }).getByRole('link', { name: 'Резервные копии' }).click();
  await page.getByRole('button', { name: 'Сделать копию сейчас' }).click();
  await expect(page.getByTestId('backup-row')).toHaveCount(1);
  await page.getByRole('button', { name: 'В новую базу…' }).click();
  const target = join(server.dbPath, '..', 'copy.kdb');
  await page.getByLabel('Полный путь к новому файлу базы (.kdb)').fill('copy.kdb');
  await page.getByRole('button', { name: 'Создать', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('Укажите полный путь');
  await page.getByLabel('Полный путь к новому файлу базы (.kdb)').fill(target);
  await page.getByRole('button', { name: 'Создать', exact: true }).click();
  await expect(page.getByTestId('workspace-path')).toHaveText(target);
  await expect(page.getByText(/^Клиентов: 1, в архиве/)).toBeVisible();
});

test('schedule and second folder are saved; an unavailable second folder is reported after a backup', async ({ app: page, server }) => {
  await page.getByRole('link', { name: /Настройки/ }).click();
  await page.getByRole('navigation', { name: 'Разделы настроек' }).getByRole('link', { name: 'Резервные копии' }).click();
  const section = page.locator('#backups');
  await section.getByLabel('Автоматически').selectOption({ label: 'каждые 4 часа' });
  await section.getByLabel('Вторая папка для копий').fill('relative/folder');
  await section.getByRole('button', { name: 'Сохранить настройки' }).click();
  await expect(section.getByText('Укажите полный путь к папке')).toBeVisible();
  // A folder below a file: like a USB stick that is not plugged in, it cannot be written.
  await section.getByLabel('Вторая папка для копий').fill(join(server.dbPath, 'usb'));
  await section.getByRole('button', { name: 'Сохранить настройки' }).click();
  await expect(page.getByText('Настройки копий сохранены')).toBeVisible();
  await page.reload();
  await expect(section.getByLabel('Автоматически')).toHaveValue('240');
  await section.getByRole('button', { name: 'Сделать копию сейчас' }).click();
  await expect(section.getByText(/Вторая папка недоступна/)).toBeVisible();
  await expect(page.getByTestId('backup-row')).toHaveCount(1);
  await expect(page.getByTestId('backup-badge')).toContainText('⚠');
});

test('a damaged workspace is not opened; the newest good backup is offered and restored', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'kartoteka-e2e-damaged-'));
  const db = join(dir, 'office.kdb');
  const cli = (...args: string[]) => execFileSync(process.execPath, ['--import', 'tsx', 'src-main/cli/main.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
  cli('seed', '--db', db, '--clients', '300', '--seed', '5');
  cli('backup', '--db', db);
  // A failing disk: 64 KB of junk in the middle of the file.
  const junk = Buffer.alloc(64 * 1024, 0xa5);
  const fd = openSync(db, 'r+');
  writeSync(fd, junk, 0, junk.length, Math.floor(statSync(db).size / 2 / 4096) * 4096);
  closeSync(fd);

  const child = spawn(process.execPath, ['--import', 'tsx', 'src-main/cli/main.ts', 'serve', '--db', db, '--port', '0'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const url = await new Promise<string>((ok, fail) => {
      child.stdout!.on('data', (d) => {
        const m = /(?:open at|открыта:) (http:\/\/\S+)/.exec(String(d));
        if (m) ok(m[1]!);
      });
      child.on('exit', (code) => fail(new Error(`serve exited with ${code}`)));
    });
    await page.goto(url);
    const offer = page.getByTestId('recovery');
    await expect(offer.getByRole('heading', { name: 'Файл базы повреждён' })).toBeVisible();
    await expect(offer).toContainText('В него ничего не записано');
    await expect(offer).toContainText('клиентов: 300');
    await offer.getByRole('button', { name: 'Восстановить из этой копии' }).click();
    await page.getByTestId('confirm-dialog').getByRole('button', { name: /^Восстановить из копии от / }).click();
    await expect(page.getByText(/Повреждённый файл сохранён как/)).toBeVisible();
    await page.getByRole('link', { name: 'Клиенты' }).click();
    await expect(page.getByTestId('clients-total')).toHaveText('Всего: 300');
    await expect(page.getByText(/Повреждённый файл сохранён как/)).toBeVisible();
    expect(readdirSync(dir).some((f) => /^office\.damaged-.*\.kdb$/.test(f))).toBe(true);
  } finally {
    const exited = new Promise((ok) => child.once('exit', ok));
    child.kill('SIGTERM');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a restore of a large workspace shows its steps and progress until it is done', async ({ page }) => {
  test.setTimeout(240_000); // seeding the workspace takes most of it
  const dir = mkdtempSync(join(tmpdir(), 'kartoteka-e2e-restore-'));
  const db = join(dir, 'office.kdb');
  const cli = (...args: string[]) => execFileSync(process.execPath, ['--import', 'tsx', 'src-main/cli/main.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
  // Large enough that checking the backup and saving the current state take seconds.
  cli('seed', '--db', db, '--clients', '5000', '--seed', '7');
  cli('backup', '--db', db);
  const child = spawn(process.execPath, ['--import', 'tsx', 'src-main/cli/main.ts', 'serve', '--db', db, '--port', '0'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const url = await new Promise<string>((ok, fail) => {
      child.stdout!.on('data', (d) => {
        const m = /(?:open at|открыта:) (http:\/\/\S+)/.exec(String(d));
        if (m) ok(m[1]!);
      });
      child.on('exit', (code) => fail(new Error(`serve exited with ${code}`)));
    });
    await page.goto(`${url}#/settings/backups`);
    const rows = page.getByTestId('backup-row');
    await expect(rows).toHaveCount(1);
    await expect(rows.first().locator('td').nth(2)).toHaveText(/^\d+(,\d)?\u00a0МБ$/);
    await rows.first().getByRole('button', { name: 'Восстановить' }).click();
    await page.getByTestId('confirm-dialog').getByRole('button', { name: /^Восстановить из копии от / }).click();
    const progress = page.getByTestId('restore-progress');
    await expect(progress).toBeVisible();
    await expect(progress.getByRole('status')).toHaveText(/^Восстановление, шаг [123] из 3: /);
    await expect(page.getByTestId('backup-badge')).toContainText('Идёт восстановление');
    await expect(page.getByText(/База восстановлена из копии/)).toBeVisible({ timeout: 60_000 });
    await expect(progress).toBeHidden();
    await expect(rows).toHaveCount(2);
  } finally {
    const exited = new Promise((ok) => child.once('exit', ok));
    child.kill('SIGTERM');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  }
});
