import { z } from 'zod';
import type { Session } from '../workspace/session';

// Sign-in settings of the workspace, in its meta table (every door sees one copy).

export const authSettingsSchema = z.object({
  /** A sign-in unused this long ends (browser and desktop alike). */
  sessionIdleHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 30),
  /** The window returns to the sign-in screen after this many idle minutes; null: never. */
  lockAfterMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .nullable(),
});
export type AuthSettings = z.output<typeof authSettingsSchema>;

export const DEFAULT_AUTH_SETTINGS: AuthSettings = { sessionIdleHours: 8, lockAfterMinutes: null };

const KEY = 'auth.settings';

export function readAuthSettings(s: Session): AuthSettings {
  const raw = s.getMeta(KEY);
  if (!raw) return DEFAULT_AUTH_SETTINGS;
  try {
    const parsed = authSettingsSchema.safeParse({ ...DEFAULT_AUTH_SETTINGS, ...(JSON.parse(raw) as object) });
    return parsed.success ? parsed.data : DEFAULT_AUTH_SETTINGS;
  } catch {
    return DEFAULT_AUTH_SETTINGS;
  }
}

export function writeAuthSettings(s: Session, settings: AuthSettings): AuthSettings {
  s.setMeta(KEY, JSON.stringify(settings));
  return settings;
}
