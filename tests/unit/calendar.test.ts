import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  dayKeyOf,
  daysBetween,
  daysInMonth,
  instantRange,
  isDayKey,
  isTimeZone,
  periodRange,
  startOfDay,
  weekStartOf,
  zoneOffsetMinutes,
} from '../../shared/domain/calendar';

describe('calendar days in the organisation’s zone', () => {
  it('puts a shift at 23:30 in China on that Chinese day, whatever UTC says', () => {
    const at = Date.UTC(2026, 11, 1, 15, 30); // 23:30 in Shanghai on 1 December
    expect(dayKeyOf(at, 'Asia/Shanghai')).toBe('2026-12-01');
    expect(dayKeyOf(at + 60 * 60_000, 'Asia/Shanghai')).toBe('2026-12-02');
    expect(dayKeyOf(at, 'UTC')).toBe('2026-12-01');
    expect(zoneOffsetMinutes(at, 'Asia/Shanghai')).toBe(480);
  });

  it('starts a day at local midnight, across a daylight-saving change too', () => {
    expect(startOfDay('2026-12-01', 'Asia/Shanghai')).toBe(Date.UTC(2026, 10, 30, 16));
    // Berlin moves to summer time on 29 March 2026: that day is 23 hours long.
    const { start, end } = instantRange('2026-03-29', '2026-03-30', 'Europe/Berlin');
    expect(start).toBe(Date.UTC(2026, 2, 28, 23));
    expect(end - start).toBe(23 * 3_600_000);
  });

  it('counts weeks from Monday and months by the calendar', () => {
    expect(weekStartOf('2026-12-03')).toBe('2026-11-30');
    expect(weekStartOf('2026-11-30')).toBe('2026-11-30');
    expect(weekStartOf('2026-12-06')).toBe('2026-11-30');
    expect(periodRange('week', '2026-12-03')).toEqual({ from: '2026-11-30', to: '2026-12-07' });
    expect(periodRange('month', '2026-02-14')).toEqual({ from: '2026-02-01', to: '2026-03-01' });
    expect(periodRange('day', '2026-12-31')).toEqual({ from: '2026-12-31', to: '2027-01-01' });
    expect(daysInMonth('2028-02')).toBe(29);
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2027-01', -13)).toBe('2025-12');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-12-30', '2027-01-02')).toEqual(['2026-12-30', '2026-12-31', '2027-01-01']);
  });

  it('refuses what is not a day or a zone', () => {
    expect(isDayKey('2026-02-30')).toBe(false);
    expect(isDayKey('2026-2-3')).toBe(false);
    expect(isDayKey('2026-02-28')).toBe(true);
    expect(isTimeZone('Asia/Shanghai')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(() => addDays('nope', 1)).toThrow(RangeError);
  });
});
