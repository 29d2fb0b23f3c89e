/**
 * Who is calling, as the door established it. Doors say only this; what the caller
 * may do is decided by `invoke` from the procedure's declared needs.
 */
export interface Caller {
  door: 'electron' | 'http' | 'cli' | 'internal';
  /** The call comes from this PC: the desktop window, the CLI, a browser on 127.0.0.1. */
  local: boolean;
  /** The remote address of an HTTP call. */
  address?: string;
  /** The operating-system account running the CLI. */
  osUser?: string;
  /**
   * The signed-in user, once the door has checked the caller's sign-in (core/auth): the
   * HTTP session cookie, the desktop window's sign-in. Absent: the workspace owner acts
   * (CLI, internal calls, a workspace where nobody has a password).
   */
  userId?: string;
  /**
   * Where the door keeps the caller's sign-in: the token presented with the call, and
   * where `auth.login` / `auth.logout` leave the new one (the HTTP door turns it into
   * the cookie; the desktop core keeps it for its window). Never returned in a result.
   */
  signIn?: SignInHolder;
  /**
   * The desktop window's paths: those the user chose in the main process's native
   * dialogs, by token (`ChosenPaths` in chosen-paths.ts). The window sends tokens, never
   * paths; `invoke` resolves them (see resolveChosenPaths).
   */
  chosenPaths?: { resolve(token: string, purpose: string): string | null };
}

/** In-process calls of the core itself and of tests: this PC, no door. */
export const INTERNAL_CALLER: Caller = Object.freeze({ door: 'internal', local: true });

export interface SignInHolder {
  token: string | null;
  keep(token: string | null): void;
}
