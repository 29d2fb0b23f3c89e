import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { userInfo } from 'node:os';
import Database from 'better-sqlite3';
import { Session } from '../../src-main/core/workspace/session';
import { invoke, type Caller } from '../../src-main/core/procedures';
import { makeTempDir, removeDir } from '../helpers/workspace';
import { cli, expectOneLineError } from '../helpers/cli';

// `audit` on the command line: newest first, --user by name (or login), --from/--to as
// days, `--json` exactly { rows: [{ at, user, action, target, details }] }; and the
// CLI's own writes are recorded as the OS user's.

let dir: string;
let db: string;
beforeAll(async () => {
  dir = makeTempDir('audit-cli');
  db = join(dir, 'audit.kdb');
  const init = await cli('init', '--db', db);
  expect(init.code, init.stderr).toBe(0);
  let clock = new Date('2026-03-01T10:00:00.000Z');
  const s = new Session({ clock: () => clock, skipIntegrityCheck: true });
  s.open(db);
  const local: Caller = { door: 'internal', local: true };
  const olga = (invoke(s, 'users.create', { name: 'Ольга Смирнова', email: null, color: '#336699', role: 'admin' }, local) as { id: string }).id;
  clock = new Date('2026-03-02T10:00:00.000Z');
  const client = (invoke(s, 'clients.create', { kind: 'organization', name: 'ООО «Ромашка»' }, local) as { id: string }).id;
  clock = new Date('2026-03-03T10:00:00.000Z');
  invoke(s, 'clients.update', { id: client, patch: { region: 'Казань' } }, { door: 'http', local: false, address: '192.168.1.20', userId: olga } as Caller);
  s.close();
}, 120_000);
afterAll(() => removeDir(dir));

describe('cli audit', () => {
  it('--json prints exactly rows of at, user, action, target, details, newest first', async () => {
    const r = await cli('audit', '--db', db, '--json');
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { rows: Record<string, unknown>[] };
    expect(Object.keys(out)).toEqual(['rows']);
    for (const row of out.rows) expect(Object.keys(row)).toEqual(['at', 'user', 'action', 'target', 'details']);
    const ats = out.rows.map((x) => x.at as string);
    expect([...ats].sort().reverse()).toEqual(ats);
    // `init` ran just now; the rest on the session's clock in March.
    expect(out.rows.map((x) => x.action)).toEqual(['workspace.initialize', 'clients.update', 'clients.create', 'users.create']);
    expect(out.rows[1]).toMatchObject({
      at: '2026-03-03T10:00:00.000Z',
      user: 'Ольга Смирнова',
      action: 'clients.update',
      target: { type: 'client', count: 1, name: 'ООО «Ромашка»' },
      details: { changes: { region: [null, 'Казань'] } },
    });
    // `init` ran through the CLI door: the OS account is recorded.
    const db3 = new Database(db, { readonly: true });
    const initEntry = db3.prepare(`SELECT door, os_user FROM audit_log WHERE action = 'workspace.initialize'`).get();
    db3.close();
    expect(initEntry).toEqual({ door: 'cli', os_user: userInfo().username });
  });

  it('--user by name, --from/--to as days (both included)', async () => {
    const olga = JSON.parse((await cli('audit', '--db', db, '--user', 'ольга смирнова', '--json')).stdout) as { rows: { action: string }[] };
    expect(olga.rows.map((x) => x.action)).toEqual(['clients.update']);
    const day = JSON.parse((await cli('audit', '--db', db, '--from', '2026-03-02', '--to', '2026-03-02', '--tz', 'UTC', '--json')).stdout) as {
      rows: { action: string }[];
    };
    expect(day.rows.map((x) => x.action)).toEqual(['clients.create']);
    const text = await cli('audit', '--db', db, '--from', '2026-03-03', '--tz', 'UTC');
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain('Ольга Смирнова');
    expect(text.stdout).toContain('network: 192.168.1.20');
    expect(text.stdout).toContain('Client changed');
    expect(text.stdout).toContain('Region: — → Казань');
  });

  it('an unknown user is a one-line error', async () => {
    expectOneLineError(await cli('audit', '--db', db, '--user', 'Никто'), /no user “Никто”/);
  });
});
