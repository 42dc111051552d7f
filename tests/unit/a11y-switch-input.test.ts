import { describe, expect, it } from 'vitest';
import {
  createSwitchInput,
  reduceSwitchInput,
  scanSettingsSchema,
  type RawSwitchEvent,
  type ScanSettingsInput,
  type SwitchInputState,
} from '../../shared/a11y';

/** Feeds raw events and returns the accepted presses as `action@at`. */
function feed(
  settings: ScanSettingsInput,
  events: RawSwitchEvent[],
): { presses: string[]; state: SwitchInputState } {
  let state = createSwitchInput(scanSettingsSchema.parse(settings));
  const presses: string[] = [];
  for (const event of events) {
    const result = reduceSwitchInput(state, event);
    state = result.state;
    presses.push(...result.presses.map((p) => `${p.action}@${p.at}`));
  }
  return { presses, state };
}

describe('switch input', () => {
  it('maps Space to Select for one switch, and Enter to Next for two', () => {
    expect(feed({}, [{ type: 'down', input: 'Space', at: 5 }]).presses).toEqual(['select@5']);
    expect(feed({}, [{ type: 'down', input: 'Enter', at: 5 }]).presses).toEqual([]);
    expect(
      feed({ switchCount: 2 }, [
        { type: 'down', input: 'Enter', at: 5 },
        { type: 'up', input: 'Enter', at: 50 },
        { type: 'down', input: 'Space', at: 60 },
      ]).presses,
    ).toEqual(['next@5', 'select@60']);
  });

  it('consumes every event of a mapped switch, including filtered ones, and nothing else', () => {
    const state = createSwitchInput(scanSettingsSchema.parse({ holdMs: 100 }));
    expect(reduceSwitchInput(state, { type: 'down', input: 'Space', at: 0 })).toMatchObject({
      consumed: true,
      presses: [],
      nextDeadline: 100,
    });
    expect(reduceSwitchInput(state, { type: 'down', input: 'KeyA', at: 0 })).toMatchObject({
      consumed: false,
      presses: [],
      nextDeadline: null,
    });
  });

  it('ignores key auto-repeat', () => {
    const { presses } = feed({}, [
      { type: 'down', input: 'Space', at: 0 },
      { type: 'down', input: 'Space', at: 500, repeat: true },
      { type: 'down', input: 'Space', at: 530, repeat: true },
      { type: 'up', input: 'Space', at: 600 },
    ]);
    expect(presses).toEqual(['select@0']);
  });

  it('hold time: accepts at the deadline while held, drops short presses, honours a late timer', () => {
    const { presses, state } = feed({ holdMs: 200 }, [
      { type: 'down', input: 'Space', at: 0 },
      { type: 'tick', at: 199 },
      { type: 'tick', at: 200 },
      { type: 'up', input: 'Space', at: 500 },
      { type: 'down', input: 'Space', at: 1000 },
      { type: 'up', input: 'Space', at: 1199 },
      { type: 'tick', at: 1200 },
      { type: 'down', input: 'Space', at: 2000 },
      { type: 'up', input: 'Space', at: 2300 },
    ]);
    expect(presses).toEqual(['select@200', 'select@2300']);
    expect(state.held.size).toBe(0);
  });

  it('ignore-repeat: drops presses within the window after an accepted one, on any switch', () => {
    const { presses } = feed({ switchCount: 2, ignoreRepeatMs: 500 }, [
      { type: 'down', input: 'Space', at: 0 },
      { type: 'up', input: 'Space', at: 50 },
      { type: 'down', input: 'Space', at: 120 },
      { type: 'up', input: 'Space', at: 160 },
      { type: 'down', input: 'Enter', at: 499 },
      { type: 'up', input: 'Enter', at: 520 },
      // Exactly the window after the accepted press: outside it.
      { type: 'down', input: 'Enter', at: 500 },
    ]);
    expect(presses).toEqual(['select@0', 'next@500']);
  });

  it('uses a custom map with gamepad and mouse switches', () => {
    const { presses } = feed({ keyMap: { 'gamepad:0': 'select', 'mouse:primary': 'pause', F13: 'back' } }, [
      { type: 'down', input: 'gamepad:0', at: 1 },
      { type: 'down', input: 'mouse:primary', at: 2 },
      { type: 'down', input: 'F13', at: 3 },
      { type: 'down', input: 'Space', at: 4 },
    ]);
    expect(presses).toEqual(['select@1', 'pause@2', 'back@3']);
  });

  it('forgets held switches on reset, so a lost key-up cannot hold a press forever', () => {
    let state = createSwitchInput(scanSettingsSchema.parse({ holdMs: 300 }));
    state = reduceSwitchInput(state, { type: 'down', input: 'Space', at: 0 }).state;
    const reset = reduceSwitchInput(state, { type: 'reset' });
    expect(reset.nextDeadline).toBeNull();
    expect(reduceSwitchInput(reset.state, { type: 'tick', at: 300 }).presses).toEqual([]);
  });
});
