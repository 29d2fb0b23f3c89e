// Defences applied to every web contents and to the session: navigation stays on
// app://, new windows are denied, only https and plain mailto links leave the app,
// and the page gets no device or sensor permission.

import { session, shell, type WebContents } from 'electron';
import { APP_ORIGIN } from './channels';

export function isAppUrl(url: string): boolean {
  return url === APP_ORIGIN || url.startsWith(`${APP_ORIGIN}/`);
}

/** Only https pages and plain mailto: addresses leave the app, in the user's browser or mail client. */
function openExternally(url: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return;
  }
  const plainMailto = parsed.protocol === 'mailto:' && !parsed.search && /^[^\s@/?#]+@[^\s@/?#]+$/.test(parsed.pathname);
  if (parsed.protocol === 'https:' || plainMailto) void shell.openExternal(parsed.href);
}

export function harden(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    openExternally(event.url);
  });
  contents.setWindowOpenHandler(({ url }) => {
    openExternally(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.on('render-process-gone', (_event, details) => {
    if (details.reason !== 'clean-exit') console.error(`[main] renderer gone: ${details.reason} (${details.exitCode})`);
  });
}

export function lockDownSession(): void {
  const ses = session.defaultSession;
  // Nothing needs camera, microphone, location, notifications from the page, USB...
  // Only "copy to clipboard" (navigator.clipboard.writeText) is allowed, and only for our own pages.
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(permission === 'clipboard-sanitized-write' && isAppUrl(details.requestingUrl));
  });
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) => {
    return permission === 'clipboard-sanitized-write' && isAppUrl(requestingOrigin);
  });
  ses.setDevicePermissionHandler(() => false);
}
