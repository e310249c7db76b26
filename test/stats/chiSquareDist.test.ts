import { describe, expect, it } from 'vitest';
import { chiSquareSf } from '../../src/stats/chiSquareDist.js';
import { normalTwoSidedP } from '../../src/stats/normal.js';
import { expectRelClose } from './close.js';

describe('chiSquareSf', () => {
  it('matches scipy chi2.sf(x, df)', () => {
    // python3 -c "from scipy import stats; print(repr(stats.chi2.sf(x, df)))"
    const cases: [number, number, number][] = [
      [3.841458820694124, 1, 0.04999999999999989],
      [1, 1, 0.31731050786291115],
      [10, 3, 0.01856613546304325],
      [0.5, 7, 0.9994464813904249],
      [50, 23, 0.0009213220411029255],
      [30, 10, 0.000856641210775301],
      [200, 20, 1.1253473960842808e-31],
      [0.001, 2, 0.9995001249791693],
    ];
    for (const [x, df, expected] of cases) expectRelClose(chiSquareSf(x, df), expected, 1e-12);
  });

  it('has closed forms: e^(−x/2) for df = 2, the normal p for df = 1', () => {
    expectRelClose(chiSquareSf(2, 2), Math.exp(-1), 1e-15);
    expectRelClose(chiSquareSf(7.3, 2), Math.exp(-3.65), 1e-14);
    expectRelClose(chiSquareSf(2.5 ** 2, 1), normalTwoSidedP(2.5), 1e-13);
  });

  it('handles the edges', () => {
    expect(chiSquareSf(0, 4)).toBe(1);
    expect(chiSquareSf(Infinity, 4)).toBe(0);
    expect(chiSquareSf(1, 0)).toBeNaN();
  });
});
