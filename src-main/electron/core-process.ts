// The core's home in the desktop app: an Electron utility process (plain Node, no
// Electron APIs apart from process.parentPort). better-sqlite3 is synchronous, so a
// long query here never freezes the main process's windows and menus.
//
// Environment (set by main.ts):
//   KARTOTEKA_SQLITE_BINDING  path of the Electron-ABI better_sqlite3.node
//   KARTOTEKA_MIGRATIONS      migrations folder (read by core/db/paths.ts)
//   KARTOTEKA_DATA_DIR        per-user data folder (Electron's userData)
//
// Under plain Node (child_process.fork, used by a smoke test) the same file talks
// over process.send and uses better-sqlite3's own Node-ABI build when
// KARTOTEKA_SQLITE_BINDING is unset.

import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { openSqlite, setNativeBinding } from '../core/db/driver';
import { ChosenPaths, invoke, isPathPurpose, type Caller } from '../core/procedures';
import { errorEnvelope, toErrorPayload } from '../core/errors';
import { failure, success } from '../shared/envelope';
import { Session } from '../core/workspace/session';
import { defaultDataDir, defaultWorkspacePath } from '../core/workspace/locations';
import { enableAutoBackups } from '../core/backup/scheduler';
import { WindowSignIn } from './window-sign-in';
import type { CoreToMain, MainToCore, StartupProblem } from './core-protocol';

interface Transport {
  onMessage(listener: (message: unknown) => void): void;
  send(message: CoreToMain): void;
}

interface ParentPortLike {
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
  postMessage(message: unknown): void;
}

function connect(): Transport | null {
  const parentPort = (process as unknown as { parentPort?: ParentPortLike }).parentPort;
  if (parentPort) {
    return {
      onMessage: (listener) => void parentPort.on('message', (e) => listener(e.data)),
      send: (message) => parentPort.postMessage(message),
    };
  }
  if (typeof process.send === 'function') {
    return {
      onMessage: (listener) => void process.on('message', listener),
      send: (message) => void process.send?.(message),
    };
  }
  return null;
}

// --- last used workspace, remembered in the data folder -------------------------

const STATE_FILE = 'kartoteka-state.json';

function statePath(): string {
  return join(defaultDataDir(), STATE_FILE);
}

function readLastWorkspace(): string | null {
  try {
    const state = JSON.parse(readFileSync(statePath(), 'utf8')) as { lastWorkspace?: unknown };
    return typeof state.lastWorkspace === 'string' && isAbsolute(state.lastWorkspace) ? state.lastWorkspace : null;
  } catch {
    return null;
  }
}

function rememberWorkspace(path: string): void {
  try {
    const file = statePath();
    mkdirSync(dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify({ lastWorkspace: path }, null, 2));
    renameSync(tmp, file);
  } catch (e) {
    console.error('[core] could not remember the workspace path:', e);
  }
}

// --- start ------------------------------------------------------------------------

function checkNativeAddon(): string | null {
  const binding = process.env.KARTOTEKA_SQLITE_BINDING;
  if (binding) {
    if (!existsSync(binding)) {
      return (
        `The SQLite addon built for Electron is missing: ${binding}\n` +
        'In a development checkout run "node scripts/electron-native.mjs" (needs internet for Electron headers); an installed app needs reinstalling.'
      );
    }
    setNativeBinding(binding);
  }
  try {
    openSqlite(':memory:').close();
    return null;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const hint = /NODE_MODULE_VERSION|was compiled against a different/i.test(message)
      ? '\nThe addon was built for another runtime: rebuild it with "node scripts/electron-native.mjs --force".'
      : '';
    return `The SQLite addon could not be loaded: ${message}${hint}`;
  }
}

/** Opens the last used workspace, else the default one; never throws. */
function openStartupWorkspace(session: Session): { workspace: string | null; problems: StartupProblem[] } {
  const problems: StartupProblem[] = [];
  const tryOpen = (path: string): boolean => {
    try {
      session.open(path);
      const { ms, check, why } = session.workspace.opened;
      console.log(`[core] opened ${path} in ${Math.round(ms)} ms; integrity check: ${check} (${why})`);
      return true;
    } catch (e) {
      console.error(`[core] cannot open ${path}:`, e);
      problems.push({ path, error: toErrorPayload(e) });
      return false;
    }
  };
  const last = readLastWorkspace();
  const fallback = defaultWorkspacePath();
  if (last && last !== fallback) {
    if (!existsSync(last)) problems.push({ path: last, error: 'missing' });
    else if (tryOpen(last)) return { workspace: last, problems };
  }
  if (tryOpen(fallback)) {
    // A missing or broken last workspace stays remembered (a USB drive may come back);
    // the user is warned at every start until they open or create another one.
    if (!last) rememberWorkspace(fallback);
    return { workspace: fallback, problems };
  }
  return { workspace: null, problems };
}

// --- requests -----------------------------------------------------------------------

/** Registers a path chosen in a native dialog; the reply carries its token. */
function handleGrant(chosen: ChosenPaths, purpose: unknown, path: unknown): string {
  if (!isPathPurpose(purpose) || typeof path !== 'string') return JSON.stringify(failure('bad_request', 'Malformed grant'));
  try {
    return JSON.stringify(success({ token: chosen.grant(purpose, path) }));
  } catch (e) {
    return JSON.stringify(errorEnvelope(e));
  }
}

async function handleInvoke(session: Session, caller: Caller, name: string, inputJson: string): Promise<string> {
  let input: unknown;
  try {
    input = JSON.parse(inputJson);
  } catch (e) {
    return JSON.stringify(failure('bad_request', (e as Error).message));
  }
  const before = session.isOpen ? session.workspace.path : null;
  let result: unknown;
  try {
    result = await invoke(session, name, input, caller);
  } catch (e) {
    const envelope = errorEnvelope(e);
    if (envelope.error.code === 'internal') console.error(`[core] ${name}:`, e);
    return JSON.stringify(envelope);
  }
  // Opened, created or restored into another file: that one opens at the next start.
  if (session.isOpen && session.workspace.path !== before) rememberWorkspace(session.workspace.path);
  try {
    return JSON.stringify(success(result));
  } catch (e) {
    console.error(`[core] ${name}: result is not JSON-serialisable:`, e);
    return JSON.stringify(errorEnvelope(e));
  }
}

function main(): void {
  const transport = connect();
  if (!transport) {
    console.error('core-process runs inside an Electron utility process (or a Node child_process.fork).');
    process.exit(2);
  }
  const problem = checkNativeAddon();
  if (problem) {
    console.error(`[core] ${problem}`);
    transport.send({ type: 'fatal', message: problem });
    setTimeout(() => process.exit(1), 200);
    return;
  }

  const session = new Session();
  const chosenPaths = new ChosenPaths();
  const window = new WindowSignIn(chosenPaths);
  // Hourly while in use and once at close (the close runs on 'shutdown' below).
  enableAutoBackups(session);
  let closing = false;

  // The listener is attached before the (synchronous) open below, so requests that
  // arrive early simply wait in the queue until the workspace is ready.
  transport.onMessage((raw) => {
    const message = raw as MainToCore;
    if (!message || typeof message !== 'object') return;
    if (message.type === 'invoke') {
      if (closing) {
        transport.send({ type: 'reply', id: message.id, body: JSON.stringify(failure('workspace.closed', 'The app is closing')) });
        return;
      }
      void handleInvoke(session, window.caller(session), String(message.name), String(message.input)).then((body) =>
        transport.send({ type: 'reply', id: message.id, body }),
      );
    } else if (message.type === 'grant') {
      transport.send({ type: 'reply', id: message.id, body: handleGrant(chosenPaths, message.purpose, message.path) });
    } else if (message.type === 'shutdown') {
      if (closing) return;
      closing = true;
      try {
        session.close(); // wal_checkpoint(TRUNCATE), then close
      } catch (e) {
        console.error('[core] closing the workspace failed:', e);
      }
      transport.send({ type: 'closed' });
      setTimeout(() => process.exit(0), 100);
    }
  });

  const { workspace, problems } = openStartupWorkspace(session);
  transport.send({ type: 'ready', workspace, problems });
}

main();
