// Defences applied to every web contents and to the session: navigation stays on
// app://, new windows are denied, only https, plain mailto and plain tel links leave the app,
// and the page gets no device or sensor permission.

import { session, shell, type WebContents } from 'electron';
import { APP_ORIGIN } from './channels';
import { mayOpenExternally } from './external-links';

export function isAppUrl(url: string): boolean {
  return url === APP_ORIGIN || url.startsWith(`${APP_ORIGIN}/`);
}

function openExternally(url: string): void {
  if (mayOpenExternally(url)) void shell.openExternal(new URL(url).href);
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
