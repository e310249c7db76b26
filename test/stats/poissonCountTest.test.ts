import { describe, expect, it } from 'vitest';
import { poissonCountTest } from '../../src/stats/poissonCountTest.js';
import { expectRelClose } from './close.js';

describe('poissonCountTest', () => {
  it('12 vs 3 by hand: 2 · (1 + 15 + 105 + 455)/2¹⁵ = 0.03515625', () => {
    expectRelClose(poissonCountTest(12, 3)!, 0.03515625, 1e-13);
    expectRelClose(poissonCountTest(3, 12)!, 0.03515625, 1e-13);
  });

  it('matches the exact binomial sum at weekly-ticket sizes', () => {
    // python3: from fractions import Fraction; from math import comb
    //   float(2*Fraction(sum(comb(n,i) for i in range(k+1)), 2**n)), n = a+b, k = min(a,b)
    expectRelClose(poissonCountTest(1234, 1175)!, 0.2373157864334955, 1e-11);
    expectRelClose(poissonCountTest(55, 40)!, 0.1505180638902296, 1e-12);
    expectRelClose(poissonCountTest(5000, 5300)!, 0.003215819673645239, 1e-10);
  });

  it('is 1 for equal counts and exact when one count is 0', () => {
    expect(poissonCountTest(40, 40)).toBe(1);
    expect(poissonCountTest(1, 0)).toBe(1);
    expectRelClose(poissonCountTest(0, 7)!, 2 / 128, 1e-14);
  });

  it('has nothing to test when both counts are 0, and rejects non-counts', () => {
    expect(poissonCountTest(0, 0)).toBeNull();
    expect(() => poissonCountTest(-1, 3)).toThrow(RangeError);
    expect(() => poissonCountTest(1.5, 3)).toThrow(RangeError);
  });
});
