// Native dialogs in which the user chooses a path. The page never names a path: it
// asks for a dialog by kind, and gets back a token of what the user chose (main.ts
// registers the path with the core; core/procedures/chosen-paths.ts).

import { app, dialog, type BrowserWindow, type MessageBoxOptions, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import { join } from 'node:path';
import type { PathPurpose } from '../core/procedures';
import type { DialogKind } from './channels';
import type { Strings } from '../shared/i18n/desktop';

/** What a path chosen in each dialog may be used for. */
export const DIALOG_PURPOSE: Readonly<Record<DialogKind, PathPurpose>> = {
  openWorkspace: 'workspace.open',
  createWorkspace: 'workspace.create',
  backupFolder: 'backup.folder',
};

/** A UNC path (\\server\share or //server/share): SQLite over a network share can corrupt the file. */
export function isNetworkPath(path: string): boolean {
  return /^(\\\\|\/\/)/.test(path);
}

function messageBox(parent: BrowserWindow | null, options: MessageBoxOptions) {
  return parent ? dialog.showMessageBox(parent, options) : dialog.showMessageBox(options);
}

/** A workspace on a network share asks for confirmation first. */
async function confirmWorkspacePath(parent: BrowserWindow | null, t: Strings, path: string): Promise<boolean> {
  if (!isNetworkPath(path)) return true;
  const r = await messageBox(parent, {
    type: 'warning',
    title: t.appTitle,
    message: t.dialogs.networkTitle,
    detail: t.dialogs.networkDetail,
    buttons: [t.cancel, t.dialogs.networkUseAnyway],
    defaultId: 0,
    cancelId: 0,
  });
  return r.response === 1;
}

async function openDialog(parent: BrowserWindow | null, options: OpenDialogOptions): Promise<string | null> {
  const r = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
  return r.canceled ? null : (r.filePaths[0] ?? null);
}

async function saveDialog(parent: BrowserWindow | null, options: SaveDialogOptions): Promise<string | null> {
  const r = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
  return r.canceled || !r.filePath ? null : r.filePath;
}

/** Shows the native dialog of `kind`; resolves to the path the user chose and confirmed, or null. */
export async function choosePath(kind: DialogKind, parent: BrowserWindow | null, t: Strings): Promise<string | null> {
  const d = t.dialogs;
  const kdb = [{ name: d.kdbFilter, extensions: ['kdb'] }];
  switch (kind) {
    case 'openWorkspace': {
      const path = await openDialog(parent, { title: d.openTitle, filters: kdb, properties: ['openFile'] });
      return path && (await confirmWorkspacePath(parent, t, path)) ? path : null;
    }
    case 'createWorkspace': {
      let path = await saveDialog(parent, {
        title: d.createTitle,
        buttonLabel: d.createButton,
        defaultPath: join(app.getPath('documents'), d.defaultFileName),
        filters: kdb,
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      });
      if (path && !/\.kdb$/i.test(path)) path += '.kdb';
      return path && (await confirmWorkspacePath(parent, t, path)) ? path : null;
    }
    case 'backupFolder':
      // A share or a USB stick is what this folder is for: no warning.
      return openDialog(parent, { title: d.backupFolderTitle, buttonLabel: d.backupFolderButton, properties: ['openDirectory', 'createDirectory'] });
  }
}
