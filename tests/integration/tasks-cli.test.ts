import { afterAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { makeTempDir, removeDir } from '../helpers/workspace';
import { cli } from '../helpers/cli';

const dir = makeTempDir('tasks-cli');
const db = join(dir, 'w.kdb');
afterAll(() => removeDir(dir));

describe('cli seed --tasks and stats', () => {
  it('adds demo tasks to the clients and counts them', async () => {
    const seeded = await cli('seed', '--db', db, '--clients', '30', '--tasks', '500', '--seed', '7');
    expect(seeded.code, seeded.stderr).toBe(0);
    expect(seeded.stdout).toMatch(/^added 30 clients, 15 deals and 500 tasks in [\d.]+ s; the workspace holds 30 clients, 15 deals, 500 tasks$/m);
    const more = await cli('seed', '--db', db, '--tasks', '100', '--json');
    expect(JSON.parse(more.stdout)).toMatchObject({ added: 0, addedTasks: 100, tasks: 600 });
    const stats = await cli('stats', '--db', db, '--json');
    expect(JSON.parse(stats.stdout).tasks).toBe(600);
    const bad = await cli('seed', '--db', db, '--tasks', 'many');
    expect([bad.code, bad.stderr.trim()]).toEqual([2, 'error: --tasks must be a whole number, got "many"']);
  });
});
