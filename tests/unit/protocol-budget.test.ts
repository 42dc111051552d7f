import { describe, expect, it } from 'vitest';
import type { BudgetLimits } from '../../server/protocol/budget';
import {
  maxReadPauseMs,
  maxUnreadRefusals,
  overflowEvery,
  SocketBudget,
  TokenBucket,
} from '../../server/protocol/budget';

const limits: BudgetLimits = { eventsPerSecond: 10, burst: 3, maxInFlight: 2, maxBufferedBytes: 1000 };

function clock(start = 1_000_000): { now: () => number; advance(ms: number): void } {
  let t = start;
  return {
    now: () => t,
    advance: (ms) => {
      t += ms;
    },
  };
}

function takeAll(take: () => boolean, tries: number): number {
  let taken = 0;
  for (let i = 0; i < tries; i++) if (take()) taken += 1;
  return taken;
}

describe('TokenBucket', () => {
  it('lets a burst through, then refills at its rate and never past the burst', () => {
    const c = clock();
    const bucket = new TokenBucket(10, 3, c.now);
    expect(takeAll(() => bucket.take(), 10)).toBe(3);
    c.advance(100);
    expect(takeAll(() => bucket.take(), 10)).toBe(1);
    c.advance(60_000);
    expect(takeAll(() => bucket.take(), 10)).toBe(3);
  });

  it('keeps fractions of a token between takes', () => {
    const c = clock();
    const bucket = new TokenBucket(10, 1, c.now);
    expect(bucket.take()).toBe(true);
    c.advance(50);
    expect(bucket.take()).toBe(false);
    c.advance(50);
    expect(bucket.take()).toBe(true);
  });
});

describe('TokenBucket.msUntil', () => {
  it('says how long until the bucket holds that many tokens, never more than the burst', () => {
    const c = clock();
    const bucket = new TokenBucket(10, 4, c.now);
    expect(bucket.msUntil(4)).toBe(0);
    while (bucket.take());
    expect(bucket.msUntil(2)).toBe(200);
    expect(bucket.msUntil(100)).toBe(400);
    c.advance(150);
    expect(bucket.msUntil(2)).toBe(50);
  });
});

describe('SocketBudget', () => {
  it('pauses an exhausted socket until half its burst is back, at most maxReadPauseMs', () => {
    const c = clock();
    const budget = new SocketBudget({ ...limits, eventsPerSecond: 40, burst: 80 }, c.now, () => 0);
    expect(budget.readPauseMs()).toBe(0);
    while (budget.takeEvent());
    expect(budget.readPauseMs()).toBe(1000);
    const slow = new SocketBudget({ ...limits, eventsPerSecond: 1, burst: 10 }, c.now, () => 0);
    while (slow.takeEvent());
    expect(slow.readPauseMs()).toBe(maxReadPauseMs);
  });

  it('admits at most maxInFlight commands until one ends', () => {
    const budget = new SocketBudget(limits, clock().now, () => 0);
    expect(budget.begin()).toBe('ok');
    expect(budget.begin()).toBe('ok');
    expect(budget.begin()).toBe('busy');
    budget.end();
    expect(budget.begin()).toBe('ok');
  });

  it('admits nothing while the socket holds more unread bytes than allowed', () => {
    let buffered = 1001;
    const budget = new SocketBudget(limits, clock().now, () => buffered);
    expect(budget.begin()).toBe('busy');
    buffered = 1000;
    expect(budget.begin()).toBe('ok');
  });

  it('calls a socket overflowing after many refusals while it reads nothing, measured once per batch', () => {
    const buffered = limits.maxBufferedBytes + 1;
    let measured = 0;
    const budget = new SocketBudget(limits, clock().now, () => {
      measured += 1;
      return buffered;
    });
    for (let i = 1; i < maxUnreadRefusals; i++) expect(budget.overflowing()).toBe(false);
    expect(budget.overflowing()).toBe(true);
    expect(measured).toBe(maxUnreadRefusals / overflowEvery);
  });

  it('forgives the refusals once the client has read back under the limit', () => {
    let buffered = limits.maxBufferedBytes + 1;
    const budget = new SocketBudget(limits, clock().now, () => buffered);
    for (let i = 0; i < maxUnreadRefusals - overflowEvery; i++) budget.overflowing();
    buffered = limits.maxBufferedBytes;
    for (let i = 0; i < overflowEvery; i++) expect(budget.overflowing()).toBe(false);
    buffered += 1;
    for (let i = 1; i < maxUnreadRefusals; i++) expect(budget.overflowing()).toBe(false);
    expect(budget.overflowing()).toBe(true);
  });

  it('limits each ephemeral event name to its own rate, apart from the others', () => {
    const c = clock();
    const budget = new SocketBudget(limits, c.now, () => 0);
    expect(takeAll(() => budget.takeEphemeral('team.typing', 1), 5)).toBe(1);
    expect(takeAll(() => budget.takeEphemeral('live.like', 4), 10)).toBe(4);
    c.advance(1000);
    expect(takeAll(() => budget.takeEphemeral('team.typing', 1), 5)).toBe(1);
  });

  it('charges every event, whatever it is, to the socket rate', () => {
    const c = clock();
    const budget = new SocketBudget(limits, c.now, () => 0);
    expect(takeAll(() => budget.takeEvent(), 10)).toBe(limits.burst);
    c.advance(1000);
    expect(takeAll(() => budget.takeEvent(), 20)).toBe(limits.burst);
  });
});
