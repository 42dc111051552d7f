import { describe, expect, it } from 'vitest';
import { canAct, canStart, phaseOf } from '../../shared/domain/live/broadcast';
import {
  canStartSale,
  expiresAt,
  isRunning,
  salePhase,
  saleRemaining,
  unitPrice,
} from '../../shared/domain/live/flash-sale';
import { cleanKeywords, heldBy, normaliseForFilter } from '../../shared/domain/live/keywords';
import { reserve } from '../../shared/domain/live/stock';

describe('broadcast state machine', () => {
  it('goes from no broadcast to live to ended, and live again with a new one', () => {
    expect(phaseOf(null)).toBe('none');
    expect(canStart('none')).toEqual({ ok: true });
    expect(canStart('live')).toEqual({ ok: false, reason: 'already_live' });
    expect(canStart(phaseOf({ status: 'ended' }))).toEqual({ ok: true });
  });
  it('acts (pin, sell, end) only while live', () => {
    expect(canAct('live')).toEqual({ ok: true });
    expect(canAct('ended')).toEqual({ ok: false, reason: 'not_live' });
    expect(canAct('none')).toEqual({ ok: false, reason: 'not_live' });
  });
});

describe('flash sale state machine', () => {
  const base = { quantity: 10, sold: 0, endsAt: 60_000, endedAt: null, priceFen: 4900 };
  it('runs until its time, then has expired', () => {
    expect(salePhase(base, 0)).toBe('running');
    expect(salePhase(base, 59_999)).toBe('running');
    expect(salePhase(base, 60_000)).toBe('expired');
    expect(salePhase({ ...base, endedAt: 60_000 }, 70_000)).toBe('expired');
  });
  it('sells out, or is ended early', () => {
    expect(salePhase({ ...base, sold: 10 }, 1000)).toBe('sold_out');
    expect(salePhase({ ...base, endedAt: 30_000 }, 31_000)).toBe('ended_early');
    expect(isRunning({ ...base, endedAt: 30_000 }, 20_000)).toBe(false);
  });
  it('applies its price only while running', () => {
    expect(unitPrice(6800, base, 1000)).toBe(4900);
    expect(unitPrice(6800, base, 60_000)).toBe(6800);
    expect(unitPrice(6800, { ...base, sold: 10 }, 1000)).toBe(6800);
    expect(unitPrice(6800, null, 1000)).toBe(6800);
  });
  it('bounds what is left by the stock', () => {
    expect(saleRemaining({ ...base, sold: 4 }, 100, 0)).toBe(6);
    expect(saleRemaining({ ...base, sold: 4 }, 2, 0)).toBe(2);
    expect(saleRemaining(base, 100, 60_000)).toBe(0);
  });
  it('cannot offer more than the stock', () => {
    expect(canStartSale(5, 5)).toEqual({ ok: true });
    expect(canStartSale(6, 5)).toEqual({ ok: false, reason: 'more_than_stock' });
    expect(canStartSale(1, 0)).toEqual({ ok: false, reason: 'no_stock' });
  });
  it('is swept at its time unless already over', () => {
    expect(expiresAt(base)).toBe(60_000);
    expect(expiresAt({ ...base, endedAt: 5 })).toBeNull();
    expect(expiresAt({ ...base, sold: 10 })).toBeNull();
  });
});

describe('stock arithmetic', () => {
  it('takes what was asked when there is enough', () => {
    expect(reserve(10, 3)).toEqual({ ok: true, quantity: 3, stockAfter: 7 });
  });
  it('takes what is left when less than asked, never below zero', () => {
    expect(reserve(2, 5)).toEqual({ ok: true, quantity: 2, stockAfter: 0 });
  });
  it('refuses when nothing is left', () => {
    expect(reserve(0, 1)).toEqual({ ok: false, reason: 'sold_out' });
    expect(reserve(-3, 1)).toEqual({ ok: false, reason: 'sold_out' });
  });
  it('keeps the sum of many buys within the stock', () => {
    let stock = 3;
    let sold = 0;
    for (let i = 0; i < 20; i++) {
      const r = reserve(stock, 1);
      if (r.ok) {
        stock = r.stockAfter;
        sold += r.quantity;
      }
    }
    expect({ stock, sold }).toEqual({ stock: 0, sold: 3 });
  });
});

describe('keyword filter', () => {
  const words = ['加微信', 'VX', '退款骗子'];
  it('ignores case and full-width forms', () => {
    expect(heldBy('加我ｖｘ吧', words)).toBe('VX');
    expect(heldBy('add my vx', words)).toBe('VX');
    expect(normaliseForFilter('ＡＢＣ　１２３')).toBe('abc123');
  });
  it('ignores spaces put between the characters', () => {
    expect(heldBy('有问题 加 微 信 聊', words)).toBe('加微信');
  });
  it('finds Chinese words inside longer text', () => {
    expect(heldBy('这个店是退款骗子吗', words)).toBe('退款骗子');
  });
  it('lets other comments through', () => {
    expect(heldBy('金桔甜不甜？', words)).toBeNull();
    expect(heldBy('anything', [])).toBeNull();
  });
  it('cleans the list: trimmed, no blanks, no words that match the same', () => {
    expect(cleanKeywords([' VX ', 'ｖｘ', '', '  ', '加微信'])).toEqual(['VX', '加微信']);
  });
});
