import { describe, expect, it } from 'vitest';
import { poissonCountTest } from '../../src/stats/poissonCountTest.js';
import { poissonRateTest } from '../../src/stats/poissonRateTest.js';
import { expectRelClose } from './close.js';

/*
 * Reference values: the exact binomial p-value in rational arithmetic, R's binom.test rule
 * (outcomes with probability ≤ d·(1 + 1e-7), d the probability of x1):
 *   python3: from fractions import Fraction as F; from math import comb
 *     pmf = [comb(n,i)*p**i*(1-p)**(n-i) for i in range(n+1)], p = F(t1, t1+t2)
 *     x < n·p: y = #{i ≥ ceil(np): pmf[i] ≤ d·rel}; p = Σpmf[:x+1] + Σpmf[n−y+1:]
 *     x > n·p: y = #{i ≤ floor(np): pmf[i] ≤ d·rel}; p = Σpmf[:y] + Σpmf[x:]
 */
describe('poissonRateTest', () => {
  it("R's ?poisson.test example (eba1977, Fredericia vs the other cities): p = 0.07967", () => {
    const p = poissonRateTest(11, 6 + 8 + 7, 800, 1083 + 1050 + 878)!;
    expectRelClose(p, 0.07966863303332947, 1e-9);
    expect(Number(p.toFixed(5))).toBe(0.07967);
  });

  it('one week against four: the exact binomial sums', () => {
    expectRelClose(poissonRateTest(12, 100, 1, 4)!, 0.012644968576653112, 1e-9);
    expectRelClose(poissonRateTest(30, 60, 1, 4)!, 0.0033315465389681556, 1e-9);
    expectRelClose(poissonRateTest(0, 20, 1, 4)!, 0.021511001366792765, 1e-9);
    expectRelClose(poissonRateTest(9, 3, 2, 3)!, 0.017444048896, 1e-9);
    expect(poissonRateTest(40, 160, 1, 4)).toBe(1);
  });

  it('equals poissonCountTest for equal exposures', () => {
    expectRelClose(poissonRateTest(12, 3, 7, 7)!, poissonCountTest(12, 3)!, 1e-10);
    expectRelClose(poissonRateTest(55, 40, 1, 1)!, 0.1505180638902296, 1e-10);
  });

  it('is null for two zero counts and rejects bad input', () => {
    expect(poissonRateTest(0, 0, 1, 4)).toBeNull();
    expect(() => poissonRateTest(-1, 2, 1, 1)).toThrow(RangeError);
    expect(() => poissonRateTest(1, 2, 0, 1)).toThrow(RangeError);
  });
});
