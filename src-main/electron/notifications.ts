// Desktop notifications for task reminders. The core decides what is due (tested
// under Node with a fake clock); the renderer polls it and hands each reminder shown
// for the first time to this channel, which pops a system notification. Clicking it
// brings the window forward, where the in-app notice offers snooze and open.

import { BrowserWindow, ipcMain, Notification, type IpcMainEvent } from 'electron';
import { CHANNEL_NOTIFY } from './channels';
import { notificationText } from './web-policy';

export function registerNotifications(isTrustedSender: (event: IpcMainEvent) => boolean, getWindow: () => BrowserWindow | null): void {
  ipcMain.on(CHANNEL_NOTIFY, (event, title: unknown, body: unknown) => {
    if (!isTrustedSender(event) || typeof title !== 'string' || typeof body !== 'string') return;
    if (!Notification.isSupported()) return;
    const n = new Notification(notificationText(process.platform, title, body));
    n.on('click', () => {
      const win = getWindow();
      if (!win) return;
      if (win.isMinimized()) win.restore();
      win.focus();
    });
    n.show();
  });
}
