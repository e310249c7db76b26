import { describe, expect, it } from 'vitest';
import {
  isWeekComplete,
  parseAsOf,
  previousWeek,
  resolveReportWeek,
  weeksInIsoYear,
  type ReportWeek,
} from '../../src/analysis/reportWeek.js';
import { UsageError } from '../../src/errors.js';
import { isoDay, parseIsoDay } from '../../src/time/calendar.js';

const day = (text: string) => parseIsoDay(text)!;
const dates = (w: ReportWeek) => ({ label: w.label, start: isoDay(w.start), end: isoDay(w.end) });

describe('resolveReportWeek', () => {
  it('reads an explicit ISO week as Monday through Sunday', () => {
    expect(dates(resolveReportWeek('2026-W47', day('2026-11-23')))).toEqual({
      label: '2026-W47',
      start: '2026-11-16',
      end: '2026-11-22',
    });
  });

  it('places week 1 in the previous calendar year when the year starts late in the week', () => {
    // 2014-01-01 was a Wednesday, so 2014-W01 holds the Monday 2013-12-30.
    expect(dates(resolveReportWeek('2014-W01', day('2014-02-01')))).toEqual({
      label: '2014-W01',
      start: '2013-12-30',
      end: '2014-01-05',
    });
  });

  it('accepts week 53 only in the ISO years that have one', () => {
    expect(dates(resolveReportWeek('2020-W53', day('2021-02-01')))).toEqual({
      label: '2020-W53',
      start: '2020-12-28',
      end: '2021-01-03',
    });
    expect(resolveReportWeek('2026-W53', day('2027-02-01')).label).toBe('2026-W53');
    expect(() => resolveReportWeek('2021-W53', day('2022-02-01'))).toThrow(
      '--week "2021-W53" does not exist: ISO year 2021 has 52 weeks (2021-W01 to 2021-W52); use YYYY-Www, e.g. --week 2026-W47, or --week last',
    );
    expect(() => resolveReportWeek('2026-W00', day('2027-02-01'))).toThrow('ISO year 2026 has 53 weeks');
  });

  it('counts 52 or 53 weeks per ISO year', () => {
    expect([2009, 2014, 2015, 2016, 2020, 2021, 2026, 2032].map(weeksInIsoYear)).toEqual([53, 52, 53, 52, 53, 52, 53, 53]);
  });

  it('rejects malformed weeks with an example', () => {
    for (const spec of ['2026-47', '2026W47', '2026-W7', 'W47', '2026-w47', 'Last', '']) {
      expect(() => resolveReportWeek(spec, day('2026-11-23'))).toThrow(UsageError);
    }
    expect(() => resolveReportWeek('0050-W10', day('2026-11-23'))).toThrow('--week "0050-W10" is before the year 1000');
    expect(() => resolveReportWeek('2026-47', day('2026-11-23'))).toThrow(
      '--week "2026-47" is not an ISO week; use YYYY-Www, e.g. --week 2026-W47, or --week last',
    );
  });

  it('reads last as the last full week before the as-of day', () => {
    // Monday: the week that ended yesterday.
    expect(resolveReportWeek('last', day('2026-11-23')).label).toBe('2026-W47');
    // Sunday: its own week is not over yet, so the one before.
    expect(resolveReportWeek('last', day('2026-11-22')).label).toBe('2026-W46');
    expect(resolveReportWeek('last', day('2026-11-29')).label).toBe('2026-W47');
    // Mid-week.
    expect(resolveReportWeek('last', day('2026-11-19')).label).toBe('2026-W46');
    // Over a year end: Monday 2021-01-04 reports on 2020-W53.
    expect(dates(resolveReportWeek('last', day('2021-01-04')))).toEqual({
      label: '2020-W53',
      start: '2020-12-28',
      end: '2021-01-03',
    });
  });

  it('tells whether the week is over by the as-of day', () => {
    const w47 = resolveReportWeek('2026-W47', day('2026-11-23'));
    expect(isWeekComplete(w47, day('2026-11-23'))).toBe(true);
    expect(isWeekComplete(w47, day('2026-11-22'))).toBe(false);
  });
});

describe('previousWeek', () => {
  it('steps back one week, across year ends', () => {
    expect(dates(previousWeek(resolveReportWeek('2026-W47', 0)))).toEqual({
      label: '2026-W46',
      start: '2026-11-09',
      end: '2026-11-15',
    });
    expect(previousWeek(resolveReportWeek('2021-W01', 0)).label).toBe('2020-W53');
    expect(previousWeek(resolveReportWeek('2014-W01', 0)).label).toBe('2013-W52');
  });
});

describe('parseAsOf', () => {
  it('reads YYYY-MM-DD', () => {
    expect(isoDay(parseAsOf('2026-11-23'))).toBe('2026-11-23');
  });

  it('rejects anything else with an example', () => {
    expect(() => parseAsOf('23/11/2026')).toThrow(
      '--as-of "23/11/2026" is not a date; use YYYY-MM-DD, e.g. --as-of 2026-11-23',
    );
    expect(() => parseAsOf('2026-02-30')).toThrow(UsageError);
  });
});
