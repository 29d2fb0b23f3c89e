import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, type ServerHandle } from '../../src-main/http/server';
import { openTestWorkspace, type TestWorkspace } from '../helpers/workspace';
import { TRAVERSAL_PAYLOADS } from '../helpers/traversal';

// The HTTP door of browser mode, against a real Session and a real renderer folder.

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

let t: TestWorkspace;
let server: ServerHandle;
let rendererDir: string;

function send(method: string, path: string, opts: { body?: string; headers?: Record<string, string> } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      // `path` goes on the wire as written: no client-side normalisation of "..".
      { host: '127.0.0.1', port: server.port, method, path, headers: { Host: `127.0.0.1:${server.port}`, ...opts.headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

const api = (name: string, input: unknown, headers: Record<string, string> = {}) =>
  send('POST', `/api/${name}`, { body: JSON.stringify(input), headers: { 'Content-Type': 'application/json', ...headers } });

beforeAll(async () => {
  t = openTestWorkspace();
  rendererDir = join(t.dir, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Kartoteka</title>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log("app")');
  // A secret beside the renderer folder, sharing its name as a prefix.
  mkdirSync(join(t.dir, 'renderer-secret'));
  writeFileSync(join(t.dir, 'renderer-secret', 'key.txt'), 'TOP SECRET');
  writeFileSync(join(t.dir, 'secret.txt'), 'TOP SECRET');
  server = await startServer(t.session, { host: '127.0.0.1', port: 0, rendererDir });
});
afterAll(() => {
  server.close();
  t.dispose();
});

describe('HTTP API', () => {
  it('creates and reads a client through POST /api/<procedure>', async () => {
    const created = await api('clients.create', { kind: 'organization', name: 'ООО «Сеть»', phones: [{ raw: '8 495 123 45 67' }] });
    expect(created.status).toBe(200);
    expect(created.headers['content-type']).toMatch(/^application\/json/);
    const { ok, result } = JSON.parse(created.body) as { ok: boolean; result: { id: string } };
    expect(ok).toBe(true);
    const card = await api('clients.get', { id: result.id });
    expect(JSON.parse(card.body)).toMatchObject({ ok: true, result: { id: result.id, name: 'ООО «Сеть»' } });
    expect(t.count('clients', `id = '${result.id}'`)).toBe(1);
  });

  it('accepts localhost as the host name and a same-origin Origin header', async () => {
    const r = await api('workspace.info', {}, { Host: `localhost:${server.port}`, Origin: `http://localhost:${server.port}` });
    expect(r.status).toBe(200);
  });

  it('answers 421 to a Host it does not serve (DNS rebinding)', async () => {
    const r = await api('clients.list', { query: {} }, { Host: 'evil.example' });
    expect(r.status).toBe(421);
    const page = await send('GET', '/', { headers: { Host: `attacker.example:${server.port}` } });
    expect(page.status).toBe(421);
  });

  it('answers 415 to a body that is not JSON (cross-site form posts)', async () => {
    const r = await send('POST', '/api/clients.create', {
      body: 'kind=organization&name=x',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expect(r.status).toBe(415);
    const plain = await send('POST', '/api/clients.create', { body: '{"kind":"organization","name":"x"}', headers: { 'Content-Type': 'text/plain' } });
    expect(plain.status).toBe(415);
    expect(t.count('clients', `name = 'x'`)).toBe(0);
  });

  it('answers 403 to a request from another origin', async () => {
    for (const origin of ['http://evil.example', `http://127.0.0.1:${server.port + 1}`, 'null']) {
      const r = await api('clients.create', { kind: 'organization', name: 'Чужой' }, { Origin: origin });
      expect(r.status, origin).toBe(403);
    }
    expect(t.count('clients', `name = 'Чужой'`)).toBe(0);
  });

  it('answers 400 with field issues to invalid input', async () => {
    const schema = await api('clients.create', { kind: 'alien' });
    expect(schema.status).toBe(400);
    const body = JSON.parse(schema.body) as { ok: boolean; error: { code: string; issues: { field: string }[] } };
    expect(body.ok).toBe(false);
    expect(body.error.code).toBe('validation');
    expect(body.error.issues.map((i) => i.field)).toContain('kind');

    const requisites = await api('clients.create', { kind: 'organization', name: 'ООО «ИНН»', inn: '7707083894' });
    expect(requisites.status).toBe(400);
    expect(JSON.parse(requisites.body).error.issues).toContainEqual({ field: 'inn', code: 'inn.checksum' });
  });

  it('answers 400 to an unknown procedure and to malformed JSON, 404 to a missing record', async () => {
    const unknown = await api('clients.drop', {});
    expect(unknown.status).toBe(400);
    expect(JSON.parse(unknown.body).error.code).toBe('unknown_procedure');
    const proto = await api('__proto__', {});
    expect(proto.status).toBe(400);
    const malformed = await send('POST', '/api/clients.list', { body: '{"query":', headers: { 'Content-Type': 'application/json' } });
    expect(malformed.status).toBe(400);
    expect(JSON.parse(malformed.body).error.code).toBe('bad_request');
    const missing = await api('clients.get', { id: 'nope' });
    expect(missing.status).toBe(404);
  });

  it('allows only POST on the API', async () => {
    const r = await send('GET', '/api/clients.list');
    expect(r.status).toBe(405);
  });
});

describe('HTTP static files', () => {
  it('serves the renderer with a strict Content-Security-Policy', async () => {
    const index = await send('GET', '/');
    expect(index.status).toBe(200);
    expect(index.body).toContain('<title>Kartoteka</title>');
    expect(index.headers['content-security-policy']).toContain("default-src 'self'");
    expect(index.headers['x-content-type-options']).toBe('nosniff');
    const js = await send('GET', '/assets/app.js');
    expect(js.headers['content-type']).toMatch(/^text\/javascript/);
    expect(js.body).toBe('console.log("app")');
  });

  it('answers 400, not 500, to a malformed %-escape', async () => {
    expect((await send('GET', '/%E0%A4%A')).status).toBe(400);
  });

  it('falls back to index.html for client-side routes', async () => {
    const r = await send('GET', '/clients/123');
    expect(r.status).toBe(200);
    expect(r.body).toContain('<title>Kartoteka</title>');
  });

  it.each(TRAVERSAL_PAYLOADS)('does not escape the renderer folder for %s', async (path) => {
    const r = await send('GET', path);
    expect(r.body).not.toMatch(/root:|TOP SECRET/);
    if (r.status === 200) expect(r.body).toContain('<title>Kartoteka</title>');
  });
});

describe('LAN mode (--host 0.0.0.0)', () => {
  let lan: ServerHandle;
  beforeAll(async () => {
    lan = await startServer(t.session, { host: '0.0.0.0', port: 0, rendererDir });
  });
  afterAll(() => lan.close());

  const lanApi = (name: string, input: unknown, host: string) =>
    new Promise<Reply>((resolve, reject) => {
      const body = JSON.stringify(input);
      const req = request(
        { host: '127.0.0.1', port: lan.port, method: 'POST', path: `/api/${name}`, headers: { Host: host, 'Content-Type': 'application/json' } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        },
      );
      req.on('error', reject);
      req.end(body);
    });

  it('answers other PCs addressing it by IP, but refuses a DNS-rebinding host name', async () => {
    expect((await lanApi('clients.list', { query: {} }, `192.168.1.50:${lan.port}`)).status).toBe(200);
    expect((await lanApi('clients.list', { query: {} }, `evil.example:${lan.port}`)).status).toBe(421);
    expect((await lanApi('clients.list', { query: {} }, `192.168.1.50:${lan.port + 1}`)).status).toBe(421);
  });

  it('lets only this PC itself switch the workspace file', async () => {
    const remote = await lanApi('workspace.create', { path: 'relative.kdb' }, `192.168.1.50:${lan.port}`);
    expect(remote.status).toBe(403);
    expect(JSON.parse(remote.body).error.code).toBe('local_only');
    // From this PC the call reaches the core (and fails there on the relative path).
    const local = await lanApi('workspace.create', { path: 'relative.kdb' }, `127.0.0.1:${lan.port}`);
    expect(local.status).toBe(400);
  });
});
