import { settingsHash } from '../../app/workspaces';

/**
 * The settings page shows one section at a time (a tab each), so a switch user
 * scans a handful of controls instead of all of them. Each section has its own
 * address, so a reload or a link lands on it.
 */
export const settingsSections = ['display', 'alerts', 'scanning', 'timing', 'keyboard', 'shortcuts'] as const;
export type SettingsSectionId = (typeof settingsSections)[number];

export function isSettingsSection(value: string): value is SettingsSectionId {
  return (settingsSections as readonly string[]).includes(value);
}

/** The section named in `#/settings/<section>`; null for `#/settings` or anything else. */
export function sectionFromHash(hash: string): SettingsSectionId | null {
  const match = /^#\/settings\/([a-z]+)$/.exec(hash);
  return match?.[1] && isSettingsSection(match[1]) ? match[1] : null;
}

export function hashForSection(section: SettingsSectionId): string {
  return `${settingsHash}/${section}`;
}
