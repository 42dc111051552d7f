import { describe, expect, it } from 'vitest';
import { nextRetryWaitChange, retryWait } from '../../shared/domain/retry-wait';

const t0 = 1_800_000_000_000;

describe('retryWait', () => {
  it('says whole minutes, rounded up, above a minute', () => {
    expect(retryWait(t0 + 4 * 60_000, t0)).toEqual({ unit: 'minutes', count: 4 });
    expect(retryWait(t0 + 3 * 60_000 + 20_000, t0)).toEqual({ unit: 'minutes', count: 4 });
    expect(retryWait(t0 + 15 * 60_000, t0 + 1)).toEqual({ unit: 'minutes', count: 15 });
    expect(retryWait(t0 + 60_001, t0)).toEqual({ unit: 'minutes', count: 2 });
  });

  it('says seconds in steps of ten under a minute, and "now" once it has passed', () => {
    expect(retryWait(t0 + 60_000, t0)).toEqual({ unit: 'seconds', count: 60 });
    expect(retryWait(t0 + 30_000, t0)).toEqual({ unit: 'seconds', count: 30 });
    expect(retryWait(t0 + 21_000, t0)).toEqual({ unit: 'seconds', count: 30 });
    expect(retryWait(t0 + 1, t0)).toEqual({ unit: 'seconds', count: 10 });
    expect(retryWait(t0, t0)).toEqual({ unit: 'now' });
    expect(retryWait(t0 - 5, t0)).toEqual({ unit: 'now' });
  });

  it('names the moment the shown figure changes, so a timer set to it sees a new figure', () => {
    const until = t0 + 4 * 60_000 + 5_000;
    let now = t0;
    const seen: string[] = [];
    for (let guard = 0; guard < 100; guard++) {
      const wait = retryWait(until, now);
      seen.push(wait.unit === 'now' ? 'now' : `${wait.count} ${wait.unit}`);
      const next = nextRetryWaitChange(until, now);
      if (next === null) break;
      expect(next).toBeGreaterThan(0);
      now += next;
    }
    expect(seen).toEqual([
      '5 minutes',
      '4 minutes',
      '3 minutes',
      '2 minutes',
      '60 seconds',
      '50 seconds',
      '40 seconds',
      '30 seconds',
      '20 seconds',
      '10 seconds',
      'now',
    ]);
  });
});
