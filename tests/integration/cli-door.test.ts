import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, removeDir } from '../helpers/workspace';
import { Session } from '../../src-main/core/workspace/session';
import { invoke, INTERNAL_CALLER } from '../../src-main/core/procedures';
import { cli, cliIn, expectOneLineError, ROOT } from '../helpers/cli';

// The CLI as a door: init, the language it speaks, and refusing to serve without a UI.
const FIX = join(ROOT, 'tests', 'fixtures', 'exchange');

let dir: string;
beforeAll(() => {
  dir = makeTempDir('cli-door');
});
afterAll(() => removeDir(dir));

/** Latin words of three letters or more outside quoted values: a Russian message has none but names like CSV. */
const englishWords = (text: string) => (text.replace(/«[^»]*»/g, '').match(/\b[a-z]{3,}\b/gi) ?? []).filter((w) => !/^(csv|xlsx|json|init|npm|run|cli|db|kdb|tmp|kartoteka)$/i.test(w));

describe('cli init', () => {
  it('creates an empty workspace with one administrator and no demo data, and refuses an existing file', async () => {
    const db = join(dir, 'empty.kdb');
    const r = await cli('init', '--db', db, '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ path: db, owner: 'Администратор' });
    const stats = JSON.parse((await cli('stats', '--db', db, '--json')).stdout) as Record<string, number>;
    expect(stats).toMatchObject({ clients: 0, deals: 0, tasks: 0 });
    const s = new Session({ skipIntegrityCheck: true });
    s.open(db);
    try {
      expect((invoke(s, 'users.list', {}, INTERNAL_CALLER) as unknown[]).length).toBe(1);
      expect((invoke(s, 'workspace.info', {}, INTERNAL_CALLER) as { onboarded: boolean }).onboarded).toBe(true);
    } finally {
      s.close();
    }
    const before = readFileSync(db);
    const again = await cli('init', '--db', db);
    expect(again.code).toBe(2);
    expectOneLineError(again, /already exists/);
    expect(readFileSync(db).equals(before)).toBe(true);
  });

  it('an import into a missing file says to run init, and creates nothing', async () => {
    const db = join(dir, 'missing.kdb');
    const r = await cli('import', join(FIX, '1c-clients.xlsx'), '--db', db);
    expectOneLineError(r, /no workspace at .*missing\.kdb.*npm run cli -- init --db/);
    expect(existsSync(db)).toBe(false);
  });
});

describe('the language of the CLI', () => {
  let db: string;
  beforeAll(async () => {
    db = join(dir, 'lang.kdb');
    expect((await cli('init', '--db', db)).code).toBe(0);
  });

  it('is Russian by default: messages, row errors and failures carry no English', async () => {
    const miss = await cliIn({}, 'lookup', '+7 999 000-00-00', '--db', db);
    expect([miss.code, miss.stdout.trim()]).toEqual([3, 'не найдено']);
    const dry = await cliIn({}, 'import', join(FIX, '1c-clients.xlsx'), '--db', db, '--dry-run');
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toMatch(/^строка 10: ошибка: ИНН: ИНН с ошибкой: не сходится контрольное число$/m);
    expect(dry.stdout).toMatch(/^пробный запуск, ничего не записано: было бы создано 5/m);
    expect(englishWords(dry.stdout)).toEqual([]);
    const json = JSON.parse((await cliIn({}, 'import', join(FIX, '1c-clients.xlsx'), '--db', db, '--dry-run', '--json')).stdout) as {
      errors: { message: string }[];
    };
    expect(json.errors[0]!.message).toBe('ИНН: ИНН с ошибкой: не сходится контрольное число');
    const broken = await cliIn({}, 'import', join(FIX, 'broken-truncated.xlsx'), '--db', db);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/^ошибка: Не удаётся прочитать книгу Excel/);
    const usage = await cliIn({}, 'stats');
    expect([usage.code, usage.stderr.trim()]).toEqual([2, 'ошибка: нужен параметр --db ФАЙЛ']);
    const option = await cliIn({}, 'stats', '--frob');
    expect([option.code, option.stderr.trim()]).toEqual([2, 'ошибка: неизвестный параметр --frob']);
  });

  it('follows the language chosen for the workspace, and --lang overrides it', async () => {
    const s = new Session({ skipIntegrityCheck: true });
    s.open(db);
    invoke(s, 'workspace.setLanguage', { language: 'en' }, INTERNAL_CALLER);
    s.close();
    expect((await cliIn({}, 'lookup', '+7 999 000-00-00', '--db', db)).stdout.trim()).toBe('no match');
    expect((await cliIn({}, 'lookup', '+7 999 000-00-00', '--db', db, '--lang', 'ru')).stdout.trim()).toBe('не найдено');
    const bad = await cliIn({}, 'stats', '--db', db, '--lang', 'de');
    expect([bad.code, bad.stderr.trim()]).toEqual([2, 'ошибка: --lang: ru или en']);
  });
});

describe('cli serve', () => {
  it('without a built UI says so in one line before listening', async () => {
    const db = join(dir, 'serve.kdb');
    expect((await cli('init', '--db', db)).code).toBe(0);
    const r = await cliIn({ KARTOTEKA_LANG: 'en', KARTOTEKA_RENDERER_DIR: join(dir, 'no-ui') }, 'serve', '--db', db, '--port', '0');
    expect(r.code).toBe(2);
    expectOneLineError(r, /the UI is not built.*npm run build:renderer/);
    expect(r.stdout).not.toMatch(/is open at/);
  });
});
