import { request } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type ServerHandle } from '../../src-main/http/server';
import { openTestWorkspace, type TestWorkspace } from '../helpers/workspace';

// Issue 10: a request body arrives in pieces cut anywhere, inside a letter too. The HTTP
// door joins the bytes before decoding them; this sends a body one byte per write.

let t: TestWorkspace;
let server: ServerHandle;

beforeAll(async () => {
  t = openTestWorkspace();
  const rendererDir = join(t.dir, 'renderer');
  mkdirSync(rendererDir, { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Kartoteka</title>');
  server = await startServer(t.session, { host: '127.0.0.1', port: 0, rendererDir });
});
afterAll(() => {
  server.close();
  t.dispose();
});

function postByteByByte(path: string, body: Buffer): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: server.port, method: 'POST', path, headers: { Host: `127.0.0.1:${server.port}`, 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.on('socket', (s) => s.setNoDelay(true));
    void (async () => {
      for (let i = 0; i < body.length; i++) {
        req.write(body.subarray(i, i + 1));
        await new Promise((r) => setImmediate(r)); // each byte its own chunk on the wire
      }
      req.end();
    })();
  });
}

describe('HTTP door: a body cut inside letters', () => {
  it('a client created from a body sent one byte at a time has its name and address exact', async () => {
    const name = 'ООО «Ёлка» — Екатеринбург 😀';
    const address = 'г. Екатеринбург, ул. Ленина, д. 4, офис № 5 €';
    const r = await postByteByByte('/api/clients.create', Buffer.from(JSON.stringify({ kind: 'organization', name, actualAddress: address }), 'utf8'));
    expect(r.status).toBe(200);
    const { result } = JSON.parse(r.body) as { result: { id: string } };
    expect(t.sqlite().prepare('SELECT name, actual_address AS address FROM clients WHERE id = ?').get(result.id)).toEqual({ name, address });
  });
});
