import { test, expect } from './fixtures';

// A fast typist on a slow office PC: the title is typed and Enter pressed before the
// page has loaded the task types. The task must still be created (with the first type).
test('quick add typed before the task types have loaded still creates the task', async ({ app: page }) => {
  await page.route('**/api/taskTypes.list', async (route) => {
    await new Promise((r) => setTimeout(r, 1500));
    await route.continue();
  });
  await page.getByRole('link', { name: 'Задачи' }).click();
  const quick = page.getByLabel('Быстрое добавление задачи');
  await quick.fill('Отправить КП');
  await quick.press('Enter');
  await expect(page.getByTestId('bucket-today')).toContainText('Отправить КП');
  await expect(page.getByTestId('bucket-today')).toContainText('Звонок');
  await expect(quick).toHaveValue('');
});
