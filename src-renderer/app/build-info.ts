import { isUpdateDue } from '../../src-main/shared/release-age';

// Baked in at build time by vite.config.ts: the version from package.json and the
// moment the renderer was built (the installer ships this very build).
declare const __KARTOTEKA_VERSION__: string;
declare const __KARTOTEKA_BUILT_AT__: string;

export const BUILD = { version: __KARTOTEKA_VERSION__, builtAt: __KARTOTEKA_BUILT_AT__ };

/** Whether to tell the user a new version is due (release-age.ts), by this computer's clock. */
export function updateDue(now: Date = new Date()): boolean {
  return isUpdateDue(BUILD.builtAt, now);
}
