import { z } from 'zod';

export const languages = ['zh-CN', 'en'] as const;
export const languageSchema = z.enum(languages);
export type Language = z.infer<typeof languageSchema>;

export const themes = ['default', 'high-contrast-dark', 'high-contrast-light'] as const;

/**
 * The accessibility profile travels with the worker's settings. The scanning
 * fields are filled in by the switch-access issue; unknown keys are kept out.
 */
const a11yProfileFields = {
  theme: z.enum(themes),
  textScale: z.number().min(1).max(2),
  largeTargets: z.boolean(),
  reducedMotion: z.boolean(),
  visualAlerts: z.boolean(),
};
const a11yProfileDefaults = {
  theme: 'default',
  textScale: 1,
  largeTargets: false,
  reducedMotion: false,
  visualAlerts: true,
} as const;

export const a11yProfileSchema = z.object({
  theme: a11yProfileFields.theme.default(a11yProfileDefaults.theme),
  textScale: a11yProfileFields.textScale.default(a11yProfileDefaults.textScale),
  largeTargets: a11yProfileFields.largeTargets.default(a11yProfileDefaults.largeTargets),
  reducedMotion: a11yProfileFields.reducedMotion.default(a11yProfileDefaults.reducedMotion),
  visualAlerts: a11yProfileFields.visualAlerts.default(a11yProfileDefaults.visualAlerts),
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
  a11y: a11yProfileSchema.default(a11yProfileDefaults),
});
export type Settings = z.infer<typeof settingsSchema>;

export const settingsPatchSchema = z
  .object({
    hubUrl: settingsSchema.shape.hubUrl.unwrap().unwrap().nullable().optional(),
    language: languageSchema.nullable().optional(),
    // Built from the bare fields: a patch must never fill in defaults for keys it did not send.
    a11y: z.object(a11yProfileFields).partial().strict().optional(),
  })
  .strict();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;
