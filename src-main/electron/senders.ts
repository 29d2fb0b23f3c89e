import type { BrowserWindow, IpcMainEvent, IpcMainInvokeEvent } from 'electron';
import { isAppUrl } from './web-policy';

// Only type imports: the decision is tested with plain objects standing in for
// Electron's event, frame and window.

type SenderEvent = Pick<IpcMainInvokeEvent | IpcMainEvent, 'sender' | 'senderFrame'>;
type Window = Pick<BrowserWindow, 'isDestroyed' | 'webContents'>;

/**
 * Every IPC channel answers only our window's top frame showing an app:// page: not
 * a subframe, not another window or web contents, not a page that navigated away.
 */
export function isTrustedSender(event: SenderEvent, window: Window | null): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  if (!window || window.isDestroyed() || event.sender !== window.webContents) return false;
  return isAppUrl(frame.url);
}
