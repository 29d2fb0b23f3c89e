import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

// ASAR integrity validation (electron-builder.yml: electronFuses) makes Electron refuse
// an app.asar that differs from the hash signed into the executable. The SQLite addon
// cannot live in the archive (native code is loaded from a real file), so it sits in
// resources/native/ outside that check. Its SHA-256 is therefore baked into main.cjs,
// which is inside the archive: a changed addon stops the app at start instead of
// loading. scripts/build-main.mjs defines the value from native/electron/build-info.json
// and scripts/check-native.cjs refuses to pack when they differ.

declare const __KARTOTEKA_ADDON_SHA256__: string | undefined;

/** The addon's SHA-256 this build was made with; '' when built without one (a checkout before electron-native ran). */
export const PINNED_ADDON_SHA256: string = typeof __KARTOTEKA_ADDON_SHA256__ === 'string' ? __KARTOTEKA_ADDON_SHA256__ : '';

export function sha256File(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** Why the addon at `file` must not be loaded by an installed app, or null when it is the one shipped. */
export function addonProblem(file: string, pinned: string): string | null {
  if (!/^[0-9a-f]{64}$/.test(pinned)) return 'This build carries no checksum of its SQLite addon: build installers with npm run dist.';
  let actual: string;
  try {
    actual = sha256File(file);
  } catch (e) {
    return `The SQLite addon cannot be read: ${file} (${e instanceof Error ? e.message : String(e)}). Reinstall Kartoteka.`;
  }
  return actual === pinned ? null : `The SQLite addon is not the one this version was shipped with: ${file}. Reinstall Kartoteka.`;
}
