import { z } from 'zod';

export const languages = ['zh-CN', 'en'] as const;
export const languageSchema = z.enum(languages);
export type Language = z.infer<typeof languageSchema>;

export const themes = ['default', 'high-contrast-dark', 'high-contrast-light'] as const;

/**
 * The accessibility profile travels with the worker's settings. The scanning
 * fields are filled in by the switch-access issue; unknown keys are kept out.
 */
export const a11yProfileSchema = z.object({
  theme: z.enum(themes).default('default'),
  textScale: z.number().min(1).max(2).default(1),
  largeTargets: z.boolean().default(false),
  reducedMotion: z.boolean().default(false),
  visualAlerts: z.boolean().default(true),
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
  a11y: a11yProfileSchema.default(a11yProfileSchema.parse({})),
});
export type Settings = z.infer<typeof settingsSchema>;

export const settingsPatchSchema = z
  .object({
    hubUrl: settingsSchema.shape.hubUrl.unwrap().unwrap().nullable().optional(),
    language: languageSchema.nullable().optional(),
    a11y: a11yProfileSchema.partial().optional(),
  })
  .strict();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;
