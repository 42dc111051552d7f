import { describe, expect, it } from 'vitest';
import { formatDuration } from '../../renderer/live/duration';
import { parseSaleForm, secondsLeft } from '../../renderer/live/flash-sale';
import { networkProblems } from '../../renderer/live/network-health';
import { simulcastEncodings, targetBitrate } from '../../renderer/live/quality';
import { mergeComments, mergeById, removeComment, feedCap } from '../../renderer/live/comment-feed';
import { speechLanguageOf } from '../../renderer/live/read-aloud';

describe('broadcast duration', () => {
  it('is mm:ss under an hour and h:mm:ss past it', () => {
    expect(formatDuration(0)).toBe('00:00');
    expect(formatDuration(999)).toBe('00:00');
    expect(formatDuration(61_000)).toBe('01:01');
    expect(formatDuration(59 * 60_000 + 59_999)).toBe('59:59');
    expect(formatDuration(3_600_000)).toBe('1:00:00');
    expect(formatDuration(10 * 3_600_000 + 5 * 60_000 + 7_000)).toBe('10:05:07');
    expect(formatDuration(-5_000)).toBe('00:00');
  });
});

describe('poor network rule', () => {
  const target = targetBitrate('720p');
  const good = { bitrate: target, packetLoss: 0.01, score: 9 };

  it('is quiet on a good link and without stats', () => {
    expect(networkProblems(good, target, true)).toEqual([]);
    expect(networkProblems(null, target, true)).toEqual([]);
  });

  it('warns above 5 % loss, under score 5, and far under the target once warmed up', () => {
    expect(networkProblems({ ...good, packetLoss: 0.05 }, target, true)).toEqual([]);
    expect(networkProblems({ ...good, packetLoss: 0.051 }, target, true)).toEqual(['loss']);
    expect(networkProblems({ ...good, score: 4 }, target, true)).toEqual(['score']);
    expect(networkProblems({ ...good, score: 5 }, target, true)).toEqual([]);
    expect(networkProblems({ ...good, bitrate: target * 0.2 }, target, true)).toEqual(['bitrate']);
    expect(networkProblems({ ...good, bitrate: target * 0.2 }, target, false)).toEqual([]);
    expect(networkProblems({ bitrate: 0, packetLoss: 0.2, score: 2 }, target, true)).toEqual([
      'loss',
      'score',
      'bitrate',
    ]);
  });
});

describe('simulcast layers', () => {
  it('sends three layers at a quarter, half and full size with rising bitrates', () => {
    const layers = simulcastEncodings('720p');
    expect(layers.map((l) => l.scaleResolutionDownBy)).toEqual([4, 2, 1]);
    expect(layers.map((l) => l.maxBitrate)).toEqual([150_000, 500_000, 1_500_000]);
    expect(targetBitrate('1080p')).toBeGreaterThan(targetBitrate('720p'));
  });
});

describe('flash sale form', () => {
  it('turns the typed text into fen, quantity and seconds', () => {
    expect(parseSaleForm({ price: '9.90', quantity: '20', seconds: '60' }, 50)).toEqual({
      ok: true,
      sale: { priceFen: 990, quantity: 20, seconds: 60 },
    });
  });

  it('names each wrong field: no price, more than the stock, too short', () => {
    expect(parseSaleForm({ price: '0', quantity: '51', seconds: '5' }, 50)).toEqual({
      ok: false,
      errors: ['price', 'quantity', 'seconds'],
    });
    expect(parseSaleForm({ price: '1', quantity: '2.5', seconds: '3601' }, 50)).toEqual({
      ok: false,
      errors: ['quantity', 'seconds'],
    });
  });

  it('counts whole seconds left, never below zero', () => {
    expect(secondsLeft(10_000, 0)).toBe(10);
    expect(secondsLeft(10_000, 9_001)).toBe(1);
    expect(secondsLeft(10_000, 12_000)).toBe(0);
  });
});

describe('comment feed', () => {
  const c = (id: number, createdAt = id) => ({ id, viewerId: 1, nickname: 'n', body: `b${id}`, createdAt });

  it('keeps the newest first, each once, at most the cap', () => {
    let feed = mergeComments([], [c(1), c(2)]);
    feed = mergeComments(feed, [c(2), c(3)]);
    expect(feed.map((x) => x.id)).toEqual([3, 2, 1]);
    const many = Array.from({ length: 250 }, (_, i) => c(i + 10));
    expect(mergeComments(feed, many)).toHaveLength(feedCap);
    expect(mergeComments(feed, many)[0]?.id).toBe(259);
  });

  it('gives back the same array when nothing changed, so rows do not re-render', () => {
    const feed = mergeComments([], [c(1)]);
    expect(mergeComments(feed, [c(1)])).toBe(feed);
    expect(mergeComments(feed, [])).toBe(feed);
    expect(removeComment(feed, 99)).toBe(feed);
    expect(removeComment(feed, 1)).toEqual([]);
  });

  it('merges orders by id, newest first', () => {
    const o = (id: number) => ({ id, createdAt: id * 10 });
    expect(mergeById([o(1)], [o(3), o(2), o(1)]).map((x) => x.id)).toEqual([3, 2, 1]);
  });

  it('reads a comment in the voice of its own script', () => {
    expect(speechLanguageOf('金桔甜吗？')).toBe('zh-CN');
    expect(speechLanguageOf('how sweet are they?')).toBe('en');
    expect(speechLanguageOf('👍', 'en')).toBe('en');
  });
});
