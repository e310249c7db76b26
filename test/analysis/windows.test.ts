import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { followUpWindow, isoWindow, parseCohortWindow, parseSpan, problemWindow, windowDays } from '../../src/analysis/windows.js';

const iso = (w: { start: number; end: number }) => isoWindow(w);

describe('parseCohortWindow', () => {
  it('reads a month as its first through last day', () => {
    expect(iso(parseCohortWindow('2014-01'))).toEqual({ start: '2014-01-01', end: '2014-01-31' });
    expect(iso(parseCohortWindow('2016-02'))).toEqual({ start: '2016-02-01', end: '2016-02-29' });
    expect(iso(parseCohortWindow('2014-02'))).toEqual({ start: '2014-02-01', end: '2014-02-28' });
  });

  it('reads an inclusive date range, one day included', () => {
    expect(iso(parseCohortWindow('2014-01-05..2014-01-20'))).toEqual({ start: '2014-01-05', end: '2014-01-20' });
    expect(iso(parseCohortWindow('2014-01-31..2014-01-31'))).toEqual({ start: '2014-01-31', end: '2014-01-31' });
    expect(windowDays(parseCohortWindow('2014-01-31..2014-01-31'))).toBe(1);
  });

  it.each(['2014-13', '2014-1', 'January', '2014-01-01', '2014-02-30..2014-03-01', '2014-01-01..', '14-01-01..14-01-31', ''])(
    'rejects %j with a usage error showing valid syntax',
    (text) => {
      expect(() => parseCohortWindow(text)).toThrow(UsageError);
      expect(() => parseCohortWindow(text)).toThrow(/--cohort 2014-01 or an inclusive range like --cohort 2014-01-01\.\.2014-01-31/);
    },
  );

  it('rejects a range that ends before it starts, suggesting the swapped range', () => {
    expect(() => parseCohortWindow('2014-01-31..2014-01-01')).toThrow('--cohort 2014-01-01..2014-01-31');
  });
});

describe('parseSpan', () => {
  it('reads days, weeks and months, case-insensitive', () => {
    expect(parseSpan('3m', '--follow', 1)).toEqual({ count: 3, unit: 'm' });
    expect(parseSpan('90D', '--follow', 1)).toEqual({ count: 90, unit: 'd' });
    expect(parseSpan(' 12w ', '--follow', 1)).toEqual({ count: 12, unit: 'w' });
    expect(parseSpan('0d', '--grace', 0)).toEqual({ count: 0, unit: 'd' });
  });

  it.each(['3', 'm', '3 months', '-1d', '1.5m', '3y', ''])('rejects %j for --follow with an example', (text) => {
    expect(() => parseSpan(text, '--follow', 1)).toThrow(UsageError);
    expect(() => parseSpan(text, '--follow', 1)).toThrow(/e\.g\. --follow 3m, --follow 90d or --follow 12w/);
  });

  it('rejects an empty follow-up but accepts no grace', () => {
    expect(() => parseSpan('0m', '--follow', 1)).toThrow(/at least 1/);
    expect(() => parseSpan('fortnight', '--grace', 0)).toThrow(/e\.g\. --grace 14d/);
  });
});

describe('followUpWindow', () => {
  const jan = parseCohortWindow('2014-01');

  it('starts the day after the cohort and covers whole calendar months', () => {
    expect(iso(followUpWindow(jan, { count: 3, unit: 'm' }))).toEqual({ start: '2014-02-01', end: '2014-04-30' });
    expect(iso(followUpWindow(parseCohortWindow('2014-02'), { count: 1, unit: 'm' }))).toEqual({ start: '2014-03-01', end: '2014-03-31' });
  });

  it('a one-day cohort on a month end follows through the next month end', () => {
    const lastDay = parseCohortWindow('2014-01-31..2014-01-31');
    expect(iso(followUpWindow(lastDay, { count: 1, unit: 'm' }))).toEqual({ start: '2014-02-01', end: '2014-02-28' });
  });

  it('a start late in a month clamps like EDATE', () => {
    const w = parseCohortWindow('2014-01-30..2014-01-30');
    expect(iso(followUpWindow(w, { count: 1, unit: 'm' }))).toEqual({ start: '2014-01-31', end: '2014-02-27' });
  });

  it('counts days and weeks inclusively', () => {
    expect(iso(followUpWindow(jan, { count: 90, unit: 'd' }))).toEqual({ start: '2014-02-01', end: '2014-05-01' });
    expect(windowDays(followUpWindow(jan, { count: 90, unit: 'd' }))).toBe(90);
    expect(windowDays(followUpWindow(jan, { count: 12, unit: 'w' }))).toBe(84);
  });
});

describe('problemWindow', () => {
  const jan = parseCohortWindow('2014-01');
  it('runs from the cohort start through cohort end + grace', () => {
    expect(iso(problemWindow(jan, { count: 14, unit: 'd' }))).toEqual({ start: '2014-01-01', end: '2014-02-14' });
    expect(iso(problemWindow(jan, { count: 0, unit: 'd' }))).toEqual({ start: '2014-01-01', end: '2014-01-31' });
    expect(iso(problemWindow(jan, { count: 2, unit: 'w' }))).toEqual({ start: '2014-01-01', end: '2014-02-14' });
    expect(iso(problemWindow(jan, { count: 1, unit: 'm' }))).toEqual({ start: '2014-01-01', end: '2014-02-28' });
  });
});
