import { randomBytes } from 'node:crypto';
import { isAbsolute } from 'node:path';
import { AppError } from '../errors';
import type { Session } from '../workspace/session';
import type { Caller } from './caller';

// Paths on this PC (a workspace file, a backup folder, a file to import or to write)
// are the one kind of input a page must not be able to make up: a hijacked page that
// could name a path could point the second backup folder at a share and copy out the
// whole base. The desktop app's page therefore never sends a path. Its main process
// shows the native dialog, registers the path the user chose here (over the channel
// between main and core, which the page cannot reach) and hands the page an opaque
// token; the procedure receives the token and `invoke` turns it back into the path
// before validating the input. The CLI and a browser on this PC (browser mode is local
// only for these procedures) keep sending paths as text.

/** What a chosen path is for: a token chosen for one purpose is refused for another. */
export const PATH_PURPOSES = ['workspace.open', 'workspace.create', 'backup.folder', 'backup.file', 'import.file', 'export.file'] as const;
export type PathPurpose = (typeof PATH_PURPOSES)[number];

export function isPathPurpose(value: unknown): value is PathPurpose {
  return typeof value === 'string' && (PATH_PURPOSES as readonly string[]).includes(value);
}

/** A path input of a procedure: what it is for, and the value already in effect that may be sent back unchanged. */
export interface PathField {
  purpose: PathPurpose;
  /** A setting shown and saved again as it is (the second backup folder): not a new choice. */
  current?: (session: Session) => string | null;
}

/** Tokens kept at once; the oldest goes first. A dialog makes one, so this is hours of use. */
const MAX_TOKENS = 64;
const TOKEN_PREFIX = 'chosen:';

/** Paths the user chose in the desktop app's native dialogs, each behind a random token. */
export class ChosenPaths {
  private readonly tokens = new Map<string, { path: string; purpose: PathPurpose }>();

  /** Registers a path the user chose for `purpose`; only the main process calls this. */
  grant(purpose: PathPurpose, path: string): string {
    if (!isAbsolute(path)) throw new AppError('validation', 'A chosen path must be absolute', { path });
    const token = TOKEN_PREFIX + randomBytes(16).toString('hex');
    this.tokens.set(token, { path, purpose });
    while (this.tokens.size > MAX_TOKENS) this.tokens.delete(this.tokens.keys().next().value!);
    return token;
  }

  /** The path behind `token` if it was chosen for `purpose`, else null. */
  resolve(token: string, purpose: PathPurpose): string | null {
    const chosen = this.tokens.get(token);
    return chosen && chosen.purpose === purpose ? chosen.path : null;
  }
}

/** Callers whose paths must have been chosen in the door's own native dialog: the desktop window. */
export function needsChosenPaths(caller: Caller): boolean {
  return caller.door === 'electron';
}

/**
 * The one place where path inputs are taken from a caller: for the desktop window,
 * each declared path field must hold a token of a path chosen for that purpose (or,
 * for a setting, the value already saved), and is replaced by that path; any other
 * text is refused. Other callers' input passes unchanged. Runs before the schema, so
 * a resolved path is validated like a typed one (absolute, .kdb…).
 */
export function resolveChosenPaths(name: string, fields: Readonly<Record<string, PathField>>, rawInput: unknown, caller: Caller, session: Session): unknown {
  if (!needsChosenPaths(caller) || rawInput === null || typeof rawInput !== 'object' || Array.isArray(rawInput)) return rawInput;
  const input = { ...(rawInput as Record<string, unknown>) };
  for (const [field, spec] of Object.entries(fields)) {
    const value = input[field];
    // Nothing chosen (no folder, "clear the second folder"): the schema decides.
    if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) continue;
    const chosen = typeof value === 'string' ? caller.chosenPaths?.resolve(value, spec.purpose) : null;
    if (chosen) {
      input[field] = chosen;
      continue;
    }
    if (typeof value === 'string' && spec.current && value === spec.current(session)) continue;
    throw new AppError('path.not_chosen', `${name}: "${field}" must be chosen in the app's own dialog`, { procedure: name, field });
  }
  return input;
}
