import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addMonths,
  dayFromParts,
  hourOf,
  isoDay,
  weekdayIndex,
  isoWeekLabel,
  isoWeekStart,
  lastOfMonth,
  parseIsoDay,
  weekdayOf,
} from '../../src/time/calendar.js';

describe('calendar', () => {
  it('round-trips ISO days and rejects impossible dates', () => {
    expect(isoDay(parseIsoDay('2014-01-31')!)).toBe('2014-01-31');
    expect(parseIsoDay('2014-02-30')).toBeNull();
    expect(parseIsoDay('2014-1-3')).toBeNull();
  });

  it('adds calendar months clamping to the last day of the month', () => {
    expect(isoDay(addMonths(dayFromParts(2014, 1, 31), 1))).toBe('2014-02-28');
    expect(isoDay(addMonths(dayFromParts(2016, 1, 31), 1))).toBe('2016-02-29');
    expect(isoDay(addMonths(dayFromParts(2014, 2, 1), 3))).toBe('2014-05-01');
    expect(isoDay(addMonths(dayFromParts(2014, 11, 15), 3))).toBe('2015-02-15');
    expect(isoDay(addMonths(dayFromParts(2014, 1, 15), -2))).toBe('2013-11-15');
    expect(isoDay(lastOfMonth(dayFromParts(2014, 4, 10)))).toBe('2014-04-30');
  });

  it('reads hour and weekday from the wall clock', () => {
    const t = Date.UTC(2014, 0, 6, 17, 45); // Monday 2014-01-06 17:45
    expect(hourOf(t)).toBe(17);
    expect(weekdayOf(t)).toBe('Mon');
    expect(weekdayOf(Date.UTC(2014, 0, 12, 23, 59))).toBe('Sun');
  });

  it('gives the hour and weekday Date gives for any time, before 1970 and fractions of a ms included', () => {
    const time = fc.oneof(
      fc.integer({ min: -8.64e15, max: 8.64e15 }),
      fc.double({ min: -8.7e15, max: 8.7e15, noNaN: true }),
      fc.integer({ min: -3 * 86_400_000, max: 3 * 86_400_000 }),
      fc.constantFrom(0, -1, -0.5, 0.5, -86_400_000, 8.64e15, -8.64e15, 8.64e15 + 1, Number.NaN, Number.POSITIVE_INFINITY),
    );
    fc.assert(
      fc.property(time, (t) => {
        expect(Object.is(hourOf(t), new Date(t).getUTCHours())).toBe(true);
        expect(Object.is(weekdayIndex(t), (new Date(t).getUTCDay() + 6) % 7)).toBe(true);
      }),
      { numRuns: 20_000 },
    );
  });

  it('labels ISO weeks, including weeks that straddle a year end', () => {
    expect(isoWeekLabel(dayFromParts(2026, 11, 22))).toBe('2026-W47');
    expect(isoWeekLabel(dayFromParts(2021, 1, 3))).toBe('2020-W53');
    expect(isoWeekLabel(dayFromParts(2024, 12, 30))).toBe('2025-W01');
    expect(isoDay(isoWeekStart(2026, 47))).toBe('2026-11-16');
    expect(isoDay(isoWeekStart(2025, 1))).toBe('2024-12-30');
  });
});
