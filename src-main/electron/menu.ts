import { app, Menu, type MenuItemConstructorOptions } from 'electron';
import type { DialogKind } from './channels';
import { fmt, type Strings } from '../shared/i18n/desktop';

export interface MenuActions {
  switchWorkspace(kind: DialogKind): void;
  showWorkspaceFolder(): void;
  about(): void;
}

/** The application menu in the given language; rebuilt when the renderer reports another one. */
export function buildMenu(t: Strings, actions: MenuActions): Menu {
  const isMac = process.platform === 'darwin';
  const dev = !app.isPackaged;
  const m = t.menu;
  const template: MenuItemConstructorOptions[] = [
    ...(isMac
      ? [
          {
            label: t.appTitle,
            submenu: [
              { role: 'about', label: m.about },
              { type: 'separator' },
              { role: 'hide', label: m.hide },
              { role: 'hideOthers', label: m.hideOthers },
              { type: 'separator' },
              { role: 'quit', label: m.quitMac },
            ],
          } satisfies MenuItemConstructorOptions,
        ]
      : []),
    {
      label: m.file,
      submenu: [
        { label: m.openWorkspace, accelerator: 'CmdOrCtrl+O', click: () => actions.switchWorkspace('openWorkspace') },
        { label: m.createWorkspace, accelerator: 'CmdOrCtrl+Shift+N', click: () => actions.switchWorkspace('createWorkspace') },
        { type: 'separator' },
        { label: m.showWorkspaceFile, click: () => actions.showWorkspaceFolder() },
        { type: 'separator' },
        isMac ? { role: 'close', label: m.closeWindow } : { role: 'quit', label: m.quit },
      ],
    },
    {
      label: m.edit,
      submenu: [
        { role: 'undo', label: m.undo },
        { role: 'redo', label: m.redo },
        { type: 'separator' },
        { role: 'cut', label: m.cut },
        { role: 'copy', label: m.copy },
        { role: 'paste', label: m.paste },
        { role: 'selectAll', label: m.selectAll },
      ],
    },
    {
      label: m.view,
      submenu: [
        ...(dev
          ? ([{ role: 'reload', label: m.reload }, { role: 'toggleDevTools', label: m.devTools }, { type: 'separator' }] satisfies MenuItemConstructorOptions[])
          : []),
        { role: 'resetZoom', label: m.resetZoom },
        { role: 'zoomIn', label: m.zoomIn },
        { role: 'zoomOut', label: m.zoomOut },
        { type: 'separator' },
        { role: 'togglefullscreen', label: m.fullScreen },
      ],
    },
    { label: m.help, submenu: [{ label: m.about, click: () => actions.about() }] },
  ];
  return Menu.buildFromTemplate(template);
}

/** The About box's two lines. */
export function aboutText(t: Strings): { title: string; detail: string } {
  return { title: fmt(t.about.title, { version: app.getVersion() }), detail: fmt(t.about.detail, { electron: process.versions.electron ?? '' }) };
}
