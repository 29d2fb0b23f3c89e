import { describe, expect, it } from 'vitest';
import type { IncomingMessage } from 'node:http';
import { readCookie, sessionCookie } from '../../src-main/http/cookies';

// The sign-in cookie's attributes: HttpOnly and SameSite=Strict always, Secure over TLS.

const request = (cookie: string | undefined, encrypted: boolean) =>
  ({ headers: { cookie }, socket: encrypted ? { encrypted: true } : {} }) as unknown as IncomingMessage;

describe('the session cookie', () => {
  it('is HttpOnly, SameSite=Strict and Path=/, Secure only when served over TLS', () => {
    expect(sessionCookie(request(undefined, false), 'tok')).toBe('kartoteka_session=tok; HttpOnly; SameSite=Strict; Path=/');
    expect(sessionCookie(request(undefined, true), 'tok')).toBe('kartoteka_session=tok; HttpOnly; SameSite=Strict; Path=/; Secure');
  });

  it('is cleared with Max-Age=0 on sign-out', () => {
    expect(sessionCookie(request(undefined, true), null)).toBe('kartoteka_session=; Max-Age=0; HttpOnly; SameSite=Strict; Path=/; Secure');
  });

  it('is read from among other cookies, and an empty one is none', () => {
    expect(readCookie(request('a=1; kartoteka_session=abc_-9; b=2', false), 'kartoteka_session')).toBe('abc_-9');
    expect(readCookie(request('kartoteka_session_x=1', false), 'kartoteka_session')).toBeNull();
    expect(readCookie(request('kartoteka_session=', false), 'kartoteka_session')).toBeNull();
    expect(readCookie(request(undefined, false), 'kartoteka_session')).toBeNull();
  });
});
