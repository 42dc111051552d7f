import { z } from 'zod';

export const switchActions = ['select', 'next', 'previous', 'back', 'pause'] as const;
export const switchActionSchema = z.enum(switchActions);
export type SwitchAction = z.infer<typeof switchActionSchema>;

/** An accepted switch press, as switch-input emits it and the scanner consumes it. */
export interface SwitchPress {
  readonly type: 'press';
  readonly action: SwitchAction;
  readonly at: number;
}

/**
 * A switch is a KeyboardEvent.code (`Space`, `Enter`, `F13`…), a gamepad button
 * (`gamepad:<index>`) or a mouse button (`mouse:primary`) for users whose switch
 * interface presents itself as a mouse.
 */
export const switchInputSchema = z
  .string()
  .regex(
    /^(?:[A-Z][A-Za-z0-9]{0,31}|gamepad:\d{1,2}|mouse:(?:primary|secondary|middle))$/,
    'not a switch input',
  );

/** Every colour form a stylesheet accepts, minus anything that could close the declaration. */
export const cssColourSchema = z
  .string()
  .max(64)
  .regex(
    /^(?:#[0-9a-fA-F]{3,4}|#[0-9a-fA-F]{6}|#[0-9a-fA-F]{8}|[a-zA-Z]{3,32}|(?:rgb|rgba|hsl|hsla|hwb|lab|lch|oklab|oklch)\([0-9a-zA-Z.,%/+\s-]{1,48}\))$/,
    'not a CSS colour',
  );

export const scanMethods = ['group', 'linear'] as const;

/**
 * The bare fields, without defaults, so a settings patch can be built from them
 * without filling in keys the user did not send (as shared/bridge/settings does).
 */
export const scanSettingsFields = {
  /** 1: auto-scan, Select picks. 2: step scan, Next moves and Select picks. */
  switchCount: z.union([z.literal(1), z.literal(2)]),
  scanMethod: z.enum(scanMethods),
  intervalMs: z.number().int().min(300).max(5000),
  /** Added to the interval on the first highlight after scanning starts or changes level. */
  firstItemDelayMs: z.number().int().min(0).max(5000),
  /** Full passes over a level before auto-scan pauses until the next press. */
  loops: z.number().int().min(1).max(10),
  /** Presses shorter than this are ignored (tremor, brushing a switch). */
  holdMs: z.number().int().min(0).max(5000),
  /** Presses this soon after the previous accepted press are ignored. */
  ignoreRepeatMs: z.number().int().min(0).max(2000),
  startOnFirstPress: z.boolean(),
  restartAfterSelect: z.enum(['group', 'top']),
  /** Step scan only: select the highlight after this long without a press; 0 is off. */
  autoSelectMs: z
    .number()
    .int()
    .min(0)
    .max(10000)
    .refine((ms) => ms === 0 || ms >= 500, 'auto-select is off (0) or at least 500 ms'),
  /** null: the defaults for switchCount (see resolveKeyMap). */
  keyMap: z.record(switchInputSchema, switchActionSchema).nullable(),
  highlightColour: cssColourSchema,
  tickSound: z.boolean(),
  speakLabels: z.boolean(),
  /**
   * For workers who scan and also type: in a text field, with the on-screen
   * keyboard closed, a switch key that typing needs (Space, Enter, a letter)
   * types instead of scanning. Off: a switch is always a switch.
   */
  switchKeysType: z.boolean(),
};

/** Android Switch Access defaults, where Android has the setting. */
export const scanSettingsDefaults = {
  switchCount: 1,
  scanMethod: 'group',
  intervalMs: 1000,
  firstItemDelayMs: 700,
  loops: 2,
  holdMs: 0,
  ignoreRepeatMs: 0,
  startOnFirstPress: true,
  restartAfterSelect: 'group',
  autoSelectMs: 0,
  keyMap: null,
  // Saturated orange: visible on white, on black and for the common colour-vision deficiencies.
  highlightColour: '#ff6d00',
  tickSound: false,
  speakLabels: false,
  switchKeysType: false,
} as const satisfies { [K in keyof typeof scanSettingsFields]: z.input<(typeof scanSettingsFields)[K]> };

const f = scanSettingsFields;
const d = scanSettingsDefaults;

export const scanSettingsSchema = z
  .object({
    switchCount: f.switchCount.default(d.switchCount),
    scanMethod: f.scanMethod.default(d.scanMethod),
    intervalMs: f.intervalMs.default(d.intervalMs),
    firstItemDelayMs: f.firstItemDelayMs.default(d.firstItemDelayMs),
    loops: f.loops.default(d.loops),
    holdMs: f.holdMs.default(d.holdMs),
    ignoreRepeatMs: f.ignoreRepeatMs.default(d.ignoreRepeatMs),
    startOnFirstPress: f.startOnFirstPress.default(d.startOnFirstPress),
    restartAfterSelect: f.restartAfterSelect.default(d.restartAfterSelect),
    autoSelectMs: f.autoSelectMs.default(d.autoSelectMs),
    keyMap: f.keyMap.default(d.keyMap),
    highlightColour: f.highlightColour.default(d.highlightColour),
    tickSound: f.tickSound.default(d.tickSound),
    speakLabels: f.speakLabels.default(d.speakLabels),
    switchKeysType: f.switchKeysType.default(d.switchKeysType),
  })
  .refine((s) => s.keyMap === null || Object.values(s.keyMap).includes('select'), {
    message: 'no switch selects: the user would be locked out',
    path: ['keyMap'],
  })
  .refine((s) => s.keyMap === null || s.switchCount === 1 || Object.values(s.keyMap).includes('next'), {
    message: 'two-switch scanning needs a switch for Next',
    path: ['keyMap'],
  });
export type ScanSettings = z.infer<typeof scanSettingsSchema>;
export type ScanSettingsInput = z.input<typeof scanSettingsSchema>;

export const defaultScanSettings: ScanSettings = scanSettingsSchema.parse({});

const defaultKeyMaps: Record<1 | 2, Readonly<Record<string, SwitchAction>>> = {
  1: { Space: 'select' },
  2: { Space: 'select', Enter: 'next' },
};

export function resolveKeyMap(settings: ScanSettings): ReadonlyMap<string, SwitchAction> {
  return new Map(Object.entries(settings.keyMap ?? defaultKeyMaps[settings.switchCount]));
}

/** One switch cannot both wait and move, so it scans on a timer; two switches step. */
export const isAutoScan = (settings: ScanSettings): boolean => settings.switchCount === 1;
