// Types only: messages between the main process and the core utility process.
// Inputs and results cross as JSON strings, so the desktop door serialises exactly
// as the HTTP door does and the main process never walks large result objects.

import type { ErrorPayload } from '../core/errors';

export type MainToCore =
  | { type: 'invoke'; id: number; name: string; input: string }
  | { type: 'shutdown' };

export interface StartupProblem {
  path: string;
  /** 'missing' when the file is gone (for example an unplugged USB drive). */
  error: ErrorPayload | 'missing';
}

export type CoreToMain =
  /** body: the JSON envelope { ok, result } | { ok: false, error }. */
  | { type: 'reply'; id: number; body: string }
  /** Sent once after start: the workspace that is open (null if none could be opened). */
  | { type: 'ready'; workspace: string | null; problems: StartupProblem[] }
  /** The core cannot run at all (for example the native addon is missing); it exits next. */
  | { type: 'fatal'; message: string }
  /** Answer to 'shutdown': the workspace is checkpointed and closed; the process exits next. */
  | { type: 'closed' };
