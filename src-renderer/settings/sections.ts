/**
 * Settings sections, each its own page at `#/settings/<section>`, so a link from
 * elsewhere (the backup badge, the deals page) lands on the section it is about.
 * The first is where plain `#/settings` goes.
 */
export const SETTINGS_SECTIONS = ['workspace', 'backups', 'language', 'users', 'tags', 'fields', 'pipelines', 'task-types', 'receivables', 'access', 'audit', 'about'] as const;
export type SettingsSection = (typeof SETTINGS_SECTIONS)[number];

export function isSettingsSection(s: string | undefined): s is SettingsSection {
  return (SETTINGS_SECTIONS as readonly string[]).includes(s ?? '');
}
