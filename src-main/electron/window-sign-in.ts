import type { Caller, ChosenPaths } from '../core/procedures';
import type { Session } from '../core/workspace/session';
import { sessionUser } from '../core/auth/sessions';

// Plain Node (no Electron import): runs in the core utility process and in tests.

/**
 * The desktop window is on this PC. Who is signed in to it is its sign-in token, kept
 * here in the core's memory only (never sent to the page, gone when the app quits);
 * it is checked at every call, so a deactivation or password change elsewhere signs
 * the window out at once. Its paths come as tokens of the main process's dialogs
 * (core/procedures/chosen-paths.ts).
 */
export class WindowSignIn {
  private token: string | null = null;

  constructor(private readonly chosenPaths: ChosenPaths) {}

  caller(session: Session): Caller {
    const userId = sessionUser(session, this.token)?.id;
    return {
      door: 'electron',
      local: true,
      chosenPaths: this.chosenPaths,
      ...(userId ? { userId } : {}),
      signIn: { token: this.token, keep: (t) => void (this.token = t) },
    };
  }
}
