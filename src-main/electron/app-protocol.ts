import { protocol } from 'electron';
import { readFile, stat } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../http/csp';
import { APP_HOST, APP_SCHEME } from './channels';
import { resolveAppFile } from './app-files';

// The renderer is served from app://kartoteka/ rather than file://: a real origin
// (so the CSP 'self', ES modules and the IPC sender check all mean something), no
// access to the rest of the disk, and the same CSP header as the HTTP door.

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

/** Must run before app 'ready'. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      // standard: relative URLs and a real origin; secure: treated like https.
      // corsEnabled stays off, so no other origin can read these files.
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
}

function respond(status: number, body: BodyInit | null, type: string): Response {
  return new Response(body, {
    status,
    headers: {
      'Content-Type': type,
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-cache',
    },
  });
}

/**
 * Serves files of rendererDir on app://kartoteka/; unknown extension-less paths get index.html (client routes).
 * uiNotBuilt gives the page shown when index.html is missing, in the current UI language.
 */
export function handleAppScheme(rendererDir: string, uiNotBuilt: () => string): void {
  const root = resolve(rendererDir);
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return respond(404, 'Not found', 'text/plain; charset=utf-8');
    if (request.method !== 'GET' && request.method !== 'HEAD') return respond(405, 'Method not allowed', 'text/plain; charset=utf-8');
    const target = resolveAppFile(root, url.pathname);
    if (!target.ok) return respond(target.status, target.status === 400 ? 'Bad request' : 'Forbidden', 'text/plain; charset=utf-8');
    let file = target.file;
    const st = await stat(file).catch(() => null);
    if (!st || !st.isFile()) {
      if (extname(file) !== '') return respond(404, 'Not found', 'text/plain; charset=utf-8');
      file = resolve(root, 'index.html');
    }
    const body = await readFile(file).catch(() => null);
    if (!body) {
      return respond(500, uiNotBuilt(), 'text/plain; charset=utf-8');
    }
    return respond(200, request.method === 'HEAD' ? null : body, TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream');
  });
}
