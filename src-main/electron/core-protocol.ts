// Types only: messages between the main process and the core utility process.
// Inputs and results cross as JSON strings, so the desktop door serialises exactly
// as the HTTP door does and the main process never walks large result objects.

import type { ErrorPayload } from '../core/errors';
import type { PathPurpose } from '../core/procedures';

export type MainToCore =
  | { type: 'invoke'; id: number; name: string; input: string }
  /**
   * A path the user chose in a native dialog of the main process; answered by a 'reply'
   * whose body is { ok: true, result: { token } }. Only the main process sends this: the
   * page's one channel carries 'invoke' messages only.
   */
  | { type: 'grant'; id: number; purpose: PathPurpose; path: string }
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
