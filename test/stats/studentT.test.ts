import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalTwoSidedP } from '../../src/stats/normal.js';
import { studentTTwoSidedP } from '../../src/stats/studentT.js';
import { expectRelClose } from './close.js';

describe('studentTTwoSidedP', () => {
  it('matches scipy 2·t.sf(|t|, df), for integer and fractional df', () => {
    // python3 -c "from scipy import stats; print(repr(2*stats.t.sf(abs(t), df)))"
    const cases: [number, number, number][] = [
      [2.0, 5, 0.10193947882985835],
      [-2.0, 5, 0.10193947882985835],
      [1.5, 2.5, 0.24783645308629618],
      [0.3, 1, 0.8144528418445154],
      [4.2, 17.3, 0.0005813404571487163],
      [10, 3, 0.0021283990584141503],
      [2.5, 29.3, 0.018260845709162248],
      [1.0, 1000, 0.31755241808467255],
      [25, 40, 4.963343444478322e-26],
    ];
    for (const [t, df, expected] of cases) expectRelClose(studentTTwoSidedP(t, df), expected, 1e-11);
  });

  it('keeps precision for the huge df of Welch tests on large samples', () => {
    // mpmath.mp.dps=50; mpmath.betainc(df/2, 0.5, 0, df/(df+t*t), regularized=True)
    expectRelClose(studentTTwoSidedP(2.5, 2e5), 0.012420124912362124, 1e-10);
    expectRelClose(studentTTwoSidedP(3, 1e6), 0.002699862541421797, 1e-10);
  });

  it('is exact near t = 0 where 1 − x cancels (Cauchy: 1 − 2·atan(t)/π)', () => {
    // mpmath reference 0.9999999936338023; scipy's 2*t.sf(1e-8, 1) = 0.9999999905136262 is off here
    expectRelClose(studentTTwoSidedP(1e-8, 1), 0.9999999936338023, 1e-14);
    expectRelClose(studentTTwoSidedP(1, 1), 0.5, 1e-14);
    expectRelClose(studentTTwoSidedP(2.228138851986274, 10), 0.05, 1e-13);
  });

  it('handles the edges', () => {
    expect(studentTTwoSidedP(0, 3)).toBe(1);
    expect(studentTTwoSidedP(Infinity, 3)).toBe(0);
    expect(studentTTwoSidedP(1.5, Infinity)).toBe(normalTwoSidedP(1.5));
    expect(studentTTwoSidedP(1, 0)).toBeNaN();
    expect(studentTTwoSidedP(NaN, 4)).toBeNaN();
  });

  it('is a p-value that falls as |t| grows and is heavier-tailed than the normal', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 20, noNaN: true }),
        fc.double({ min: 0.01, max: 5, noNaN: true }),
        fc.double({ min: 0.5, max: 500, noNaN: true }),
        (t, step, df) => {
          const p = studentTTwoSidedP(t, df);
          expect(p >= 0 && p <= 1).toBe(true);
          expect(studentTTwoSidedP(t + step, df)).toBeLessThanOrEqual(p);
          expect(p).toBeGreaterThanOrEqual(normalTwoSidedP(t) * (1 - 1e-12));
        },
      ),
    );
  });
});
