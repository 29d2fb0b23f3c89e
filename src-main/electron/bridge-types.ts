// Types only: the renderer imports these with `import type`, so this file adds no
// runtime code to either side. The preload implements KartotekaBridge and exposes
// it as `window.kartoteka`.

import type { Envelope } from '../shared/envelope';
import type { UiLanguage } from './channels';

/** Same shape as the HTTP door's JSON body: { ok, result } or { ok: false, error }. */
export type BridgeResult = Envelope;

/**
 * A path the user chose in a native dialog. The page shows `path` and sends `token`
 * wherever a procedure takes a path: the desktop door refuses paths typed or made up
 * by the page (core/procedures/chosen-paths.ts).
 */
export interface ChosenPath {
  token: string;
  path: string;
}

export interface KartotekaDialogs {
  /** Native "open" dialog for a *.kdb file (for workspace.open); null if cancelled. */
  openWorkspace(): Promise<ChosenPath | null>;
  /** Native "save" dialog for a new *.kdb file (for workspace.create and backup.restoreIntoNew); null if cancelled. */
  createWorkspace(): Promise<ChosenPath | null>;
  /** Native folder dialog (for the second backup folder and backup.now's folder); null if cancelled. */
  backupFolder(): Promise<ChosenPath | null>;
}

export interface KartotekaBridge {
  /**
   * Calls a core procedure. Never rejects for core or validation errors: they come
   * back as { ok: false, error }. The input travels as JSON, exactly as over HTTP
   * (Dates become ISO strings, undefined fields disappear).
   */
  invoke(name: string, input: unknown): Promise<BridgeResult>;
  /** Present only in the desktop app. */
  dialogs?: KartotekaDialogs;
  /**
   * Tells the main process the UI language, so the menu and native dialogs follow it.
   * Fire-and-forget; anything but 'ru' or 'en' is ignored. Present only in the desktop app.
   */
  setLanguage?(lang: UiLanguage): void;
  /** Shows a desktop notification (task reminders). Fire-and-forget. Present only in the desktop app. */
  notify?(title: string, body: string): void;
}

declare global {
  interface Window {
    /** The desktop app's bridge (the preload); absent in browser mode. */
    kartoteka?: KartotekaBridge;
  }
}
