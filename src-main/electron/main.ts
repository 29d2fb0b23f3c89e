// The Electron door: windows, menus, native dialogs, the app:// protocol and the
// IPC bridge. The core itself runs in a utility process (core-process.ts); this
// process only routes JSON between the renderer and the core, so menus and windows
// stay responsive while a long query runs.

import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  session,
  shell,
  type IpcMainInvokeEvent,
  type MenuItemConstructorOptions,
  type OpenDialogOptions,
  type SaveDialogOptions,
  type WebContents,
} from 'electron';
import { join } from 'node:path';
import type { ErrorPayload } from '../core/errors';
import { handleAppScheme, registerAppScheme } from './app-protocol';
import type { BridgeResult } from './bridge-types';
import { APP_ORIGIN, CHANNEL_DIALOG, CHANNEL_INVOKE, DIALOG_KINDS, MAX_INPUT_CHARS, PROCEDURE_NAME, type DialogKind } from './channels';
import { CoreHost, errorEnvelope } from './core-host';
import type { StartupProblem } from './core-protocol';

const APP_TITLE = 'Картотека';
const SHUTDOWN_TIMEOUT_MS = 10_000;

// userData = <appData>/Kartoteka in development and when packaged, the folder that
// core/workspace/locations.ts (and so the CLI) uses too. KARTOTEKA_DATA_DIR moves
// it (tests use a temp dir).
app.setName('Kartoteka');
if (process.env.KARTOTEKA_DATA_DIR) app.setPath('userData', process.env.KARTOTEKA_DATA_DIR);
app.enableSandbox();
registerAppScheme();

const paths = (() => {
  const appRoot = app.getAppPath(); // the repo root in development, resources/app.asar when packaged
  const packaged = app.isPackaged;
  return {
    renderer: join(appRoot, 'dist-renderer'),
    preload: join(__dirname, 'preload.cjs'),
    coreProcess: join(__dirname, 'core-process.cjs'),
    migrations: process.env.KARTOTEKA_MIGRATIONS ?? (packaged ? join(process.resourcesPath, 'migrations') : join(appRoot, 'migrations')),
    sqliteBinding:
      process.env.KARTOTEKA_SQLITE_BINDING ??
      (packaged ? join(process.resourcesPath, 'native', 'better_sqlite3.node') : join(appRoot, 'native', 'electron', 'better_sqlite3.node')),
  };
})();

let mainWindow: BrowserWindow | null = null;
let core: CoreHost;
let quitState: 'running' | 'closing' | 'done' = 'running';

// --- messages for the user -------------------------------------------------------------

function describeError(error: ErrorPayload): string {
  const path = String(error.params.path ?? '');
  switch (error.code) {
    case 'workspace.not_found':
      return `Файл не найден: ${path}`;
    case 'workspace.exists':
      return `Файл уже существует: ${path}. Выберите другое имя.`;
    case 'workspace.damaged':
      return `Файл повреждён или не является базой Картотеки: ${path}`;
    case 'validation':
      return 'Выберите файл с расширением .kdb.';
    default:
      return error.message;
  }
}

function showMessage(type: 'error' | 'warning' | 'info', message: string, detail: string): Promise<unknown> {
  const options = { type, title: APP_TITLE, message, detail, buttons: ['OK'] };
  return mainWindow && !mainWindow.isDestroyed() ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options);
}

function reportStartupProblems(workspace: string | null, problems: StartupProblem[]): void {
  if (problems.length === 0) return;
  const lines = problems.map((p) =>
    p.error === 'missing' ? `База не найдена: ${p.path}` : `Не удалось открыть ${p.path}:\n${describeError(p.error)}`,
  );
  lines.push(
    workspace
      ? `Открыта база: ${workspace}. Другую базу можно открыть в меню «Файл».`
      : 'Ни одну базу открыть не удалось. Откройте или создайте базу в меню «Файл».',
  );
  void showMessage('warning', 'Последняя база не открылась', lines.join('\n\n'));
}

function fatal(message: string): void {
  console.error(`[main] ${message}`);
  dialog.showErrorBox('Картотека не может запуститься', `${message}\n\nKartoteka cannot start.`);
  app.quit();
}

// --- security: every web contents ----------------------------------------------------------

function isAppUrl(url: string): boolean {
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

function harden(contents: WebContents): void {
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

function lockDownSession(): void {
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

/** The sender must be our window's top frame showing an app:// page. */
function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  if (!mainWindow || mainWindow.isDestroyed() || event.sender !== mainWindow.webContents) return false;
  return isAppUrl(frame.url);
}

// --- dialogs ---------------------------------------------------------------------------

const KDB_FILTERS = [{ name: 'База Картотеки (*.kdb)', extensions: ['kdb'] }];

/** SQLite over a network share corrupts files; warn before using a UNC path. */
async function confirmLocalPath(path: string): Promise<boolean> {
  if (!/^(\\\\|\/\/)/.test(path)) return true;
  const options = {
    type: 'warning' as const,
    title: APP_TITLE,
    message: 'База на сетевой папке',
    detail:
      'Файл базы лежит на другом компьютере. Работа с базой по сети может её повредить. ' +
      'Держите базу на этом компьютере, а коллегам откройте доступ через браузерный режим.',
    buttons: ['Отмена', 'Всё равно использовать'],
    defaultId: 0,
    cancelId: 0,
  };
  const r = mainWindow ? await dialog.showMessageBox(mainWindow, options) : await dialog.showMessageBox(options);
  return r.response === 1;
}

async function pickWorkspace(kind: DialogKind): Promise<string | null> {
  const parent = mainWindow && !mainWindow.isDestroyed() ? mainWindow : null;
  let path: string | null;
  if (kind === 'openWorkspace') {
    const options: OpenDialogOptions = { title: 'Открыть базу', filters: KDB_FILTERS, properties: ['openFile'] };
    const r = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
    path = r.canceled ? null : (r.filePaths[0] ?? null);
  } else {
    const options: SaveDialogOptions = {
      title: 'Создать базу',
      buttonLabel: 'Создать',
      defaultPath: join(app.getPath('documents'), 'Картотека.kdb'),
      filters: KDB_FILTERS,
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    };
    const r = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
    path = r.canceled || !r.filePath ? null : r.filePath;
    if (path && !/\.kdb$/i.test(path)) path += '.kdb';
  }
  if (path && !(await confirmLocalPath(path))) return null;
  return path;
}

/** Menu "File > Open/Create": the main process switches the workspace, then reloads the page. */
async function switchWorkspace(kind: DialogKind): Promise<void> {
  const path = await pickWorkspace(kind);
  if (!path) return;
  const name = kind === 'openWorkspace' ? 'workspace.open' : 'workspace.create';
  const reply = JSON.parse(await core.invoke(name, JSON.stringify({ path }))) as BridgeResult;
  if (reply.ok) mainWindow?.webContents.reload();
  else void showMessage('error', kind === 'openWorkspace' ? 'Не удалось открыть базу' : 'Не удалось создать базу', describeError(reply.error));
}

async function showWorkspaceFolder(): Promise<void> {
  const reply = JSON.parse(await core.invoke('workspace.info', '{}')) as BridgeResult;
  const path = reply.ok ? (reply.result as { path?: unknown }).path : undefined;
  if (typeof path === 'string') shell.showItemInFolder(path);
  else void showMessage('info', 'База не открыта', 'Откройте или создайте базу в меню «Файл».');
}

// --- IPC -------------------------------------------------------------------------------

function registerIpc(): void {
  ipcMain.handle(CHANNEL_INVOKE, async (event, name: unknown, input: unknown): Promise<string> => {
    if (!isTrustedSender(event)) return errorEnvelope({ code: 'forbidden', message: 'This page may not call the core' });
    if (typeof name !== 'string' || !PROCEDURE_NAME.test(name)) {
      const shown = String(name).slice(0, 100);
      return errorEnvelope({ code: 'unknown_procedure', message: `Unknown procedure: ${shown}`, params: { name: shown } });
    }
    if (typeof input !== 'string') return errorEnvelope({ code: 'bad_request', message: 'The input must be JSON text' });
    if (input.length > MAX_INPUT_CHARS) return errorEnvelope({ code: 'bad_request', message: 'Request too large' });
    return core.invoke(name, input);
  });

  ipcMain.handle(CHANNEL_DIALOG, async (event, kind: unknown): Promise<string | null> => {
    if (!isTrustedSender(event)) throw new Error('This page may not open dialogs');
    if (typeof kind !== 'string' || !(DIALOG_KINDS as readonly string[]).includes(kind)) throw new Error('Unknown dialog');
    return pickWorkspace(kind as DialogKind);
  });
}

// --- window and menu -------------------------------------------------------------------------

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: APP_TITLE,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: paths.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: true,
      devTools: !app.isPackaged,
    },
  });
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  void win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}

function buildMenu(): Menu {
  const isMac = process.platform === 'darwin';
  const dev = !app.isPackaged;
  const template: MenuItemConstructorOptions[] = [
    ...(isMac
      ? [
          {
            label: APP_TITLE,
            submenu: [
              { role: 'about', label: 'О программе' },
              { type: 'separator' },
              { role: 'hide', label: 'Скрыть Картотеку' },
              { role: 'hideOthers', label: 'Скрыть остальные' },
              { type: 'separator' },
              { role: 'quit', label: 'Завершить Картотеку' },
            ],
          } satisfies MenuItemConstructorOptions,
        ]
      : []),
    {
      label: 'Файл',
      submenu: [
        { label: 'Открыть базу…', accelerator: 'CmdOrCtrl+O', click: () => void switchWorkspace('openWorkspace') },
        { label: 'Создать базу…', accelerator: 'CmdOrCtrl+Shift+N', click: () => void switchWorkspace('createWorkspace') },
        { type: 'separator' },
        { label: 'Показать файл базы в папке', click: () => void showWorkspaceFolder() },
        { type: 'separator' },
        isMac ? { role: 'close', label: 'Закрыть окно' } : { role: 'quit', label: 'Выход' },
      ],
    },
    {
      label: 'Правка',
      submenu: [
        { role: 'undo', label: 'Отменить' },
        { role: 'redo', label: 'Повторить' },
        { type: 'separator' },
        { role: 'cut', label: 'Вырезать' },
        { role: 'copy', label: 'Копировать' },
        { role: 'paste', label: 'Вставить' },
        { role: 'selectAll', label: 'Выделить всё' },
      ],
    },
    {
      label: 'Вид',
      submenu: [
        ...(dev
          ? ([
              { role: 'reload', label: 'Перезагрузить' },
              { role: 'toggleDevTools', label: 'Инструменты разработчика' },
              { type: 'separator' },
            ] satisfies MenuItemConstructorOptions[])
          : []),
        { role: 'resetZoom', label: 'Обычный масштаб' },
        { role: 'zoomIn', label: 'Крупнее' },
        { role: 'zoomOut', label: 'Мельче' },
        { type: 'separator' },
        { role: 'togglefullscreen', label: 'Во весь экран' },
      ],
    },
    {
      label: 'Справка',
      submenu: [
        {
          label: 'О программе',
          click: () =>
            void showMessage('info', `Картотека ${app.getVersion()}`, `CRM для небольших агентств. Работает без интернета.\nElectron ${process.versions.electron}`),
        },
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}

// --- lifecycle ---------------------------------------------------------------------------

function start(): void {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => harden(contents));

  core = new CoreHost({
    modulePath: paths.coreProcess,
    env: {
      KARTOTEKA_SQLITE_BINDING: paths.sqliteBinding,
      KARTOTEKA_MIGRATIONS: paths.migrations,
      KARTOTEKA_DATA_DIR: app.getPath('userData'),
    },
    onReady: reportStartupProblems,
    onFatal: fatal,
  });

  // Clean shutdown: the core checkpoints the WAL and closes the file before we exit.
  app.on('before-quit', (event) => {
    if (quitState === 'done') return;
    event.preventDefault();
    if (quitState === 'closing') return;
    quitState = 'closing';
    void core.shutdown(SHUTDOWN_TIMEOUT_MS).finally(() => {
      quitState = 'done';
      app.quit();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.whenReady().then(
    () => {
      lockDownSession();
      handleAppScheme(paths.renderer);
      registerIpc();
      Menu.setApplicationMenu(buildMenu());
      core.start(); // opens the workspace while the window loads
      mainWindow = createWindow();
      app.on('activate', () => {
        if (!mainWindow && quitState === 'running') mainWindow = createWindow();
      });
    },
    (e: unknown) => fatal(e instanceof Error ? e.message : String(e)),
  );
}

// One window per user: a second launch focuses the first (and never opens the same
// workspace file from two app instances).
if (app.requestSingleInstanceLock()) start();
else app.quit();
