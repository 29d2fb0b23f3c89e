import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import { makeTempDir, removeDir } from '../helpers/workspace';
import { cli, expectOneLineError, type CliRun as Run } from '../helpers/cli';

// The CLI door, run the way `npm run cli` runs it: tsx on src-main/cli/main.ts in a
// child process. tsx's own entry point is started with this Node, so the test does
// not depend on PATH or on npx resolving the package.

let dir: string;
let db: string;
let seeded: Run;
beforeAll(async () => {
  dir = makeTempDir('cli');
  db = join(dir, 'cli.kdb');
  seeded = await cli('seed', '--db', db, '--clients', '50', '--seed', '3');
});
afterAll(() => removeDir(dir));

describe('cli', () => {
  it('a mistyped --db is an error for lookup and stats, not a new empty workspace', async () => {
    const typo = join(dir, 'typo.kdb');
    expectOneLineError(await cli('lookup', '+7 495 123-45-67', '--db', typo), /no workspace at .*typo\.kdb/);
    expectOneLineError(await cli('stats', '--db', typo, '--json'), /no workspace at/);
    expect(existsSync(typo)).toBe(false);
  });

  it('seed creates the workspace and adds the clients', () => {
    expect(seeded.code, seeded.stderr).toBe(0);
    expect(seeded.stdout).toMatch(/^added 50 clients, 25 deals and 0 tasks in [\d.]+ s; the workspace holds 50 clients, 25 deals, 0 tasks$/m);
  });

  it('stats --json reports the seeded counts', async () => {
    const r = await cli('stats', '--db', db, '--json');
    expect(r.code, r.stderr).toBe(0);
    const stats = JSON.parse(r.stdout) as Record<string, number>;
    expect(stats.clients).toBe(50);
    expect(stats.phones).toBeGreaterThanOrEqual(50);
  });

  it('lookup finds a seeded client by its phone typed in another format', async () => {
    const sqlite = new Database(db, { readonly: true });
    const row = sqlite
      .prepare(
        `SELECT c.id, c.name, p.digits FROM phones p JOIN clients c ON c.id = p.client_id
         WHERE p.contact_id IS NULL AND p.digits LIKE '7%' AND length(p.digits) = 11 ORDER BY c.seq LIMIT 1`,
      )
      .get() as { id: string; name: string; digits: string };
    sqlite.close();
    const d = row.digits;
    const typed = `8 (${d.slice(1, 4)}) ${d.slice(4, 7)}-${d.slice(7, 9)}-${d.slice(9)}`;
    const r = await cli('lookup', typed, '--db', db, '--json');
    expect(r.code, r.stderr).toBe(0);
    const hits = JSON.parse(r.stdout) as { clientId: string; clientName: string; contact: unknown }[];
    expect(hits).toContainEqual(expect.objectContaining({ clientId: row.id, clientName: row.name, contact: null }));
  });

  it.concurrent('lookup of an unknown number says so and exits with 3', async () => {
    const r = await cli('lookup', '+7 999 000-00-00', '--db', db);
    expect(r.code).toBe(3);
    expect(r.stdout.trim()).toBe('no match');
  });

  it.concurrent('an unknown command is a one-line error without a stack trace', async () => {
    const r = await cli('frobnicate', '--db', db);
    const lines = expectOneLineError(r, /unknown command "frobnicate"/);
    expect(r.code).toBe(2);
    // Only the usage text may follow the error line.
    expect(lines.slice(1).every((l) => /^(Usage:|\s{2}\w)/.test(l))).toBe(true);
  });

  it.concurrent('a missing --db is a one-line error', async () => {
    const r = await cli('stats');
    expect(expectOneLineError(r, /--db FILE is required/)).toHaveLength(1);
    expect(r.code).toBe(2);
  });

  it.concurrent('a damaged workspace is a one-line error naming the file', async () => {
    const broken = join(dir, 'broken.kdb');
    writeFileSync(broken, randomBytes(20_000));
    const r = await cli('stats', '--db', broken);
    expect(expectOneLineError(r, /damaged/)).toHaveLength(1);
    expect(r.stderr).toContain(broken);
  });

  it.concurrent('an unknown option is a one-line error', async () => {
    const r = await cli('stats', '--db', db, '--frob');
    expect(expectOneLineError(r, /--frob/)).toHaveLength(1);
  });
});
