import { describe, expect, it } from 'vitest';
import { defaultScanSettings, resolveKeyMap, scanSettingsSchema } from '../../shared/a11y';

describe('scan settings', () => {
  it('defaults follow Android Switch Access', () => {
    expect(defaultScanSettings).toEqual({
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
      highlightColour: '#ff6d00',
      tickSound: false,
      speakLabels: false,
      switchKeysType: false,
    });
  });

  it('keeps timings in range', () => {
    const ok = (patch: object) => scanSettingsSchema.safeParse(patch).success;
    expect(ok({ intervalMs: 300 })).toBe(true);
    expect(ok({ intervalMs: 299 })).toBe(false);
    expect(ok({ intervalMs: 5000 })).toBe(true);
    expect(ok({ intervalMs: 5001 })).toBe(false);
    expect(ok({ ignoreRepeatMs: 2000 })).toBe(true);
    expect(ok({ ignoreRepeatMs: 2001 })).toBe(false);
    expect(ok({ autoSelectMs: 200 })).toBe(false);
    expect(ok({ loops: 0 })).toBe(false);
    expect(ok({ switchCount: 3 })).toBe(false);
  });

  it('refuses a key map that would lock the user out', () => {
    const ok = (patch: object) => scanSettingsSchema.safeParse(patch).success;
    expect(ok({ keyMap: { Space: 'next' } })).toBe(false);
    expect(ok({ switchCount: 2, keyMap: { Space: 'select' } })).toBe(false);
    expect(ok({ switchCount: 2, keyMap: { 'gamepad:1': 'select', 'mouse:primary': 'next' } })).toBe(true);
    expect(ok({ keyMap: { 'not a code': 'select' } })).toBe(false);
  });

  it('accepts CSS colours and nothing that could escape a declaration', () => {
    const ok = (highlightColour: string) => scanSettingsSchema.safeParse({ highlightColour }).success;
    for (const c of ['#ff0', '#ffcc00', '#ffcc0080', 'yellow', 'rgb(255, 200, 0)', 'oklch(70% 0.2 60)']) {
      expect(ok(c), c).toBe(true);
    }
    for (const c of ['red; background: url(x)', '#ff', 'url(x)', '']) expect(ok(c), c).toBe(false);
  });

  it('resolves the default key map from the switch count', () => {
    expect([...resolveKeyMap(defaultScanSettings)]).toEqual([['Space', 'select']]);
    expect([...resolveKeyMap(scanSettingsSchema.parse({ switchCount: 2 }))]).toEqual([
      ['Space', 'select'],
      ['Enter', 'next'],
    ]);
  });
});
