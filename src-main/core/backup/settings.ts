import { z } from 'zod';
import { isAbsolute } from 'node:path';
import type { Session } from '../workspace/session';
import { DEFAULT_RETENTION } from './retention';

// Kept in the workspace's meta table, so they travel with the file (and with its
// backups) and every door sees the same schedule.

export const backupSettingsSchema = z.object({
  /** Minutes between automatic backups while the workspace is open; 0 turns them off. */
  intervalMinutes: z.number().int().min(0).max(7 * 24 * 60),
  onClose: z.boolean(),
  keepAllHours: z.number().int().min(0).max(24 * 30),
  dailyDays: z.number().int().min(0).max(3660),
  monthlyMonths: z.number().int().min(0).max(1200),
  /** A second folder (USB stick, network share, synced cloud folder) receiving a copy of each backup. */
  secondDir: z
    .string()
    .trim()
    .max(1000)
    .nullable()
    .transform((v) => v || null)
    .refine((v) => v === null || isAbsolute(v), 'backup.dir_absolute'),
  /** Hours after which the app warns that the last verified backup is too old. */
  warnAfterHours: z.number().int().min(1).max(24 * 365),
});

export type BackupSettings = z.output<typeof backupSettingsSchema>;

export const DEFAULT_BACKUP_SETTINGS: BackupSettings = {
  intervalMinutes: 60,
  onClose: true,
  ...DEFAULT_RETENTION,
  secondDir: null,
  warnAfterHours: 48,
};

const KEY = 'backup.settings';

export function readBackupSettings(session: Session): BackupSettings {
  const raw = session.getMeta(KEY);
  if (!raw) return DEFAULT_BACKUP_SETTINGS;
  try {
    const parsed = backupSettingsSchema.safeParse({ ...DEFAULT_BACKUP_SETTINGS, ...(JSON.parse(raw) as object) });
    return parsed.success ? parsed.data : DEFAULT_BACKUP_SETTINGS;
  } catch {
    return DEFAULT_BACKUP_SETTINGS;
  }
}

export function writeBackupSettings(session: Session, settings: BackupSettings): void {
  session.setMeta(KEY, JSON.stringify(settings));
}
