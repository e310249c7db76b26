import { describe, expect, it } from 'vitest';
import { mantelHaenszelRiskDifference } from '../../src/stats/mantelHaenszelRiskDifference.js';
import { expectRelClose } from './close.js';

// Reference values in exact fractions, with the variance in its weighted form
// Σ w²(p₁(1−p₁)/n₁ + p₀(1−p₀)/n₀)/(Σw)² (the code uses the expanded closed form):
//   def rd(T):
//     W = N = V = F(0)
//     for a,b,c,d in T:
//       n1, n0 = a+b, c+d
//       if n1 == 0 or n0 == 0: continue
//       w = F(n1*n0, n1+n0); W += w; N += w*(F(a,n1) - F(c,n0))
//       p1, p0 = F(a,n1), F(c,n0); V += w*w*(p1*(1-p1)/n1 + p0*(1-p0)/n0)
//     return N/W, V/(W*W)
describe('mantelHaenszelRiskDifference', () => {
  it('two equal strata: the mean of 0.3 and 0.2, variance 71/4000', () => {
    const r = mantelHaenszelRiskDifference([{ a: 8, b: 2, c: 5, d: 5 }, { a: 3, b: 7, c: 1, d: 9 }])!;
    expectRelClose(r.difference, 0.25, 1e-15);
    expectRelClose(r.se, Math.sqrt(71 / 4000), 1e-14);
    expectRelClose(r.ci95[0], 0.25 - 1.959963984540054 * Math.sqrt(71 / 4000), 1e-14);
  });

  it('uneven strata, one without unexposed tickets (weight 0): 29/115, variance 267/52900', () => {
    const r = mantelHaenszelRiskDifference([
      { a: 30, b: 20, c: 10, d: 40 },
      { a: 5, b: 15, c: 8, d: 2 },
      { a: 12, b: 3, c: 0, d: 0 },
      { a: 7, b: 3, c: 4, d: 16 },
    ])!;
    expectRelClose(r.difference, 29 / 115, 1e-14);
    expectRelClose(r.se, Math.sqrt(267 / 52900), 1e-13);
  });

  it('one stratum is the plain difference with the unpooled Wald standard error', () => {
    const r = mantelHaenszelRiskDifference([{ a: 45, b: 55, c: 30, d: 70 }])!;
    expectRelClose(r.difference, 0.15, 1e-14);
    expectRelClose(r.se, Math.sqrt((0.45 * 0.55) / 100 + (0.3 * 0.7) / 100), 1e-14);
  });

  it('is null when no stratum holds both groups', () => {
    expect(mantelHaenszelRiskDifference([{ a: 3, b: 1, c: 0, d: 0 }, { a: 0, b: 0, c: 2, d: 2 }])).toBeNull();
  });
});
