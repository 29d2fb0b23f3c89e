// The Electron door: windows, menus, native dialogs, the app:// protocol and the
// IPC bridge. The core itself runs in a utility process (core-process.ts); this
// process only routes JSON between the renderer and the core, so menus and windows
// stay responsive while a long query runs.

import { app, BrowserWindow, dialog, ipcMain, Menu, shell } from 'electron';
import { join } from 'node:path';
import type { ErrorPayload } from '../core/errors';
import { handleAppScheme, registerAppScheme } from './app-protocol';
import { harden, lockDownSession } from './hardening';
import { registerNotifications } from './notifications';
import { isTrustedSender } from './senders';
import type { BridgeResult, ChosenPath } from './bridge-types';
import {
  APP_ORIGIN,
  CHANNEL_DIALOG,
  CHANNEL_INVOKE,
  CHANNEL_LANGUAGE,
  DIALOG_KINDS,
  isUiLanguage,
  MAX_INPUT_CHARS,
  PROCEDURE_NAME,
  type DialogKind,
  type UiLanguage,
} from './channels';
import { CoreHost, failureBody } from './core-host';
import type { StartupProblem } from './core-protocol';
import { choosePath, DIALOG_PURPOSE } from './dialogs';
import { aboutText, buildMenu } from './menu';
import { coreEnvironment, desktopPaths } from './desktop-paths';
import { addonProblem, PINNED_ADDON_SHA256 } from './addon-pin';
import { fmt, isKnownErrorCode, languageForLocale, STRINGS, type Strings } from '../shared/i18n/desktop';

// The core takes the backup on close before it closes the file (tens of seconds for a
// very large workspace). Stopping it past this is safe: backups are written under
// temporary names, and the hourly backup already covers most of the session.
const SHUTDOWN_TIMEOUT_MS = 60_000;

// userData = <appData>/Kartoteka in development and when packaged, the folder that
// core/workspace/locations.ts (and so the CLI) uses too. --data-dir=<folder> moves it;
// so does KARTOTEKA_DATA_DIR, in a checkout only (desktop-paths.ts).
app.setName('Kartoteka');
const paths = desktopPaths({
  packaged: app.isPackaged,
  env: process.env,
  argv: process.argv,
  appRoot: app.getAppPath(), // the repo root in development, resources/app.asar when packaged
  resourcesPath: process.resourcesPath,
  cwd: process.cwd(),
});
if (paths.dataDir) app.setPath('userData', paths.dataDir);
app.enableSandbox();
registerAppScheme();

const files = {
  renderer: join(app.getAppPath(), 'dist-renderer'),
  preload: join(__dirname, 'preload.cjs'),
  coreProcess: join(__dirname, 'core-process.cjs'),
};

let mainWindow: BrowserWindow | null = null;
let core: CoreHost;
let quitState: 'running' | 'closing' | 'done' = 'running';

// --- language ----------------------------------------------------------------------------

/** The language the renderer reported (window.kartoteka.setLanguage); null until it does. */
let chosenLanguage: UiLanguage | null = null;

/** Menus and dialogs follow the UI; before the renderer speaks, English only for an English system locale. */
function uiLanguage(): UiLanguage {
  if (chosenLanguage) return chosenLanguage;
  return app.isReady() ? languageForLocale(app.getLocale()) : 'ru';
}

/** The dictionary of the current language (strings.ts). */
function tr(): Strings {
  return STRINGS[uiLanguage()];
}

// --- messages for the user -------------------------------------------------------------

/** A core error in the user's language; the core's own (English) message only ever as a secondary detail line. */
function describeError(error: ErrorPayload): string {
  const texts = tr().errors;
  const params = error.params ?? {};
  const detailLine = (detail: unknown): string =>
    detail === undefined || detail === null || String(detail) === '' ? '' : `\n${fmt(texts.detail, { detail: String(detail) })}`;
  if (error.code === 'validation') {
    // The workspace procedures validate only the path; its refinements carry these codes.
    const issue = (error.issues ?? []).find((i) => i.code === 'workspace.path_absolute' || i.code === 'workspace.path_extension');
    return issue ? texts[issue.code as 'workspace.path_absolute' | 'workspace.path_extension'] : texts.validation;
  }
  if (!isKnownErrorCode(error.code)) return fmt(texts.generic, { code: error.code }) + detailLine(error.message);
  const text = fmt(texts[error.code], { path: String(params.path ?? '') });
  if (error.code === 'workspace.migration_failed') return text + detailLine(params.detail);
  if (error.code === 'internal') return text + detailLine(error.message);
  return text;
}

function showMessage(type: 'error' | 'warning' | 'info', message: string, detail: string): Promise<unknown> {
  const t = tr();
  const options = { type, title: t.appTitle, message, detail, buttons: [t.ok] };
  return mainWindow && !mainWindow.isDestroyed() ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options);
}

function reportStartupProblems(workspace: string | null, problems: StartupProblem[]): void {
  if (problems.length === 0) return;
  const t = tr().startup;
  const lines = problems.map((p) =>
    p.error === 'missing' ? fmt(t.missing, { path: p.path }) : fmt(t.cannotOpen, { path: p.path, reason: describeError(p.error) }),
  );
  lines.push(workspace ? fmt(t.opened, { path: workspace }) : t.noneOpened);
  void showMessage('warning', t.title, lines.join('\n\n'));
}

function fatal(message: string): void {
  console.error(`[main] ${message}`);
  const t = tr().fatal;
  // The message comes from the core host (English, technical): shown as the details.
  dialog.showErrorBox(t.title, fmt(t.body, { detail: message }));
  app.quit();
}

// --- dialogs ---------------------------------------------------------------------------

function parentWindow(): BrowserWindow | null {
  return mainWindow && !mainWindow.isDestroyed() ? mainWindow : null;
}

/** A native dialog; the chosen path is registered with the core, and only its token goes to the page. */
async function chooseForPage(kind: DialogKind): Promise<ChosenPath | null> {
  const path = await choosePath(kind, parentWindow(), tr());
  if (!path) return null;
  const token = await core.grantPath(DIALOG_PURPOSE[kind], path);
  return token ? { token, path } : null;
}

/** Menu "File > Open/Create": the main process switches the workspace, then reloads the page. */
async function switchWorkspace(kind: DialogKind): Promise<void> {
  const chosen = await chooseForPage(kind);
  if (!chosen) return;
  const name = kind === 'openWorkspace' ? 'workspace.open' : 'workspace.create';
  const reply = JSON.parse(await core.invoke(name, JSON.stringify({ path: chosen.token }))) as BridgeResult;
  if (reply.ok) mainWindow?.webContents.reload();
  else void showMessage('error', kind === 'openWorkspace' ? tr().dialogs.openFailed : tr().dialogs.createFailed, describeError(reply.error));
}

async function showWorkspaceFolder(): Promise<void> {
  const reply = JSON.parse(await core.invoke('workspace.info', '{}')) as BridgeResult;
  const path = reply.ok ? (reply.result as { path?: unknown }).path : undefined;
  if (typeof path === 'string') shell.showItemInFolder(path);
  else void showMessage('info', tr().dialogs.noWorkspaceTitle, tr().dialogs.noWorkspaceDetail);
}

// --- IPC -------------------------------------------------------------------------------

/** Every channel answers only our window's top frame on an app:// page (senders.ts). */
const trusted = (event: Parameters<typeof isTrustedSender>[0]): boolean => isTrustedSender(event, mainWindow);

function registerIpc(): void {
  ipcMain.handle(CHANNEL_INVOKE, async (event, name: unknown, input: unknown): Promise<string> => {
    if (!trusted(event)) return failureBody('forbidden', 'This page may not call the core');
    if (typeof name !== 'string' || !PROCEDURE_NAME.test(name)) {
      const shown = String(name).slice(0, 100);
      return failureBody('unknown_procedure', `Unknown procedure: ${shown}`, { name: shown });
    }
    if (typeof input !== 'string') return failureBody('bad_request', 'The input must be JSON text');
    if (input.length > MAX_INPUT_CHARS) return failureBody('bad_request', 'Request too large');
    return core.invoke(name, input);
  });

  ipcMain.handle(CHANNEL_DIALOG, async (event, kind: unknown): Promise<ChosenPath | null> => {
    if (!trusted(event)) throw new Error('This page may not open dialogs');
    if (typeof kind !== 'string' || !(DIALOG_KINDS as readonly string[]).includes(kind)) throw new Error('Unknown dialog');
    return chooseForPage(kind as DialogKind);
  });

  // One-way: the renderer reports the UI language at start and whenever the user changes it.
  ipcMain.on(CHANNEL_LANGUAGE, (event, lang: unknown) => {
    if (!trusted(event) || !isUiLanguage(lang)) return;
    const before = uiLanguage();
    chosenLanguage = lang;
    if (lang !== before) setMenu();
  });

  registerNotifications(trusted, () => mainWindow);
}

// --- window and menu -------------------------------------------------------------------------

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: tr().appTitle,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: files.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      // Chromium's spell checker downloads its dictionaries from Google: an offline
      // app makes no request by itself (the session refuses any, hardening.ts).
      spellcheck: false,
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

function setMenu(): void {
  Menu.setApplicationMenu(
    buildMenu(tr(), {
      switchWorkspace: (kind) => void switchWorkspace(kind),
      showWorkspaceFolder: () => void showWorkspaceFolder(),
      about: () => {
        const { title, detail } = aboutText(tr());
        void showMessage('info', title, detail);
      },
    }),
  );
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
    modulePath: files.coreProcess,
    env: coreEnvironment(app.isPackaged, process.env, {
      KARTOTEKA_SQLITE_BINDING: paths.sqliteBinding,
      KARTOTEKA_MIGRATIONS: paths.migrations,
      KARTOTEKA_DATA_DIR: app.getPath('userData'),
    }),
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
      handleAppScheme(files.renderer, () => tr().uiNotBuilt);
      registerIpc();
      setMenu();
      // An installed app loads only the addon it was shipped with (addon-pin.ts).
      const problem = app.isPackaged ? addonProblem(paths.sqliteBinding, PINNED_ADDON_SHA256) : null;
      if (problem) return fatal(problem);
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
