import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chooseCohortWindow, countedOrderSpan } from '../../src/analysis/cohortWindow.js';
import { isoWindow } from '../../src/analysis/windows.js';
import { DataError } from '../../src/errors.js';
import { isoDay } from '../../src/time/calendar.js';
import { order } from './cohortRecords.js';
import { orderTable } from '../model/orderRecords.js';

const threeMonths = { count: 3, unit: 'm' as const };

function choose(dates: string[], follow = threeMonths, spec: string | null = null) {
  const span = countedOrderSpan(orderTable(dates.map((d) => order('a', d, 1))))!;
  const { window, choice } = chooseCohortWindow(spec, span, follow);
  return { ...isoWindow(window), choice };
}

describe('countedOrderSpan', () => {
  it('spans counted orders only, with the months that have any', () => {
    const span = countedOrderSpan(orderTable([
      order('a', '2014-03-05', 1),
      order('a', '2013-12-01', 1, { status: 'cancelled' }),
      order('a', '2014-01-20', 1),
      order('a', '2014-06-01', 1, { status: 'refunded' }),
    ]))!;
    expect([isoDay(span.first), isoDay(span.last)]).toEqual(['2014-01-20', '2014-03-05']);
    expect([...span.months].map(isoDay).sort()).toEqual(['2014-01-01', '2014-03-01']);
  });

  it('keeps the months of dates centuries apart', () => {
    const span = countedOrderSpan(orderTable([order('a', '2020-03-01', 1), order('a', '1890-01-05', 1), order('a', '2150-07-31', 1), order('a', '2020-03-09', 1)]))!;
    expect([isoDay(span.first), isoDay(span.last)]).toEqual(['1890-01-05', '2150-07-31']);
    expect([...span.months].map(isoDay).sort()).toEqual(['1890-01-01', '2020-03-01', '2150-07-01']);
  });

  it('gives the first and last counted day and their months, rows in any order, runs of one day or not', () => {
    // Wall times a few hours apart, often on the day before (a sorted export), now and then far off.
    const step = fc.record({
      hours: fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 0, max: 30 }) }, { weight: 1, arbitrary: fc.integer({ min: -20_000, max: 20_000 }) }),
      minutes: fc.integer({ min: 0, max: 59 }),
      cancelled: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 80 }), (steps) => {
        let t = Date.UTC(2024, 0, 1);
        const rows = steps.map((s) => {
          t += s.hours * 3_600_000 + s.minutes * 60_000;
          return { t, counted: !s.cancelled };
        });
        const table = orderTable(rows.map((r) => ({ line: 0, customerId: 'a', orderDate: r.t, amount: 1, orderId: null, status: r.counted ? null : 'cancelled' })));
        const days = rows.filter((r) => r.counted).map((r) => Math.floor(r.t / 86_400_000));
        const span = countedOrderSpan(table);
        if (days.length === 0) {
          expect(span).toBeNull();
          return;
        }
        expect([span!.first, span!.last]).toEqual([Math.min(...days), Math.max(...days)]);
        expect([...span!.months].map(isoDay).sort()).toEqual([...new Set(days.map((d) => isoDay(d).slice(0, 8) + '01'))].sort());
      }),
      { numRuns: 500 },
    );
  });

  it('is null without counted orders', () => {
    expect(countedOrderSpan(orderTable([order('a', '2014-01-01', 1, { status: 'failed' })]))).toBeNull();
  });
});

describe('chooseCohortWindow', () => {
  it('uses --cohort when given, whatever the data', () => {
    expect(choose(['2014-01-05'], threeMonths, '2013-06')).toEqual({ start: '2013-06-01', end: '2013-06-30', choice: 'given' });
  });

  it('defaults to the latest month whose follow-up ends on or before the last counted order', () => {
    expect(choose(['2014-01-05', '2014-02-05', '2014-04-30'])).toEqual({ start: '2014-01-01', end: '2014-01-31', choice: 'latest-complete' });
    // One day short of April's end: January's follow-up is not complete, December's is.
    expect(choose(['2013-12-05', '2014-01-05', '2014-04-29'])).toEqual({ start: '2013-12-01', end: '2013-12-31', choice: 'latest-complete' });
    expect(choose(['2014-01-05', '2014-05-31'])).toEqual({ start: '2014-01-01', end: '2014-01-31', choice: 'latest-complete' });
  });

  it('skips months without counted orders', () => {
    expect(choose(['2013-11-05', '2014-06-30'])).toEqual({ start: '2013-11-01', end: '2013-11-30', choice: 'latest-complete' });
  });

  it('follows the --follow length', () => {
    expect(choose(['2014-01-05', '2014-02-05', '2014-03-01', '2014-03-31'], { count: 1, unit: 'm' })).toEqual({
      start: '2014-02-01',
      end: '2014-02-28',
      choice: 'latest-complete',
    });
    expect(choose(['2014-01-05', '2014-02-05', '2014-03-10'], { count: 30, unit: 'd' })).toEqual({
      start: '2014-01-01',
      end: '2014-01-31',
      choice: 'latest-complete',
    });
  });

  it('without a complete month, takes the earliest month: its follow-up is the most observed', () => {
    expect(choose(['2014-01-20', '2014-02-05', '2014-03-15'])).toEqual({ start: '2014-01-01', end: '2014-01-31', choice: 'earliest-partial' });
  });

  it('data inside one month has no follow-up at all: a data error naming the dates', () => {
    expect(() => choose(['2014-01-05', '2014-01-29'])).toThrow(DataError);
    expect(() => choose(['2014-01-05', '2014-01-29'])).toThrow(/cover only 2014-01-05\.\.2014-01-29/);
  });
});
