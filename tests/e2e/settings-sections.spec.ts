import { test, expect } from './fixtures';

// Settings are split into pages with a side menu; links from other screens land on
// the section they are about, and the address keeps it across a reload and Back.

test('each settings section is its own page; the deals page and the backup line link to theirs', async ({ app: page, server }) => {
  await page.getByRole('link', { name: 'Настройки' }).click();
  const menu = page.getByRole('navigation', { name: 'Разделы настроек' });
  await expect(menu.getByRole('link')).toHaveText(['Рабочая база', 'Резервные копии', 'Язык', 'Сотрудники', 'Теги', 'Поля', 'Воронки', 'Типы задач', 'Дебиторка', 'Права доступа', 'Журнал', 'О программе']);
  // The first section opens by default, and only it.
  await expect(menu.getByRole('link', { name: 'Рабочая база' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByTestId('workspace-path')).toHaveText(server.dbPath);
  await expect(page.getByTestId('pipelines-settings')).toHaveCount(0);

  await menu.getByRole('link', { name: 'Типы задач' }).click();
  await expect(page).toHaveURL(/#\/settings\/task-types$/);
  await expect(page.getByTestId('task-types')).toBeVisible();
  await expect(page.getByTestId('workspace-path')).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId('task-types')).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Разделы настроек' }).getByRole('link', { name: 'Типы задач' })).toHaveAttribute('aria-current', 'page');

  await menu.getByRole('link', { name: 'Сотрудники' }).click();
  await expect(page.getByRole('heading', { name: 'Сотрудники' })).toBeVisible();
  await page.goBack();
  await expect(page.getByTestId('task-types')).toBeVisible();

  // From the deals page straight to the pipelines.
  await page.getByRole('link', { name: 'Сделки' }).click();
  await page.getByRole('link', { name: 'Настроить воронки' }).click();
  await expect(page).toHaveURL(/#\/settings\/pipelines$/);
  await expect(page.getByTestId('pipelines-settings')).toBeVisible();
  await expect(page.getByTestId('lost-reasons-settings')).toBeVisible();

  // From the sidebar's backup line straight to the backups.
  await page.getByRole('link', { name: 'Клиенты' }).click();
  await page.getByTestId('backup-badge').click();
  await expect(page).toHaveURL(/#\/settings\/backups$/);
  await expect(page.getByRole('button', { name: 'Сделать копию сейчас' })).toBeVisible();
  await expect(menu.getByRole('link', { name: 'Резервные копии' })).toHaveAttribute('aria-current', 'page');

  // An unknown section falls back to the first one instead of an empty page.
  await page.goto(`${server.url}#/settings/nonsense`);
  await expect(page.getByTestId('workspace-path')).toBeVisible();
});
