import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { join, normalize, extname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isIP, type AddressInfo } from 'node:net';
import { hostname } from 'node:os';
import type { Session } from '../core/workspace/session';
import { invoke, type Caller } from '../core/procedures';
import { errorEnvelope } from '../core/errors';
import { failure, httpStatusOf, success, type Envelope } from '../shared/envelope';
import { CONTENT_SECURITY_POLICY } from './csp';
import { readCookie, SESSION_COOKIE, sessionCookie } from './cookies';
import { sessionUser } from '../core/auth/sessions';

// Browser mode: the built renderer plus POST /api/<procedure>. Bound to 127.0.0.1
// unless the user passes --host. Requests must carry JSON and a Host we serve
// (blocks DNS rebinding and cross-site form posts).

const MAX_BODY = 20 * 1024 * 1024;
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export function defaultRendererDir(): string {
  return process.env.KARTOTEKA_RENDERER_DIR ?? resolve(fileURLToPath(new URL('../../dist-renderer', import.meta.url)));
}

export interface ServerHandle {
  url: string;
  port: number;
  close(): void;
}

function send(res: ServerResponse, status: number, body: string | Buffer, type: string, extra: Record<string, string> = {}) {
  res.writeHead(status, {
    ...extra,
    'Content-Type': type,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  });
  res.end(body);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw Object.assign(new Error('Request too large'), { status: 413 });
    parts.push(chunk as Buffer);
  }
  return Buffer.concat(parts).toString('utf8');
}

/** Host of an Origin header; '' for "null" (sandboxed frames, file: pages) and junk. */
function originHost(origin: string): string {
  try {
    return new URL(origin).host.toLowerCase();
  } catch {
    return '';
  }
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/** A listen address only this PC can reach (127.0.0.0/8, ::1, localhost). */
export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase();
  return LOOPBACK_HOSTS.has(h) || /^127\.\d+\.\d+\.\d+$/.test(h);
}

/**
 * The hostname of a Host header we answer to, or null. On loopback only loopback
 * names; in LAN mode also IP literals and this PC's own name — never an arbitrary
 * domain, which is what a DNS-rebinding attack sends.
 */
function hostAllowed(header: string, port: number, lan: boolean): string | null {
  const m = /^(\[[0-9a-f:.]+\]|[^:]+)(?::(\d+))?$/.exec(header);
  if (!m || Number(m[2] ?? 80) !== port) return null;
  const name = m[1]!;
  if (LOOPBACK_HOSTS.has(name)) return name;
  if (!lan) return null;
  const ownNames = [hostname().toLowerCase(), `${hostname().toLowerCase()}.local`];
  return isIP(name) || /^\[[0-9a-f:.]+\]$/.test(name) || ownNames.includes(name) ? name : null;
}

function isLoopback(address: string | undefined): boolean {
  return !!address && (address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.'));
}

function safeDecode(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

function sendEnvelope(res: ServerResponse, envelope: Envelope, extra: Record<string, string> = {}) {
  send(res, envelope.ok ? 200 : httpStatusOf(envelope.error.code), JSON.stringify(envelope), 'application/json', extra);
}

export async function startServer(
  session: Session,
  opts: { host: string; port: number; rendererDir?: string },
): Promise<ServerHandle> {
  const root = resolve(opts.rendererDir ?? defaultRendererDir());
  let port = opts.port;
  const lan = !LOOPBACK_HOSTS.has(opts.host.toLowerCase());

  const server = createServer(async (req, res) => {
    try {
      const host = (req.headers.host ?? '').toLowerCase();
      // Every request names a host we serve under: a DNS-rebinding page (evil.example
      // resolving to this PC) is refused, in LAN mode too.
      const hostname = hostAllowed(host, port, lan);
      if (hostname === null) return send(res, 421, 'Misdirected request', 'text/plain');
      const url = new URL(req.url ?? '/', 'http://local');
      if (url.pathname.startsWith('/api/')) {
        if (req.method !== 'POST') return send(res, 405, 'POST only', 'text/plain');
        if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return send(res, 415, 'JSON only', 'text/plain');
        const origin = req.headers.origin;
        if (origin && originHost(origin) !== host) return send(res, 403, 'Cross-origin request refused', 'text/plain');
        const name = safeDecode(url.pathname.slice('/api/'.length));
        if (name === null) return send(res, 400, 'Bad request', 'text/plain');
        let input: unknown;
        try {
          const body = await readBody(req);
          input = body ? JSON.parse(body) : {};
        } catch (e) {
          const status = (e as { status?: number }).status ?? 400;
          return send(res, status, JSON.stringify(failure('bad_request', (e as Error).message)), 'application/json');
        }
        // The door says who calls, from where and as whom (the session cookie); invoke
        // decides what they may do (a call without a sign-in where passwords exist, or
        // one that picks files on this PC's disk from another PC, is refused).
        const token = readCookie(req, SESSION_COOKIE);
        let kept: string | null | undefined;
        const userId = sessionUser(session, token)?.id;
        const caller: Caller = {
          door: 'http',
          local: LOOPBACK_HOSTS.has(hostname) && isLoopback(req.socket.remoteAddress),
          address: req.socket.remoteAddress,
          ...(userId ? { userId } : {}),
          signIn: { token, keep: (t) => void (kept = t) },
        };
        // A cookie that no longer signs anyone in (expired, signed out elsewhere) is dropped.
        const cookieHeaders = (): Record<string, string> =>
          kept !== undefined ? { 'Set-Cookie': sessionCookie(req, kept) } : token && !userId ? { 'Set-Cookie': sessionCookie(req, null) } : {};
        try {
          // Some procedures (import, export) are asynchronous.
          const result = await invoke(session, name, input, caller);
          return sendEnvelope(res, success(result), cookieHeaders());
        } catch (e) {
          const envelope = errorEnvelope(e);
          if (envelope.error.code === 'internal') console.error(`[api] ${name}:`, e);
          return sendEnvelope(res, envelope, cookieHeaders());
        }
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed', 'text/plain');
      // Static files; unknown paths fall back to index.html (client-side routes).
      const decoded = safeDecode(url.pathname);
      if (decoded === null) return send(res, 400, 'Bad request', 'text/plain');
      const rel = normalize(decoded).replace(/^([/\\])+/, '');
      let file = join(root, rel);
      // root + sep: a sibling folder sharing the prefix (dist-renderer-x) is outside too.
      if (file !== root && !file.startsWith(root + sep)) return send(res, 403, 'Forbidden', 'text/plain');
      const st = await stat(file).catch(() => null);
      if (!st || !st.isFile()) file = join(root, 'index.html');
      const body = await readFile(file).catch(() => null);
      if (!body) return send(res, 500, 'The UI is not built: run npm run build:renderer', 'text/plain; charset=utf-8');
      return send(res, 200, body, TYPES[extname(file)] ?? 'application/octet-stream');
    } catch (e) {
      console.error('[http]', e);
      if (!res.headersSent) send(res, 500, 'Internal error', 'text/plain');
    }
  });

  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(opts.port, opts.host, () => ok());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://${opts.host === '0.0.0.0' || opts.host === '::' ? '127.0.0.1' : opts.host.includes(':') ? `[${opts.host}]` : opts.host}:${port}/`,
    port,
    close: () => server.close(),
  };
}
