import { describe, expect, it } from 'vitest';
import { defaultScanSettings } from '../../shared/a11y';
import {
  channelNames,
  channels,
  isChannelName,
  settingsPatchSchema,
  settingsSchema,
} from '../../shared/bridge';

describe('settings', () => {
  it('defaults to the embedded hub, the OS language and the default profile', () => {
    const settings = settingsSchema.parse({});
    expect(settings).toMatchObject({
      hubUrl: null,
      language: null,
      a11y: {
        theme: 'default',
        textScale: 1,
        largeTargets: false,
        reducedMotion: false,
        visualAlerts: true,
        edgeFlash: false,
        scanning: false,
        keyFilters: { slowKeysMs: 0, bounceKeysMs: 0 },
      },
    });
    expect(settings.a11y.scan).toEqual(defaultScanSettings);
    expect(settings.a11y.shortcuts.characterKeys).toBe(false);
  });

  it('accepts an http hub URL and refuses other schemes', () => {
    expect(settingsPatchSchema.safeParse({ hubUrl: 'http://10.0.0.5:4000' }).success).toBe(true);
    expect(settingsPatchSchema.safeParse({ hubUrl: 'file:///etc/passwd' }).success).toBe(false);
    expect(settingsPatchSchema.safeParse({ hubUrl: 'javascript:alert(1)' }).success).toBe(false);
  });

  it('keeps text scale within 100–200 % and refuses unknown keys', () => {
    expect(settingsPatchSchema.safeParse({ a11y: { textScale: 2 } }).success).toBe(true);
    expect(settingsPatchSchema.safeParse({ a11y: { textScale: 2.5 } }).success).toBe(false);
    expect(settingsPatchSchema.safeParse({ colour: 'red' }).success).toBe(false);
  });
});

describe('channels', () => {
  it('names every channel and nothing else', () => {
    expect(channelNames.length).toBe(Object.keys(channels).length);
    for (const name of channelNames) expect(isChannelName(name)).toBe(true);
    for (const name of ['constructor', '__proto__', 'toString', '', 'settings'])
      expect(isChannelName(name)).toBe(false);
  });

  it('lets openExternal open only outside web links', () => {
    const input = channels['shell.openExternal'].input;
    expect(input.safeParse({ url: 'https://example.org/help' }).success).toBe(true);
    expect(input.safeParse({ url: 'mailto:help@example.org' }).success).toBe(false);
    expect(input.safeParse({ url: 'http://127.0.0.1:4455/api/login' }).success).toBe(false);
    expect(input.safeParse({ url: 'file:///C:/Windows/system32/calc.exe' }).success).toBe(false);
  });
});

describe('settings patch', () => {
  it('carries only the keys that were sent', () => {
    expect(settingsPatchSchema.parse({ a11y: { textScale: 1.5 } })).toEqual({ a11y: { textScale: 1.5 } });
    expect(settingsPatchSchema.parse({ a11y: { scan: { intervalMs: 800 } } })).toEqual({
      a11y: { scan: { intervalMs: 800 } },
    });
    expect(settingsPatchSchema.safeParse({ a11y: { scan: { intervalMs: 100 } } }).success).toBe(false);
  });
});
