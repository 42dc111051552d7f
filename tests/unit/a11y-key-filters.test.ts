import { describe, expect, it } from 'vitest';
import {
  createKeyFilter,
  reduceKeyFilter,
  type KeyFilterSettings,
  type RawKeyEvent,
} from '../../shared/a11y';

/** Accepted events as `down:KeyA@300` (with `+ctrl` etc. for held modifiers, `*` for repeats). */
function run(settings: KeyFilterSettings, events: RawKeyEvent[]): { out: string[]; blocked: boolean[] } {
  let state = createKeyFilter(settings);
  const out: string[] = [];
  const blocked: boolean[] = [];
  for (const event of events) {
    const result = reduceKeyFilter(state, event);
    state = result.state;
    blocked.push(result.blocked);
    for (const e of result.events) {
      const mods = (['ctrl', 'alt', 'shift', 'meta'] as const)
        .filter((m) => e.modifiers[m])
        .map((m) => `+${m}`);
      out.push(`${e.type}:${e.code}${mods.join('')}@${e.at}${e.repeat ? '*' : ''}`);
    }
  }
  return { out, blocked };
}

describe('slow keys', () => {
  const slow = { slowKeysMs: 300, bounceKeysMs: 0 };

  it('accepts a key once it has been held long enough, then lets its repeats through', () => {
    const { out, blocked } = run(slow, [
      { type: 'down', code: 'KeyA', at: 0, key: 'a' },
      { type: 'tick', at: 299 },
      { type: 'tick', at: 300 },
      { type: 'down', code: 'KeyA', at: 330, repeat: true },
      { type: 'up', code: 'KeyA', at: 600 },
    ]);
    expect(out).toEqual(['down:KeyA@300', 'down:KeyA@330*', 'up:KeyA@600']);
    expect(blocked).toEqual([true, false, false, false, false]);
  });

  it('drops a brushed key, and its key-up, entirely', () => {
    const { out, blocked } = run(slow, [
      { type: 'down', code: 'KeyA', at: 1000 },
      { type: 'down', code: 'KeyA', at: 1100, repeat: true },
      { type: 'up', code: 'KeyA', at: 1299 },
      { type: 'tick', at: 1300 },
    ]);
    expect(out).toEqual([]);
    expect(blocked).toEqual([true, true, true, false]);
  });

  it('counts a key released after the delay even if the timer never fired', () => {
    const { out } = run(slow, [
      { type: 'down', code: 'Enter', at: 0 },
      { type: 'up', code: 'Enter', at: 300 },
    ]);
    expect(out).toEqual(['down:Enter@300', 'up:Enter@300']);
  });

  it('reports only accepted modifiers', () => {
    const { out } = run(slow, [
      { type: 'down', code: 'ControlLeft', at: 0 },
      { type: 'down', code: 'KeyK', at: 100 },
      { type: 'tick', at: 300 },
      { type: 'tick', at: 400 },
      { type: 'up', code: 'KeyK', at: 500 },
      { type: 'up', code: 'ControlLeft', at: 600 },
    ]);
    // KeyK qualified at 400, when Ctrl (accepted at 300) was held.
    expect(out).toEqual([
      'down:ControlLeft+ctrl@300',
      'down:KeyK+ctrl@400',
      'up:KeyK+ctrl@500',
      'up:ControlLeft@600',
    ]);
  });

  it('exposes the next deadline for the single timer', () => {
    let state = createKeyFilter(slow);
    state = reduceKeyFilter(state, { type: 'down', code: 'KeyA', at: 100 }).state;
    expect(reduceKeyFilter(state, { type: 'down', code: 'KeyB', at: 150 }).nextDeadline).toBe(400);
  });
});

describe('bounce keys', () => {
  const bounce = { slowKeysMs: 0, bounceKeysMs: 200 };

  it('ignores the same key again within the window after its release', () => {
    const { out, blocked } = run(bounce, [
      { type: 'down', code: 'KeyA', at: 0 },
      { type: 'up', code: 'KeyA', at: 100 },
      { type: 'down', code: 'KeyA', at: 299 },
      { type: 'up', code: 'KeyA', at: 310 },
      // The ignored press did not move the window: it still runs from 100.
      { type: 'down', code: 'KeyA', at: 300 },
    ]);
    expect(out).toEqual(['down:KeyA@0', 'up:KeyA@100', 'down:KeyA@300']);
    expect(blocked).toEqual([false, false, true, true, false]);
  });

  it('does not hold back a different key', () => {
    const { out } = run(bounce, [
      { type: 'down', code: 'KeyA', at: 0 },
      { type: 'up', code: 'KeyA', at: 10 },
      { type: 'down', code: 'KeyB', at: 20 },
    ]);
    expect(out).toEqual(['down:KeyA@0', 'up:KeyA@10', 'down:KeyB@20']);
  });

  it('releases held keys on reset, without starting a bounce window', () => {
    const { out } = run(bounce, [
      { type: 'down', code: 'ShiftLeft', at: 0 },
      { type: 'reset', at: 50 },
      { type: 'down', code: 'ShiftLeft', at: 60 },
    ]);
    expect(out).toEqual(['down:ShiftLeft+shift@0', 'up:ShiftLeft@50', 'down:ShiftLeft+shift@60']);
  });
});
