// What the window may do, as pure decisions (no Electron import), so the unit tests
// check every rule without the binary; hardening.ts only wires them to Electron's
// events and handlers.

import { APP_HOST, APP_ORIGIN } from './channels';

/** A page of our own UI: app://kartoteka/… exactly (not app://kartoteka.evil/, not app://other/). */
export function isAppUrl(url: string): boolean {
  if (url === APP_ORIGIN) return true;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === 'app:' && parsed.host === APP_HOST && !parsed.username && !parsed.password && url.startsWith(`${APP_ORIGIN}/`);
}

const PLAIN_ADDRESS = /^[^\s@/?#]+@[^\s@/?#]+$/;
/** A phone number as the renderer writes it (tel:+<digits>), with the usual separators. */
const PLAIN_PHONE = /^\+?[0-9][0-9().\- ]{1,30}$/;

/**
 * The URL to hand to the operating system for a link the user followed, or null to
 * drop it: https pages (the browser), plain mailto: addresses (the mail client) and
 * plain tel: numbers (the softphone or Skype). Never file:, javascript:, smb:, custom
 * schemes, or mailto: with parameters such as ?attach= that make a mail client attach
 * a file from the disk.
 */
export function externalTarget(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol === 'https:') return parsed.username || parsed.password ? null : parsed.href;
  if (parsed.search || parsed.hash) return null;
  let target: string;
  try {
    target = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (parsed.protocol === 'mailto:' && PLAIN_ADDRESS.test(target)) return parsed.href;
  if (parsed.protocol === 'tel:' && PLAIN_PHONE.test(target)) return parsed.href;
  return null;
}

export type NavigationDecision = { allow: true } | { allow: false; external: string | null };

/** The window stays on our pages; a link elsewhere is cancelled and, if harmless, opened by the OS. */
export function navigationDecision(url: string): NavigationDecision {
  return isAppUrl(url) ? { allow: true } : { allow: false, external: externalTarget(url) };
}

/**
 * Web permissions (camera, microphone, location, notifications, clipboard, USB, HID,
 * serial, fullscreen…): none is needed. Task reminders reach the desktop through the
 * main process, copying uses the Edit menu's roles, which need no web permission.
 */
export function permissionAllowed(_permission: string, _origin: string): boolean {
  return false;
}

/** Network schemes the app never uses: the UI comes from app://, data from the core over IPC. */
const NETWORK_SCHEMES = new Set(['http:', 'https:', 'ws:', 'wss:', 'ftp:']);

/** Filter for session.webRequest: every request to the network (an offline app makes none by itself). */
export const NETWORK_URL_PATTERNS = ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'ftp://*/*'];

/** The main-process log line of a cancelled network request; the Electron smoke test fails on it. */
export const BLOCKED_REQUEST_LOG = '[main] blocked network request';

export function isNetworkRequest(url: string): boolean {
  try {
    return NETWORK_SCHEMES.has(new URL(url).protocol);
  } catch {
    return false;
  }
}

const MARKUP: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * A reminder's text for a desktop notification. Linux notification servers render a
 * markup subset in the body (<b>, <a href>, <img src> — an image URL would be fetched),
 * so the body is escaped there; Windows and macOS show text as it is. Titles are plain
 * text everywhere. Lengths are capped before escaping so an entity is never cut in half.
 */
export function notificationText(platform: string, title: string, body: string): { title: string; body: string } {
  const t = title.slice(0, 200);
  const b = body.slice(0, 500);
  return { title: t, body: platform === 'linux' ? b.replace(/[&<>"']/g, (c) => MARKUP[c]!) : b };
}
