import { describe, expect, it } from 'vitest';
import {
  createCoalescer,
  flushCoalescer,
  pushAnnouncement,
  type CoalescerState,
} from '../../shared/a11y/announce-coalescer';

const windowMs = 1500;

describe('announce coalescer', () => {
  it('holds a lone announcement for one window, then hands it out with a count of 1', () => {
    let state: CoalescerState = createCoalescer({ windowMs });
    const pushed = pushAnnouncement(state, { topic: 'team', message: 'Ann: hello', at: 1000 });
    state = pushed.state;
    expect(pushed.ready).toEqual([]);
    expect(pushed.nextDeadline).toBe(2500);
    expect(flushCoalescer(state, 2499).ready).toEqual([]);
    expect(flushCoalescer(state, 2500).ready).toEqual([
      { topic: 'team', count: 1, messages: ['Ann: hello'] },
    ]);
  });

  it('merges a burst inside the window into one batch', () => {
    let state = createCoalescer({ windowMs });
    for (const [i, at] of [0, 200, 900, 1499].entries()) {
      state = pushAnnouncement(state, { topic: 'team', message: `note ${i}`, at }).state;
    }
    const { ready, nextDeadline } = flushCoalescer(state, 1500);
    expect(ready).toHaveLength(1);
    expect(ready[0]?.count).toBe(4);
    expect(ready[0]?.messages).toEqual(['note 0', 'note 1', 'note 2', 'note 3']);
    expect(nextDeadline).toBeNull();
  });

  it('does not extend the window for later arrivals: a steady stream still speaks once per window', () => {
    let state = createCoalescer({ windowMs });
    const spoken: number[] = [];
    for (let at = 0; at <= 6000; at += 500) {
      const result = pushAnnouncement(state, { topic: 'team', message: 'x', at });
      state = result.state;
      spoken.push(...result.ready.map((b) => b.count));
    }
    // Windows open at 0, 1500, 3000, 4500; the push that reaches a deadline flushes the window before it.
    expect(spoken).toEqual([3, 3, 3, 3]);
  });

  it('keeps topics apart and flushes them in the order they first spoke', () => {
    let state = createCoalescer({ windowMs });
    state = pushAnnouncement(state, { topic: 'comments', message: 'c1', at: 0 }).state;
    state = pushAnnouncement(state, { topic: 'tickets', message: 't1', at: 10 }).state;
    state = pushAnnouncement(state, { topic: 'comments', message: 'c2', at: 20 }).state;
    const { ready } = flushCoalescer(state, 5000);
    expect(ready.map((b) => [b.topic, b.count])).toEqual([
      ['comments', 2],
      ['tickets', 1],
    ]);
  });

  it('counts every announcement of a long burst but keeps only the latest messages', () => {
    let state = createCoalescer({ windowMs });
    for (let i = 0; i < 100; i++) {
      state = pushAnnouncement(state, { topic: 'team', message: `n${i}`, at: i }).state;
    }
    const [batch] = flushCoalescer(state, windowMs).ready;
    expect(batch?.count).toBe(100);
    expect(batch?.messages.at(-1)).toBe('n99');
    expect(batch?.messages.length).toBeLessThanOrEqual(20);
  });

  it('with a zero window announces everything at once', () => {
    const state = createCoalescer({ windowMs: 0 });
    const result = pushAnnouncement(state, { topic: 'team', message: 'now', at: 7 });
    expect(result.ready).toEqual([{ topic: 'team', count: 1, messages: ['now'] }]);
    expect(result.nextDeadline).toBeNull();
  });
});
