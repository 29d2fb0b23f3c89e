import { afterAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { coreEnvironment, dataDirFlag, desktopPaths } from '../../../src-main/electron/desktop-paths';
import { addonProblem, sha256File } from '../../../src-main/electron/addon-pin';
import { makeTempDir, removeDir } from '../../helpers/workspace';

const DEV_VARS = {
  KARTOTEKA_DATA_DIR: '/tmp/other-data',
  KARTOTEKA_SQLITE_BINDING: '/tmp/evil.node',
  KARTOTEKA_MIGRATIONS: '/tmp/evil-sql',
};
const start = (packaged: boolean, env: Record<string, string> = {}, argv: string[] = []) => ({
  packaged,
  env,
  argv: ['/opt/Kartoteka/kartoteka', ...argv],
  appRoot: packaged ? '/opt/Kartoteka/resources/app.asar' : '/home/dev/kartoteka',
  resourcesPath: '/opt/Kartoteka/resources',
  cwd: '/home/anna',
});

describe('an installed app ignores developer variables', () => {
  it('takes the addon and the migrations only from its own resources', () => {
    expect(desktopPaths(start(true, DEV_VARS))).toEqual({
      dataDir: null,
      migrations: '/opt/Kartoteka/resources/migrations',
      sqliteBinding: '/opt/Kartoteka/resources/native/better_sqlite3.node',
    });
  });

  it('moves its data folder only by the documented --data-dir flag', () => {
    expect(desktopPaths(start(true, DEV_VARS, ['--data-dir=D:\\Kartoteka'])).dataDir).toMatch(/D:\\Kartoteka$/);
    expect(desktopPaths(start(true, {}, ['--data-dir=/mnt/usb/Kartoteka'])).dataDir).toBe('/mnt/usb/Kartoteka');
    expect(desktopPaths(start(true, {}, ['--data-dir=Kartoteka-data'])).dataDir).toBe('/home/anna/Kartoteka-data');
    expect(desktopPaths(start(true, {}, ['--data-dir='])).dataDir).toBeNull();
  });

  it('passes the core no inherited KARTOTEKA_* variable, only its own', () => {
    const env = coreEnvironment(
      true,
      { PATH: '/usr/bin', KARTOTEKA_SQLITE_BINDING: '/tmp/evil.node', KARTOTEKA_LANG: 'en', HOME: undefined },
      { KARTOTEKA_MIGRATIONS: '/opt/m' },
    );
    expect(env).toEqual({ PATH: '/usr/bin', KARTOTEKA_MIGRATIONS: '/opt/m' });
  });
});

describe('a checkout honours them (tests, debugging)', () => {
  it('uses the variables, else the repo folders', () => {
    expect(desktopPaths(start(false, DEV_VARS))).toEqual({ dataDir: '/tmp/other-data', migrations: '/tmp/evil-sql', sqliteBinding: '/tmp/evil.node' });
    expect(desktopPaths(start(false))).toEqual({
      dataDir: null,
      migrations: '/home/dev/kartoteka/migrations',
      sqliteBinding: '/home/dev/kartoteka/native/electron/better_sqlite3.node',
    });
    expect(desktopPaths(start(false, DEV_VARS, ['--data-dir=/flag'])).dataDir).toBe('/flag');
    expect(coreEnvironment(false, { KARTOTEKA_LANG: 'en' }, {})).toEqual({ KARTOTEKA_LANG: 'en' });
  });

  it('reads the last --data-dir given', () => {
    expect(dataDirFlag(['x', '--data-dir=/a', '--data-dir=/b'], '/')).toBe('/b');
    expect(dataDirFlag(['x', '--data-dir', '/a'], '/')).toBeNull();
  });
});

describe('the pinned SQLite addon', () => {
  const dir = makeTempDir('addon-pin');
  afterAll(() => removeDir(dir));

  it('loads only the addon whose SHA-256 the build pinned', () => {
    const addon = join(dir, 'better_sqlite3.node');
    writeFileSync(addon, 'shipped addon');
    const pinned = sha256File(addon);
    expect(pinned).toMatch(/^[0-9a-f]{64}$/);
    expect(addonProblem(addon, pinned)).toBeNull();
    writeFileSync(addon, 'replaced addon');
    expect(addonProblem(addon, pinned)).toMatch(/not the one this version was shipped with/);
    expect(addonProblem(join(dir, 'missing.node'), pinned)).toMatch(/cannot be read/);
    expect(addonProblem(addon, '')).toMatch(/carries no checksum/);
  });
});
