import { describe, expect, it } from 'vitest';
import { regularizedIncompleteBeta } from '../../src/stats/incompleteBeta.js';
import { regularizedLowerGamma, regularizedUpperGamma } from '../../src/stats/incompleteGamma.js';
import { logBeta } from '../../src/stats/logBeta.js';
import { logGamma } from '../../src/stats/logGamma.js';
import { expectRelClose } from './close.js';

describe('logGamma', () => {
  it('matches scipy.special.gammaln', () => {
    // python3 -c "from scipy import special; print(repr(special.gammaln(x)))"
    expectRelClose(logGamma(0.5), 0.5723649429247, 1e-14);
    expectRelClose(logGamma(2.5), 0.2846828704729192, 1e-14);
    expectRelClose(logGamma(10.3), 13.482036786138359, 1e-14);
    expectRelClose(logGamma(171.5), 709.1431630309283, 1e-14);
    expectRelClose(logGamma(1e5), 1051287.7089736569, 1e-14);
    expect(Math.abs(logGamma(1))).toBeLessThan(1e-15);
    expect(Math.abs(logGamma(2))).toBeLessThan(1e-15);
    expect(logGamma(0)).toBeNaN();
  });
});

describe('logBeta', () => {
  it('matches 50-digit mpmath, also when one argument is huge', () => {
    // mpmath.mp.dps=50; mpmath.log(mpmath.beta(a, b))
    expectRelClose(logBeta(0.5, 0.5), 1.1447298858494002, 1e-14);
    expectRelClose(logBeta(3, 1e5), -33.84565921410074, 1e-14);
    expectRelClose(logBeta(50, 70), -82.26860396842366, 1e-14);
    expectRelClose(logBeta(1e5, 0.5), -5.184096539560414, 1e-14);
    expectRelClose(logBeta(2, 3), Math.log(1 / 12), 1e-14);
  });
});

describe('regularizedIncompleteBeta', () => {
  it('matches scipy.special.betainc(a, b, x)', () => {
    expectRelClose(regularizedIncompleteBeta(0.3, 2.5, 7), 0.6412224629717214, 1e-13);
    expectRelClose(regularizedIncompleteBeta(0.9, 0.5, 0.5), 0.7951672353008665, 1e-13);
    expectRelClose(regularizedIncompleteBeta(0.01, 3, 2), 3.97e-6, 1e-13);
  });

  it('has closed forms at the edges and for a = 1', () => {
    expect(regularizedIncompleteBeta(0, 2, 3)).toBe(0);
    expect(regularizedIncompleteBeta(1, 2, 3)).toBe(1);
    expectRelClose(regularizedIncompleteBeta(0.25, 1, 3), 1 - 0.75 ** 3, 1e-15);
    expect(regularizedIncompleteBeta(0.5, 0, 1)).toBeNaN();
  });
});

describe('regularized incomplete gamma', () => {
  it('matches scipy.special.gammaincc / gammainc', () => {
    expectRelClose(regularizedUpperGamma(2.5, 1), 0.8491450360846096, 1e-13);
    expectRelClose(regularizedLowerGamma(2.5, 1), 0.15085496391539038, 1e-13);
    expectRelClose(regularizedUpperGamma(0.5, 4), 0.004677734981047276, 1e-13);
    expectRelClose(regularizedUpperGamma(10, 25), 0.0002214766382487835, 1e-13);
    expectRelClose(regularizedLowerGamma(10, 25), 0.9997785233617512, 1e-13);
  });

  it('is e^−x for a = 1 and 1 at x = 0', () => {
    expectRelClose(regularizedUpperGamma(1, 2), Math.exp(-2), 1e-15);
    expect(regularizedUpperGamma(3, 0)).toBe(1);
    expect(regularizedLowerGamma(3, 0)).toBe(0);
    expect(regularizedUpperGamma(3, Infinity)).toBe(0);
  });
});
