import { test, expect } from './fixtures';
import { Session } from '../../src-main/core/workspace/session';
import { invoke, INTERNAL_CALLER } from '../../src-main/core/procedures';

// The lists that are not virtual stay bounded at thousands of rows: a task bucket
// shows 50 and «Показать ещё», the import check shows the first 100 problems of
// thousands with the count of the rest. Calls are counted at the HTTP door.

const MSK = 'Europe/Moscow';

test.describe('task buckets', () => {
  test.describe.configure({ timeout: 120_000 });
  test.use({
    prepare: {
      run: (path) => {
        const s = new Session();
        s.open(path);
        invoke(s, 'workspace.initialize', { demo: false, timeZone: MSK }, INTERNAL_CALLER);
        const yesterday = new Date(Date.now() - 86_400_000).toISOString();
        s.workspace.sqlite.transaction(() => {
          for (let i = 0; i < 3000; i++) {
            invoke(s, 'tasks.create', { fields: { title: `Просрочено ${i}`, typeId: 'tasktype-call', allDay: false, startsAt: yesterday }, timeZone: MSK }, INTERNAL_CALLER);
          }
        })();
        s.close();
      },
    },
  });

  test('3,000 overdue tasks: one call per open bucket, 50 rows, more on demand', async ({ app: page }) => {
    const calls: string[] = [];
    page.on('request', (r) => r.url().endsWith('/api/tasks.list') && calls.push(JSON.parse(r.postData()!).bucket));
    await page.getByRole('link', { name: 'Задачи' }).click();
    const overdue = page.getByTestId('bucket-overdue');
    await expect(overdue.getByTestId('task-item')).toHaveCount(50);
    await expect(overdue.getByRole('button', { name: 'Показать ещё (2950)' })).toBeVisible();
    expect(calls.filter((b) => b === 'overdue')).toHaveLength(1);
    expect(new Set(calls).size).toBe(calls.length);
    await overdue.getByRole('button', { name: 'Показать ещё (2950)' }).click();
    await expect(overdue.getByTestId('task-item')).toHaveCount(100);
    expect(calls.filter((b) => b === 'overdue')).toHaveLength(2);
  });
});

test('import check of 3,000 rows with a wrong ИНН: the first 100 problems and the count of the rest', async ({ app: page }) => {
  const rows = ['Наименование;ИНН'];
  for (let i = 0; i < 3000; i++) rows.push(`ООО «Ошибка ${i}»;7707083890`);
  await page.getByRole('link', { name: 'Обмен данными' }).click();
  const wizard = page.getByRole('region', { name: 'Загрузка из файла' });
  const chooser = page.waitForEvent('filechooser');
  await wizard.getByRole('button', { name: 'Выбрать файл…' }).click();
  await (await chooser).setFiles({ name: 'bad-inn.csv', mimeType: 'text/csv', buffer: Buffer.from(rows.join('\r\n'), 'utf8') });
  await wizard.getByRole('button', { name: 'Далее' }).click();
  await wizard.getByRole('button', { name: 'Далее' }).click();
  const errors = wizard.getByRole('region', { name: 'Ошибки' });
  await expect(errors.getByRole('heading')).toHaveText('Ошибки: 3000');
  await expect(errors.getByRole('listitem')).toHaveCount(100);
  await expect(errors).toContainText('и ещё 2900');
});
