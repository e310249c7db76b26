import { describe, expect, it } from 'vitest';
import type { SliceRow } from '../../src/analysis/sliceResult.js';
import { shownSlices } from '../../src/analysis/sliceTop.js';

const row = (key: string, tickets: number, rated: number, satisfied: number, flag: SliceRow['flag'] = null): SliceRow => ({
  key,
  tickets,
  share: tickets / 100,
  rated,
  satisfied,
  csat: rated > 0 ? satisfied / rated : null,
  ci95: null,
  meanScore: null,
  p: null,
  adjP: null,
  flag,
  medianWaitSeconds: null,
  transferRate: null,
  reopenRate: null,
  fcrRate: null,
});

describe('shownSlices', () => {
  const rows = [row('a', 40, 30, 20), row('b', 30, 20, 10), row('c', 20, 10, 9, 'low'), row('d', 6, 5, 1), row('e', 4, 0, 0)];

  it('keeps the top N by tickets and sums the rest into "other (K labels)" with its Wilson interval', () => {
    const shown = shownSlices(rows, 'reason', 1);
    // c is flagged: it stays beyond the top 1. Other = b + d + e: 40 tickets, 25 rated, 11 satisfied.
    expect(shown.map((r) => r.key)).toEqual(['a', 'c', 'other (3 labels)']);
    const other = shown[2];
    expect([other.tickets, other.rated, other.satisfied, other.csat, other.flag, other.p]).toEqual([40, 25, 11, 11 / 25, null, null]);
    expect(other.share).toBeCloseTo(0.4, 12);
    // Wilson 95% for 11 of 25, the textbook formula in plain python:
    //   z=1.959963984540054; n=25; p=11/n; c=(p+z*z/(2*n))/(1+z*z/n)
    //   h=z*math.sqrt(p*(1-p)/n+z*z/(4*n*n))/(1+z*z/n); print(c-h, c+h)
    // → 0.26665638881067344 0.6293266813020123
    expect(other.ci95![0]).toBeCloseTo(0.26665638881067344, 12);
    expect(other.ci95![1]).toBeCloseTo(0.6293266813020123, 12);
  });

  it('shows everything when there are no more slices than N, and never bounds hours or weekdays', () => {
    expect(shownSlices(rows, 'reason', 5)).toEqual(rows);
    expect(shownSlices(rows, 'hour', 1)).toEqual(rows);
  });

  it('a single label left over is "other (1 label)"', () => {
    expect(shownSlices(rows.slice(0, 2), 'agent', 1).map((r) => r.key)).toEqual(['a', 'other (1 label)']);
  });
});
