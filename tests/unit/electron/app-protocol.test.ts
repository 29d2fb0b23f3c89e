import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { resolveAppFile } from '../../../src-main/electron/app-files';
import { makeTempDir, removeDir } from '../../helpers/workspace';
import { TRAVERSAL_PAYLOADS, WINDOWS_PAYLOADS } from '../../helpers/traversal';

// The desktop app's app:// protocol, without Electron: protocol.handle is stubbed at
// the boundary and the captured handler is fed requests over a real folder.

type Handler = (request: { url: string; method: string }) => Promise<Response>;
const captured: { handler: Handler | null } = { handler: null };
vi.mock('electron', () => ({
  protocol: {
    registerSchemesAsPrivileged: vi.fn(),
    handle: (_scheme: string, handler: Handler) => {
      captured.handler = handler;
    },
  },
}));

const { handleAppScheme } = await import('../../../src-main/electron/app-protocol');

let dir: string;
let rendererDir: string;
beforeAll(() => {
  dir = makeTempDir('app-protocol');
  rendererDir = path.join(dir, 'renderer');
  mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Kartoteka</title>');
  writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log("app")');
  // Secrets beside the renderer folder, one sharing its name as a prefix.
  mkdirSync(path.join(dir, 'renderer-secret'));
  writeFileSync(path.join(dir, 'renderer-secret', 'key.txt'), 'TOP SECRET');
  writeFileSync(path.join(dir, 'secret.txt'), 'TOP SECRET');
  handleAppScheme(rendererDir, () => 'UI not built');
});
afterAll(() => removeDir(dir));

async function get(pathAndQuery: string, method = 'GET') {
  const res = await captured.handler!({ url: `app://kartoteka${pathAndQuery}`, method });
  return { status: res.status, headers: res.headers, body: await res.text() };
}

describe('app:// serves the renderer folder', () => {
  it('serves files with the CSP and their types, and index.html for client routes', async () => {
    const index = await get('/index.html');
    expect(index.status).toBe(200);
    expect(index.body).toContain('<title>Kartoteka</title>');
    expect(index.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(index.headers.get('x-content-type-options')).toBe('nosniff');
    const js = await get('/assets/app.js');
    expect(js.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(js.body).toBe('console.log("app")');
    expect((await get('/clients/123')).body).toContain('<title>Kartoteka</title>');
    expect((await get('/assets/missing.js')).status).toBe(404);
  });

  it('answers 400 to a malformed escape or a NUL byte, 405 to a POST, 404 to another host', async () => {
    expect((await get('/%E0%A4%A')).status).toBe(400);
    expect((await get('/index.html%00.js')).status).toBe(400);
    expect((await get('/index.html', 'POST')).status).toBe(405);
    const other = await captured.handler!({ url: 'app://evil/index.html', method: 'GET' });
    expect(other.status).toBe(404);
  });

  it.each([...TRAVERSAL_PAYLOADS, ...WINDOWS_PAYLOADS])('never serves a file outside the folder for %s', async (payload) => {
    const r = await get(payload);
    expect(r.body).not.toMatch(/root:|TOP SECRET|\[fonts\]/);
    if (r.status === 200) expect(r.body).toContain('<title>Kartoteka</title>');
  });
});

describe('resolveAppFile', () => {
  const inside = (root: string, p: path.PlatformPath, file: string) => {
    const rel = p.relative(root, file);
    return !rel.startsWith('..') && !p.isAbsolute(rel);
  };

  it.each(TRAVERSAL_PAYLOADS)('refuses or contains %s (POSIX rules)', (payload) => {
    const root = '/opt/Kartoteka/resources/app.asar/dist-renderer';
    const r = resolveAppFile(root, payload, path.posix);
    if (r.ok) expect(inside(root, path.posix, r.file)).toBe(true);
    else expect([400, 403]).toContain(r.status);
  });

  it.each([...TRAVERSAL_PAYLOADS, ...WINDOWS_PAYLOADS])('refuses or contains %s (Windows rules)', (payload) => {
    const root = 'C:\\Users\\anna\\AppData\\Local\\Programs\\Kartoteka\\resources\\app.asar\\dist-renderer';
    const r = resolveAppFile(root, payload, path.win32);
    if (r.ok) expect(inside(root, path.win32, r.file)).toBe(true);
    else expect([400, 403]).toContain(r.status);
  });

  it('refuses dot-dot in every spelling, drive letters, streams and device names outright', () => {
    const root = 'C:\\Kartoteka\\dist-renderer';
    for (const payload of [
      '/..%5csecret.txt',
      '/%2e%2e/x',
      '/C:/Windows/win.ini',
      '/c:secret.txt',
      '/index.html::$DATA',
      '/CON',
      '/nul.txt',
      '/assets/COM1.js',
      '/lpt9',
    ]) {
      expect(resolveAppFile(root, payload, path.win32), payload).toEqual({ ok: false, status: 403 });
    }
  });

  it('reads UNC-looking paths as names inside the folder', () => {
    const root = 'C:\\Kartoteka\\dist-renderer';
    expect(resolveAppFile(root, '//server/share/x.js', path.win32)).toEqual({ ok: true, file: 'C:\\Kartoteka\\dist-renderer\\server\\share\\x.js' });
    expect(resolveAppFile(root, '/%5c%5cserver%5cshare%5cx.js', path.win32)).toEqual({ ok: true, file: 'C:\\Kartoteka\\dist-renderer\\server\\share\\x.js' });
  });

  it('serves ordinary asset names', () => {
    expect(resolveAppFile('/r', '/assets/index-BX9a.js', path.posix)).toEqual({ ok: true, file: '/r/assets/index-BX9a.js' });
    expect(resolveAppFile('/r', '/', path.posix)).toEqual({ ok: true, file: '/r' });
    expect(resolveAppFile('/r', '/%D0%BA%D0%BB%D0%B8%D0%B5%D0%BD%D1%82%D1%8B', path.posix)).toEqual({ ok: true, file: '/r/клиенты' });
  });
});
