import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';

// The sign-in cookie of browser mode: HttpOnly (page scripts never see the token),
// SameSite=Strict (no other site's page can send it), Path=/, Secure over TLS.

export const SESSION_COOKIE = 'kartoteka_session';

export function readCookie(req: IncomingMessage, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim() || null;
  }
  return null;
}

/** The Set-Cookie value that stores `token`, or clears the cookie when it is null. */
export function sessionCookie(req: IncomingMessage, token: string | null): string {
  const secure = (req.socket as Partial<TLSSocket>).encrypted ? '; Secure' : '';
  const value = token ? `${SESSION_COOKIE}=${token}` : `${SESSION_COOKIE}=; Max-Age=0`;
  return `${value}; HttpOnly; SameSite=Strict; Path=/${secure}`;
}
