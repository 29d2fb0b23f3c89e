import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, type ServerHandle } from '../../src-main/http/server';
import { openTestWorkspace, type TestWorkspace } from '../helpers/workspace';

// Restores and folder settings through the HTTP door: other PCs of the office may see
// the backups, but only this PC may replace the workspace or point backups at a folder.

let t: TestWorkspace;
let lan: ServerHandle;
beforeAll(async () => {
  t = openTestWorkspace();
  const rendererDir = join(t.dir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<title>Kartoteka</title>');
  lan = await startServer(t.session, { host: '0.0.0.0', port: 0, rendererDir });
});
afterAll(() => {
  lan.close();
  t.dispose();
});

const call = (name: string, input: unknown, host: string) =>
  new Promise<{ status: number; body: { ok: boolean; error?: { code: string } } }>((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: lan.port, method: 'POST', path: `/api/${name}`, headers: { Host: host, 'Content-Type': 'application/json' } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) }));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(input));
  });

describe('backups over the HTTP door in LAN mode', () => {
  it('other PCs may list backups and see the status', async () => {
    const remote = `192.168.1.50:${lan.port}`;
    expect((await call('backup.list', {}, remote)).status).toBe(200);
    expect((await call('backup.status', {}, remote)).status).toBe(200);
  });

  it.each([
    ['backup.restore', { id: 'x' }],
    ['backup.restoreIntoNew', { id: 'x', path: '/tmp/x.kdb' }],
    ['backup.recover', { id: 'x' }],
    ['backup.saveSettings', {}],
  ])('%s is refused to other PCs and reaches the core from this PC', async (name, input) => {
    const remote = await call(name, input, `192.168.1.50:${lan.port}`);
    expect(remote.status).toBe(403);
    expect(remote.body.error?.code).toBe('local_only');
    const local = await call(name, input, `127.0.0.1:${lan.port}`);
    expect(local.status).not.toBe(403);
  });
});
