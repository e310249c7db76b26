import { describe, expect, it } from 'vitest';
import { duration, interval, sliceTable, testLine } from '../../src/report/slicesCells.js';
import { analyzeSlices } from '../../src/analysis/slices.js';
import { loaded, many, rated } from '../analysis/sliceTickets.js';

describe('slices table cells', () => {
  it('formats waits, intervals and missing values without locale', () => {
    expect(duration(45)).toBe('45s');
    expect(duration(245)).toBe('4m 05s');
    expect(duration(3725)).toBe('1h 02m');
    expect(duration(null)).toBe('–');
    expect(interval([0.5712, 0.65])).toBe('57.1–65.0%');
    expect(interval(null)).toBe('–');
  });

  it('shows optional columns only when the data has them, and marks flags with symbols', () => {
    const records = [
      ...rated(40, 36, { reason: 'billing', transfers: 0 }),
      ...rated(40, 10, { reason: 'order status', transfers: 2 }),
      ...rated(5, 2, { reason: 'returns', transfers: 0 }),
      ...many(2, { reason: null, score: null }),
    ];
    const result = analyzeSlices(loaded(records, ['reason', 'transfers']), { by: ['reason'], minRated: 30 });
    const table = sliceTable(result, 'reason');
    expect(table.columns.map((c) => c.header)).toEqual([
      'Reason', 'Tickets', 'Share', 'Rated', 'CSAT', '95% CI', 'Mean score', 'Adj. p', 'Flag', 'Transferred',
    ]);
    expect(table.rows.map((r) => [r[0], r[8], r[9]])).toEqual([
      ['billing', '▲ high', '0.0%'],
      ['order status', '▼ low', '100.0%'],
      ['returns', '(n<30)', '0.0%'],
      ['(none)', '', '–'],
    ]);
  });

  it('states the chi-square verdict, or that it could not be tested', () => {
    const r = analyzeSlices(loaded([...rated(40, 36, { hour: 9 }), ...rated(40, 10, { hour: 18 })]), { by: ['hour'], minRated: 30 });
    // scipy.stats.chi2_contingency([[36,4],[10,30]], correction=False) → statistic 34.57800511508951, dof 1
    expect(testLine(r, 'hour')).toBe('Chi-square test: χ² = 34.58, df = 1, p < 0.001: satisfaction differs by hour.');
    const flat = analyzeSlices(loaded(rated(40, 40, { hour: 9 })), { by: ['hour'], minRated: 30 });
    expect(testLine(flat, 'hour')).toBe(
      'Chi-square test: not testable (needs ratings, both satisfied and not, in at least two hour slices).',
    );
  });
});
