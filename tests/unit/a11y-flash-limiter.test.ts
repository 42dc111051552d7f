import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createFlashLimiter,
  nextFlashAt,
  tryFlash,
  wcagFlashLimit,
  type FlashLimiterState,
} from '../../renderer/a11y/alerts/flash-limiter';

function attempt(times: readonly number[], state: FlashLimiterState = createFlashLimiter()) {
  const allowed: number[] = [];
  for (const at of times) {
    const result = tryFlash(state, at);
    state = result.state;
    if (result.allowed) allowed.push(at);
  }
  return { allowed, state };
}

describe('flash limiter', () => {
  it('allows three flashes in a second and refuses the fourth', () => {
    const { allowed } = attempt([0, 100, 200, 300, 999]);
    expect(allowed).toEqual([0, 100, 200]);
  });

  it('allows the next flash exactly one window after the oldest', () => {
    const { allowed, state } = attempt([0, 100, 200]);
    expect(nextFlashAt(state, 500)).toBe(1000);
    expect(tryFlash(state, 999).allowed).toBe(false);
    expect(tryFlash(state, 1000).allowed).toBe(true);
    expect(allowed).toHaveLength(3);
  });

  it('says a flash may start now while the window has room', () => {
    const { state } = attempt([0, 400]);
    expect(nextFlashAt(state, 500)).toBe(500);
  });

  it('never lets more than three flashes start in any one-second window, whatever is asked', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10_000 }), { maxLength: 200 }), (raw) => {
        const times = [...raw].sort((a, b) => a - b);
        const { allowed } = attempt(times);
        for (const start of allowed) {
          const inWindow = allowed.filter((at) => at >= start && at < start + wcagFlashLimit.windowMs);
          expect(inWindow.length).toBeLessThanOrEqual(3);
        }
      }),
    );
  });

  it('rejects settings that would allow nothing or divide by nothing', () => {
    expect(() => createFlashLimiter({ max: 0, windowMs: 1000 })).toThrow(RangeError);
    expect(() => createFlashLimiter({ max: 3, windowMs: 0 })).toThrow(RangeError);
  });
});
