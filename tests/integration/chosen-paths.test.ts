import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ChosenPaths, invoke, type Caller } from '../../src-main/core/procedures';
import { catchAppError, openTestWorkspace, type TestWorkspace } from '../helpers/workspace';

// The desktop window never names a path: the main process shows the native dialog,
// registers the choice with the core and gives the page a token. A raw path from the
// Electron door is refused by invoke, whatever the procedure; other doors are as before.

let t: TestWorkspace;
afterEach(() => t?.dispose());

function desktop() {
  const chosen = new ChosenPaths();
  const caller: Caller = { door: 'electron', local: true, chosenPaths: chosen };
  return { chosen, caller };
}

describe('the desktop window passes paths only as tokens of its own dialogs', () => {
  it('creates and opens workspaces by token, never by a raw path', () => {
    t = openTestWorkspace();
    const { chosen, caller } = desktop();
    const target = join(t.dir, 'office.kdb');

    const raw = catchAppError(() => invoke(t.session, 'workspace.create', { path: target }, caller));
    expect(raw.code).toBe('path.not_chosen');
    expect(raw.params).toMatchObject({ procedure: 'workspace.create', field: 'path' });
    expect(existsSync(target)).toBe(false);
    expect(t.session.workspace.path).toBe(t.path);

    const info = invoke(t.session, 'workspace.create', { path: chosen.grant('workspace.create', target) }, caller) as { path: string };
    expect(info.path).toBe(target);
    expect(t.session.workspace.path).toBe(target);

    // A token chosen in the "create" dialog does not open files; the "open" one does.
    const createToken = chosen.grant('workspace.create', t.path);
    expect(catchAppError(() => invoke(t.session, 'workspace.open', { path: createToken }, caller)).code).toBe('path.not_chosen');
    expect(catchAppError(() => invoke(t.session, 'workspace.open', { path: t.path }, caller)).code).toBe('path.not_chosen');
    invoke(t.session, 'workspace.open', { path: chosen.grant('workspace.open', t.path) }, caller);
    expect(t.session.workspace.path).toBe(t.path);
  });

  it('still validates the chosen path like a typed one', () => {
    t = openTestWorkspace();
    const { chosen, caller } = desktop();
    const e = catchAppError(() => invoke(t.session, 'workspace.create', { path: chosen.grant('workspace.create', join(t.dir, 'notes.txt')) }, caller));
    expect(e.code).toBe('validation');
    expect(() => chosen.grant('workspace.create', 'relative.kdb')).toThrow(/absolute/);
  });

  it('refuses made-up tokens and a window caller without the registry', () => {
    t = openTestWorkspace();
    const { caller } = desktop();
    const target = join(t.dir, 'x.kdb');
    expect(catchAppError(() => invoke(t.session, 'workspace.create', { path: `chosen:${'0'.repeat(32)}` }, caller)).code).toBe('path.not_chosen');
    const bare: Caller = { door: 'electron', local: true };
    const token = new ChosenPaths().grant('workspace.create', target);
    expect(catchAppError(() => invoke(t.session, 'workspace.create', { path: token }, bare)).code).toBe('path.not_chosen');
    expect(existsSync(target)).toBe(false);
  });

  it('sets the second backup folder only to a chosen folder; the saved one may be sent back, or cleared', () => {
    t = openTestWorkspace();
    const { chosen, caller } = desktop();
    const settings = t.call('backup.status', {}).settings;
    const share = join(t.dir, 'share');
    mkdirSync(share);

    const raw = catchAppError(() => invoke(t.session, 'backup.saveSettings', { ...settings, secondDir: '\\\\evil\\share' }, caller));
    expect(raw.code).toBe('path.not_chosen');
    expect(t.call('backup.status', {}).settings.secondDir).toBeNull();

    invoke(t.session, 'backup.saveSettings', { ...settings, secondDir: chosen.grant('backup.folder', share) }, caller);
    expect(t.call('backup.status', {}).settings.secondDir).toBe(share);
    // The form sends the saved folder back with another change: not a new choice.
    invoke(t.session, 'backup.saveSettings', { ...settings, intervalMinutes: 240, secondDir: share }, caller);
    expect(t.call('backup.status', {}).settings).toMatchObject({ intervalMinutes: 240, secondDir: share });
    // Any other folder typed in is refused, and nothing changes.
    const other = catchAppError(() => invoke(t.session, 'backup.saveSettings', { ...settings, intervalMinutes: 30, secondDir: join(t.dir, 'other') }, caller));
    expect(other.code).toBe('path.not_chosen');
    expect(t.call('backup.status', {}).settings).toMatchObject({ intervalMinutes: 240, secondDir: share });
    invoke(t.session, 'backup.saveSettings', { ...settings, secondDir: null }, caller);
    expect(t.call('backup.status', {}).settings.secondDir).toBeNull();
  });

  it('writes a one-off backup and restores into a new workspace only where the user chose', () => {
    t = openTestWorkspace();
    const { chosen, caller } = desktop();
    t.call('clients.create', { kind: 'person', name: 'Иванов' });
    const usb = join(t.dir, 'usb');
    mkdirSync(usb);
    expect(catchAppError(() => invoke(t.session, 'backup.now', { folder: usb }, caller)).code).toBe('path.not_chosen');
    expect(readdirSync(usb)).toEqual([]);
    invoke(t.session, 'backup.now', { folder: chosen.grant('backup.folder', usb) }, caller);
    expect(readdirSync(usb).length).toBeGreaterThan(0);

    const b = t.call('backup.now', {});
    const copy = join(t.dir, 'copy.kdb');
    expect(catchAppError(() => invoke(t.session, 'backup.restoreIntoNew', { id: b.id, path: copy }, caller)).code).toBe('path.not_chosen');
    expect(existsSync(copy)).toBe(false);
    invoke(t.session, 'backup.restoreIntoNew', { id: b.id, path: chosen.grant('workspace.create', copy) }, caller);
    expect(t.session.workspace.path).toBe(copy);
    expect(t.count('clients')).toBe(1);
  });

  it('refuses raw paths to the file procedures the window has no dialog for', () => {
    t = openTestWorkspace();
    const { caller } = desktop();
    const file = join(t.dir, 'clients.csv');
    writeFileSync(file, 'Имя\nИванов\n');
    expect(catchAppError(() => invoke(t.session, 'exchange.openLocal', { path: file }, caller)).code).toBe('path.not_chosen');
    expect(catchAppError(() => invoke(t.session, 'exchange.saveLocal', { fileId: 'x', path: join(t.dir, 'out.xlsx') }, caller)).code).toBe('path.not_chosen');
    expect(catchAppError(() => invoke(t.session, 'backup.restoreFile', { path: join(t.dir, 'b.kdb.gz') }, caller)).code).toBe('path.not_chosen');
  });
});

describe('other doors keep passing paths', () => {
  it('the CLI and a browser on this PC send paths as text; a browser on another PC is refused first', () => {
    t = openTestWorkspace();
    const cli: Caller = { door: 'cli', local: true, osUser: 'anna' };
    const localBrowser: Caller = { door: 'http', local: true, address: '127.0.0.1' };
    const lan: Caller = { door: 'http', local: false, address: '192.168.1.20' };
    invoke(t.session, 'workspace.create', { path: join(t.dir, 'cli.kdb') }, cli);
    expect(t.session.workspace.path).toBe(join(t.dir, 'cli.kdb'));
    invoke(t.session, 'workspace.create', { path: join(t.dir, 'browser.kdb') }, localBrowser);
    expect(t.session.workspace.path).toBe(join(t.dir, 'browser.kdb'));
    expect(catchAppError(() => invoke(t.session, 'workspace.create', { path: join(t.dir, 'lan.kdb') }, lan)).code).toBe('local_only');
    // A token means nothing outside the desktop window: it is just a (relative) path.
    expect(
      catchAppError(() => invoke(t.session, 'workspace.create', { path: new ChosenPaths().grant('workspace.create', join(t.dir, 'y.kdb')) }, cli)).code,
    ).toBe('validation');
  });
});
