import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chiSquareIndependence } from '../../src/stats/chiSquare.js';
import { twoProportionZTest } from '../../src/stats/twoProportionZ.js';
import { expectRelClose } from './close.js';

describe('twoProportionZTest', () => {
  it('8/10 vs 2/10 by hand: pooled 0.5, se = √(0.25 · 0.2) = 0.2236, z = 0.6/0.2236', () => {
    const result = twoProportionZTest(8, 10, 2, 10)!;
    expectRelClose(result.z, 0.6 / Math.sqrt(0.05), 1e-14);
    // python3 -c "from scipy import stats; print(2*stats.norm.sf(2.683281572999748))"
    expectRelClose(result.p, 0.007290358091535629, 1e-12);
  });

  it('matches the pooled z and its scipy p-value', () => {
    // z = (p1-p2)/sqrt(pp*(1-pp)*(1/n1+1/n2)); p = 2*stats.norm.sf(abs(z))
    const a = twoProportionZTest(45, 100, 30, 100)!;
    expectRelClose(a.z, 2.1908902300206647, 1e-14);
    expectRelClose(a.p, 0.02845973691631055, 1e-12);
    const b = twoProportionZTest(250, 412, 3000, 3588)!;
    expectRelClose(b.z, -11.294904323876493, 1e-13);
    expectRelClose(b.p, 1.3905540502060228e-29, 1e-11);
  });

  it('squares to the 2×2 Pearson chi-square and gives its p', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 500 }),
        fc.integer({ min: 1, max: 500 }),
        fc.nat(),
        fc.nat(),
        (n1, n2, s1, s2) => {
          const x1 = s1 % (n1 + 1);
          const x2 = s2 % (n2 + 1);
          const z = twoProportionZTest(x1, n1, x2, n2);
          const chi = chiSquareIndependence([
            [x1, n1 - x1],
            [x2, n2 - x2],
          ]);
          if (z === null) {
            expect(chi).toBeNull();
            return;
          }
          expectRelClose(z.z * z.z, chi!.chi2, 1e-9);
          expect(Math.abs(z.p - chi!.p)).toBeLessThan(1e-12);
        },
      ),
    );
  });

  it('is undefined for an empty group or when everyone (or no one) succeeds', () => {
    expect(twoProportionZTest(0, 0, 3, 10)).toBeNull();
    expect(twoProportionZTest(3, 10, 0, 0)).toBeNull();
    expect(twoProportionZTest(0, 10, 0, 20)).toBeNull();
    expect(twoProportionZTest(10, 10, 20, 20)).toBeNull();
  });

  it('equal proportions give z = 0 and p = 1; huge gaps give p = 0, not NaN', () => {
    expect(twoProportionZTest(5, 10, 10, 20)).toEqual({ z: 0, p: 1 });
    const extreme = twoProportionZTest(1, 1000, 999, 1000)!;
    expectRelClose(extreme.z, -44.631916830895804, 1e-13);
    expect(extreme.p).toBe(0);
  });
});
