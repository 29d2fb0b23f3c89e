import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { test, expect } from './fixtures';

// The renderer as the desktop app runs it, in Chromium without Electron: a stand-in
// for the preload's window.kartoteka forwards calls to the browser-mode server and
// plays the main process's native dialogs. Like the real desktop door it turns the
// tokens its dialogs gave out back into paths, and records what the page sent, so a
// page that sent a path instead of a token is caught.

const ROOT = resolve(import.meta.dirname, '../..');
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

type Sent = { name: string; input: Record<string, unknown> };

const installDesktopBridge = () => {
  const tokens: Record<string, string> = {};
  const sent: Sent[] = [];
  const w = window as unknown as { __sent: Sent[]; __choices: Record<string, string>; kartoteka: unknown };
  w.__sent = sent;
  w.__choices = {};
  const choose = (kind: string) => async () => {
    const path = w.__choices[kind];
    if (!path) return null;
    const token = `chosen:${Math.random().toString(16).slice(2)}`;
    tokens[token] = path;
    return { token, path };
  };
  w.kartoteka = {
    async invoke(name: string, input: Record<string, unknown> = {}) {
      sent.push({ name, input });
      const resolved: Record<string, unknown> = { ...input };
      for (const key of ['path', 'folder', 'secondDir']) {
        const value = resolved[key];
        if (typeof value === 'string' && tokens[value]) resolved[key] = tokens[value];
      }
      const res = await fetch(`./api/${name}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(resolved) });
      return res.json();
    },
    dialogs: { openWorkspace: choose('openWorkspace'), createWorkspace: choose('createWorkspace'), backupFolder: choose('backupFolder') },
    setLanguage() {},
    notify() {},
  };
};

const sentTo = (page: import('@playwright/test').Page, name: string) =>
  page.evaluate((n) => (window as unknown as { __sent: Sent[] }).__sent.filter((s) => s.name === n).map((s) => s.input), name);
const choose = (page: import('@playwright/test').Page, kind: string, path: string) =>
  page.evaluate(([k, p]) => ((window as unknown as { __choices: Record<string, string> }).__choices[k!] = p!), [kind, path]);

test('in the desktop app the second backup folder comes from the folder dialog, sent as its token', async ({ page, server }) => {
  await server.api('workspace.initialize', { demo: false });
  await page.addInitScript(installDesktopBridge);
  await page.goto(`${server.url}#/settings/backups`);
  const section = page.locator('#backups');
  const usb = join(dirname(server.dbPath), 'usb');
  // No typing: the field is read-only and filled by the dialog.
  await expect(section.getByTestId('second-dir')).toHaveAttribute('readonly', '');
  await choose(page, 'backupFolder', usb);
  await section.getByRole('button', { name: 'Выбрать папку…' }).click();
  await expect(section.getByTestId('second-dir')).toHaveValue(usb);
  await section.getByRole('button', { name: 'Сохранить настройки' }).click();
  await expect(page.getByText('Настройки копий сохранены')).toBeVisible();
  expect((await server.api<{ settings: { secondDir: string } }>('backup.status')).settings.secondDir).toBe(usb);
  const [first] = await sentTo(page, 'backup.saveSettings');
  expect(first!.secondDir).toMatch(/^chosen:/);

  // Saving another change sends the saved folder back as it is (the core accepts only that value untokened).
  await section.getByLabel('Автоматически').selectOption({ label: 'каждые 4 часа' });
  await section.getByRole('button', { name: 'Сохранить настройки' }).click();
  await expect.poll(async () => (await sentTo(page, 'backup.saveSettings')).length).toBe(2);
  expect((await sentTo(page, 'backup.saveSettings'))[1]!.secondDir).toBe(usb);

  await section.getByRole('button', { name: 'Не копировать' }).click();
  await expect(section.getByTestId('second-dir')).toHaveValue('');
  await section.getByRole('button', { name: 'Сохранить настройки' }).click();
  await expect.poll(async () => (await server.api<{ settings: { secondDir: string | null } }>('backup.status')).settings.secondDir).toBeNull();
});

test('in the desktop app new workspaces and restores into a new file take the dialog token', async ({ page, server }) => {
  await server.api('workspace.initialize', { demo: false });
  await server.api('clients.create', { kind: 'person', name: 'Сидоров' });
  await page.addInitScript(installDesktopBridge);
  await page.goto(`${server.url}#/settings/backups`);

  const copy = join(dirname(server.dbPath), 'copy.kdb');
  await page.getByRole('button', { name: 'Сделать копию сейчас' }).click();
  await expect(page.getByTestId('backup-row')).toHaveCount(1);
  await choose(page, 'createWorkspace', copy);
  await page.getByRole('button', { name: 'В новую базу…' }).click();
  await expect(page.getByTestId('workspace-path')).toHaveText(copy);
  await expect(page.getByText(/^Клиентов: 1, в архиве/)).toBeVisible();
  expect((await sentTo(page, 'backup.restoreIntoNew'))[0]!.path).toMatch(/^chosen:/);

  await page.getByRole('navigation', { name: 'Разделы настроек' }).getByRole('link', { name: 'Рабочая база' }).click();
  await choose(page, 'openWorkspace', server.dbPath);
  await page.getByRole('button', { name: 'Открыть другую базу' }).click();
  await expect(page.getByTestId('workspace-path')).toHaveText(server.dbPath);
  const fresh = join(dirname(server.dbPath), 'fresh.kdb');
  await choose(page, 'createWorkspace', fresh);
  await page.getByRole('button', { name: 'Создать новую базу' }).click();
  await expect(page.getByRole('heading', { name: 'Добро пожаловать в Картотеку' })).toBeVisible();
  expect((await server.api<{ path: string }>('workspace.info')).path).toBe(fresh);
  const switches = [...(await sentTo(page, 'workspace.create')), ...(await sentTo(page, 'workspace.open'))];
  expect(switches.map((s) => s.path)).toEqual([expect.stringMatching(/^chosen:/), expect.stringMatching(/^chosen:/)]);
});

test('Settings show the version and build date; past six months both doors say an update is due', async ({ app: page }) => {
  await expect(page.getByTestId('update-notice')).toHaveCount(0);
  await page.getByRole('link', { name: /Настройки/ }).click();
  await page.getByRole('link', { name: 'О программе' }).click();
  await expect(page.getByTestId('app-version')).toHaveText(new RegExp(`^Версия ${VERSION.replace(/\./g, '\\.')}, сборка от \\d{2}\\.\\d{2}\\.\\d{4}$`));
  await expect(page.locator('#about').getByRole('alert')).toHaveCount(0);
  await expect(page.locator('#about')).toContainText('получите новый установщик');

  // Seven months on, by this computer's clock.
  await page.clock.setFixedTime(new Date(Date.now() + 214 * 24 * 3600 * 1000));
  await page.reload();
  await page.getByTestId('update-notice').click();
  await expect(page.locator('#about').getByRole('alert')).toContainText('Этой версии больше полугода');
  await expect(page.getByTestId('update-notice')).toHaveText(/Пора обновить программу/);
});
