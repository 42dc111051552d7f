/**
 * The settings page shows one section at a time (a tab each), so a switch user
 * scans a handful of controls instead of all of them. Each section has its own
 * address (`#/settings/<section>`, built by the app's router), so a reload or
 * a link lands on it.
 */
export const settingsSections = ['display', 'alerts', 'scanning', 'timing', 'keyboard', 'shortcuts'] as const;
export type SettingsSectionId = (typeof settingsSections)[number];

/** Each section's name in the settings namespace: its tab, and its entry in the command list. */
export const settingsSectionLabelKeys = {
  display: 'display.legend',
  alerts: 'alerts.legend',
  scanning: 'scan.legend',
  timing: 'scan.timingLegend',
  keyboard: 'keyboard.legend',
  shortcuts: 'keyboard.shortcutsLegend',
} as const satisfies Record<SettingsSectionId, string>;
