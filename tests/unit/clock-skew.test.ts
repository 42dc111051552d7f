import { describe, expect, it } from 'vitest';
import { clockSkewMs, isNoticeableSkew, noticeableSkewMs } from '../../shared/domain/clock-skew';

describe('clock skew', () => {
  it('takes the middle of the round trip as the moment the hub read its clock', () => {
    expect(clockSkewMs(1_000, 1_200, 1_100)).toBe(0);
    expect(clockSkewMs(1_000, 1_200, 61_100)).toBe(60_000);
    expect(clockSkewMs(1_000, 1_201, 1_100)).toBe(-1);
  });

  it('tells the worker only past two minutes either way', () => {
    expect(isNoticeableSkew(noticeableSkewMs)).toBe(false);
    expect(isNoticeableSkew(noticeableSkewMs + 1)).toBe(true);
    expect(isNoticeableSkew(-noticeableSkewMs - 1)).toBe(true);
    expect(isNoticeableSkew(30_000)).toBe(false);
  });
});
