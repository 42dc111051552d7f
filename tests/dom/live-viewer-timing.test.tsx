import { act, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { crossedThreshold, formatCountdown, secondsLeft } from '../../server/web/live/countdown';
import { LikeBatcher, maxLikesPerSend } from '../../server/web/live/like-batcher';
import { roomSlugFromPath } from '../../server/web/live/room-slug';
import { joinedStore, kumquats, renderPage, roomState } from './live-viewer-support';

describe('countdown', () => {
  it('shows mm:ss, rounding up and never below zero', () => {
    expect(formatCountdown(0)).toBe('00:00');
    expect(formatCountdown(9)).toBe('00:09');
    expect(formatCountdown(65)).toBe('01:05');
    expect(formatCountdown(3600)).toBe('60:00');
    expect(secondsLeft(10_500, 10_000)).toBe(1);
    expect(secondsLeft(10_000, 12_000)).toBe(0);
  });

  it('announces only at a few thresholds, the latest one when several pass at once', () => {
    expect(crossedThreshold(62, 61)).toBeNull();
    expect(crossedThreshold(61, 60)).toBe(60);
    expect(crossedThreshold(60, 59)).toBeNull();
    expect(crossedThreshold(400, 25)).toBe(30);
    expect(crossedThreshold(11, 10)).toBe(10);
    expect(crossedThreshold(10, 0)).toBeNull();
  });
});

describe('room slug from the address', () => {
  it('takes /live/<slug> and refuses anything else', () => {
    expect(roomSlugFromPath('/live/lin-family-farm')).toBe('lin-family-farm');
    expect(roomSlugFromPath('/live/lin-family-farm/')).toBe('lin-family-farm');
    expect(roomSlugFromPath('/live/')).toBeNull();
    expect(roomSlugFromPath('/live/Lin')).toBeNull();
    expect(roomSlugFromPath('/live/a/b')).toBeNull();
    expect(roomSlugFromPath('/live/%E0%A4%A')).toBeNull();
  });
});

describe('like batching', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 1_780_000_000_000 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('sends the first tap at once and later taps at most twice a second, none lost', () => {
    const sent: { at: number; count: number }[] = [];
    const batcher = new LikeBatcher((count) => sent.push({ at: Date.now(), count }));
    batcher.tap();
    expect(sent).toEqual([{ at: 1_780_000_000_000, count: 1 }]);
    // Twenty taps over the next second, one every 50 ms.
    for (let i = 0; i < 20; i++) {
      vi.advanceTimersByTime(50);
      batcher.tap();
    }
    vi.advanceTimersByTime(2_000);
    expect(sent.reduce((sum, s) => sum + s.count, 0)).toBe(21);
    const gaps = sent.slice(1).map((s, i) => s.at - (sent[i]?.at ?? 0));
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(500);
    expect(sent.length).toBeLessThanOrEqual(4);
    expect(batcher.unsent).toBe(0);
  });

  it('carries taps beyond one send’s limit over to the next send', () => {
    const sent: number[] = [];
    const batcher = new LikeBatcher((count) => sent.push(count));
    batcher.tap();
    for (let i = 0; i < 70; i++) batcher.tap();
    expect(sent).toEqual([1]);
    vi.advanceTimersByTime(500);
    expect(sent).toEqual([1, maxLikesPerSend]);
    vi.advanceTimersByTime(500);
    expect(sent).toEqual([1, maxLikesPerSend, 20]);
    vi.advanceTimersByTime(5_000);
    expect(sent).toHaveLength(3);
  });

  it('sends nothing after close', () => {
    const sent: number[] = [];
    const batcher = new LikeBatcher((count) => sent.push(count));
    batcher.tap();
    batcher.tap();
    batcher.close();
    vi.advanceTimersByTime(2_000);
    expect(sent).toEqual([1]);
  });
});

describe('flash sale on the page', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 1_780_000_000_000 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('shows the sale price and a ticking countdown, announcing at thresholds only', () => {
    const start = Date.now();
    const store = joinedStore(
      roomState({
        flashSale: {
          id: 9,
          productId: kumquats.id,
          priceFen: 2990,
          quantity: 20,
          sold: 5,
          startedAt: start,
          endsAt: start + 65_000,
          endedAt: null,
        },
      }),
    );
    renderPage(store);
    act(() => {
      vi.advanceTimersByTime(0);
    });
    const product = screen.getByRole('region', { name: 'Product' });
    expect(within(product).getByText('Flash price ¥29.90')).toBeInTheDocument();
    expect(within(product).getByText('Left at this price: 15')).toBeInTheDocument();
    const timer = within(product).getByRole('timer');
    expect(timer).toHaveTextContent('01:05');
    const status = within(product).getByText(/Flash sale on/);
    expect(status).toHaveTextContent('Flash sale on: 1 min 5 s left.');

    act(() => {
      vi.advanceTimersByTime(3_000);
    });
    expect(timer).toHaveTextContent('01:02');
    expect(status).toHaveTextContent('Flash sale on: 1 min 5 s left.');
    act(() => {
      vi.advanceTimersByTime(2_000);
    });
    expect(timer).toHaveTextContent('01:00');
    expect(status).toHaveTextContent('Flash sale: 1 min left.');
    act(() => {
      vi.advanceTimersByTime(30_000);
    });
    expect(status).toHaveTextContent('Flash sale: 30 s left.');
    act(() => {
      vi.advanceTimersByTime(31_000);
    });
    // Over: the card shows the normal price again.
    expect(within(product).queryByRole('timer')).toBeNull();
    expect(within(product).getByText('Price ¥39.80')).toBeInTheDocument();
  });
});
