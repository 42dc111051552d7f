import { z } from 'zod';
import {
  defaultScanSettings,
  scanSettingsFields,
  scanSettingsSchema,
  shortcutPreferencesSchema,
} from '../a11y';

export const languages = ['zh-CN', 'en'] as const;
export const languageSchema = z.enum(languages);
export type Language = z.infer<typeof languageSchema>;

export const themes = ['default', 'high-contrast-dark', 'high-contrast-light'] as const;

/** In-app key filters for users whose system lacks them; 0 turns a filter off. */
const keyFilterFields = {
  /** Slow keys: a key counts only once held this long. */
  slowKeysMs: z.number().int().min(0).max(2000),
  /** Bounce keys: the same key again within this window is ignored. */
  bounceKeysMs: z.number().int().min(0).max(2000),
};
export const keyFiltersSchema = z.object({
  slowKeysMs: keyFilterFields.slowKeysMs.default(0),
  bounceKeysMs: keyFilterFields.bounceKeysMs.default(0),
});
export type KeyFilters = z.infer<typeof keyFiltersSchema>;

/**
 * The bare fields of the accessibility profile, without defaults: patches are
 * built from them so a patch never fills in keys it did not send.
 */
const a11yProfileFields = {
  theme: z.enum(themes),
  /** 1–2: text size 100–200 %. */
  textScale: z.number().min(1).max(2),
  /** Every target at least 44×44 px (24×24 is the floor always). */
  largeTargets: z.boolean(),
  reducedMotion: z.boolean(),
  /** Every sound has a visual twin; this adds the window flash and banner. */
  visualAlerts: z.boolean(),
  /** Optional full-screen edge flash for alerts, never more than 3 a second. */
  edgeFlash: z.boolean(),
  /** Alert sounds (a new conversation, say); their visual twins stay whatever this says. */
  alertSounds: z.boolean(),
  /** Switch scanning on or off; its timings and keys live in `scan`. */
  scanning: z.boolean(),
};
const a11yProfileDefaults = {
  theme: 'default',
  textScale: 1,
  largeTargets: false,
  reducedMotion: false,
  visualAlerts: true,
  edgeFlash: false,
  alertSounds: true,
  scanning: false,
} as const;

export const a11yProfileSchema = z.object({
  theme: a11yProfileFields.theme.default(a11yProfileDefaults.theme),
  textScale: a11yProfileFields.textScale.default(a11yProfileDefaults.textScale),
  largeTargets: a11yProfileFields.largeTargets.default(a11yProfileDefaults.largeTargets),
  reducedMotion: a11yProfileFields.reducedMotion.default(a11yProfileDefaults.reducedMotion),
  visualAlerts: a11yProfileFields.visualAlerts.default(a11yProfileDefaults.visualAlerts),
  edgeFlash: a11yProfileFields.edgeFlash.default(a11yProfileDefaults.edgeFlash),
  alertSounds: a11yProfileFields.alertSounds.default(a11yProfileDefaults.alertSounds),
  scanning: a11yProfileFields.scanning.default(a11yProfileDefaults.scanning),
  scan: scanSettingsSchema.default(defaultScanSettings),
  shortcuts: shortcutPreferencesSchema.default(shortcutPreferencesSchema.parse({})),
  keyFilters: keyFiltersSchema.default(keyFiltersSchema.parse({})),
});
export type A11yProfile = z.infer<typeof a11yProfileSchema>;

export const settingsSchema = z.object({
  /** null: the host runs the embedded hub. */
  hubUrl: z
    .url({ protocol: /^https?$/ })
    .max(2048)
    .nullable()
    .default(null),
  /** null: follow the OS or browser language. */
  language: languageSchema.nullable().default(null),
  a11y: a11yProfileSchema.default(() => a11yProfileSchema.parse({})),
});
export type Settings = z.infer<typeof settingsSchema>;

export const settingsPatchSchema = z
  .object({
    hubUrl: settingsSchema.shape.hubUrl.unwrap().unwrap().nullable().optional(),
    language: languageSchema.nullable().optional(),
    // Built from the bare fields: a patch must never fill in defaults for keys it did not send.
    a11y: z
      .object({
        ...a11yProfileFields,
        /** Merged field by field into the stored scan settings. */
        scan: z.object(scanSettingsFields).partial().strict(),
        /** Replaces the stored shortcut preferences whole: overrides are one map. */
        shortcuts: shortcutPreferencesSchema,
        keyFilters: z.object(keyFilterFields).partial().strict(),
      })
      .partial()
      .strict()
      .optional(),
  })
  .strict();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;
