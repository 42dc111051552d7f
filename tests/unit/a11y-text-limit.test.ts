import { describe, expect, it } from 'vitest';
import {
  limitBand,
  nextLimitNotice,
  startLimitNotices,
  type LimitNotice,
} from '../../shared/a11y/text-limit';
import { teamBodyMax, teamBodySchema } from '../../shared/protocol/team';
import { codePointLength } from '../../shared/protocol/text';

/** Feeds the lengths one edit at a time and keeps what would be said. */
function said(lengths: readonly number[], max: number, start = 0): LimitNotice[] {
  let state = startLimitNotices(start, max);
  const out: LimitNotice[] = [];
  for (const count of lengths) {
    const next = nextLimitNotice(state, count, max);
    state = next.state;
    if (next.notice) out.push(next.notice);
  }
  return out;
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('length limits of written text', () => {
  it('count characters as a person does, in the hub as on screen', () => {
    expect(codePointLength('退款 ok')).toBe(5);
    expect(codePointLength('🍊𠀀')).toBe(2);
    expect(teamBodySchema.safeParse('🍊'.repeat(teamBodyMax)).success).toBe(true);
    expect(teamBodySchema.safeParse('🍊'.repeat(teamBodyMax + 1)).success).toBe(false);
    expect(teamBodySchema.safeParse(`  ${'a'.repeat(teamBodyMax)}  `).success).toBe(true);
  });

  it('put a length in a band: under, near from 80 %, full, over', () => {
    expect(limitBand(1599, 2000)).toBe('under');
    expect(limitBand(1600, 2000)).toBe('near');
    expect(limitBand(2000, 2000)).toBe('full');
    expect(limitBand(2001, 2000)).toBe('over');
  });

  it('say each threshold once while typing on, not on every key', () => {
    expect(said(range(1, 110), 100)).toEqual(['near', 'full', 'over']);
  });

  it('say "within" when an over-long text is cut back, and nothing more while deleting', () => {
    expect(said([102, 101, 100, 99, 90, 50, 10], 100, 102)).toEqual(['within']);
  });

  it('do not say a threshold again while the worker edits just across it', () => {
    expect(said([80, 79, 80, 79, 80, 81], 100)).toEqual(['near']);
    // Well below it, reaching it again is news once more.
    expect(said([80, 70, 80], 100)).toEqual(['near', 'near']);
  });

  it('stay silent about the length a field opened with', () => {
    expect(said([90, 91], 100, 90)).toEqual([]);
  });

  it('tell each band when a paste jumps straight past several', () => {
    expect(said([10, 150], 100)).toEqual(['over']);
    expect(said([10, 100], 100)).toEqual(['full']);
  });
});
