// Defences applied to every web contents and to the session. The decisions are pure
// functions in web-policy.ts (unit-tested without Electron); this file wires them to
// Electron's events and handlers.

import { session, shell, type Session, type WebContents } from 'electron';
import { BLOCKED_REQUEST_LOG, externalTarget, isNetworkRequest, navigationDecision, NETWORK_URL_PATTERNS, permissionAllowed } from './web-policy';

function openExternally(url: string): void {
  const target = externalTarget(url);
  if (target) void shell.openExternal(target);
}

export function harden(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    const decision = navigationDecision(event.url);
    if (decision.allow) return;
    event.preventDefault();
    if (decision.external) void shell.openExternal(decision.external);
  });
  // A redirect of an allowed navigation is judged again (app:// never redirects).
  contents.on('will-redirect', (event) => {
    if (!navigationDecision(event.url).allow) event.preventDefault();
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

/**
 * The session of our window: no web permission, no device, no spell-check dictionary
 * download, and no request to the network. Such a request would be a bug (the UI is
 * app:// and the data comes over IPC) or an attack; it is cancelled and logged, and the
 * Electron smoke test fails on that log line.
 */
export function lockDownSession(ses: Session = session.defaultSession): void {
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => callback(permissionAllowed(permission, details.requestingUrl)));
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) => permissionAllowed(permission, requestingOrigin));
  ses.setDevicePermissionHandler(() => false);
  ses.setSpellCheckerEnabled(false);
  ses.webRequest.onBeforeRequest({ urls: NETWORK_URL_PATTERNS }, (details, callback) => {
    const blocked = isNetworkRequest(details.url);
    if (blocked) console.error(`${BLOCKED_REQUEST_LOG}: ${details.method} ${details.url}`);
    callback({ cancel: blocked });
  });
}
