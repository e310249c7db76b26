import { describe, expect, it } from 'vitest';
import { weightedTrend } from '../../src/stats/weightedTrend.js';
import { expectRelClose } from './close.js';

describe('weightedTrend', () => {
  // Reference: exact fractions (python3), then math.erfc for the normal p:
  //   w = 1/se²; mx, my weighted means; sxx = Σw(x−mx)², sxy = Σw(x−mx)(y−my)
  //   slope = sxy/sxx = 1.3545508625817966, se = √(1/sxx) = 0.7572768144517085,
  //   p = erfc(|slope/se|/√2) = 0.07366105250427295
  it('matches the exact weighted slope, its standard error and p', () => {
    const t = weightedTrend([0, 1, 2, 3, 4], [10, 12, 9, 15, 16], [2, 1, 3, 2, 4])!;
    expectRelClose(t.slope, 1.3545508625817966, 1e-13);
    expectRelClose(t.se, 0.7572768144517085, 1e-13);
    expectRelClose(t.p, 0.07366105250427295, 1e-10);
    expectRelClose(t.ci95[0], 1.3545508625817966 - 1.959963984540054 * 0.7572768144517085, 1e-12);
  });

  it('is the ordinary slope with equal weights (hand: 0, 1, 2 → 1, 3, 2 gives 0.5)', () => {
    const t = weightedTrend([0, 1, 2], [1, 3, 2], [1, 1, 1])!;
    expectRelClose(t.slope, 0.5, 1e-15);
    expectRelClose(t.se, Math.SQRT1_2, 1e-15);
  });

  it('is null with fewer than 3 points, a zero standard error or one x', () => {
    expect(weightedTrend([0, 1], [1, 2], [1, 1])).toBeNull();
    expect(weightedTrend([0, 1, 2], [1, 2, 3], [1, 0, 1])).toBeNull();
    expect(weightedTrend([1, 1, 1], [1, 2, 3], [1, 1, 1])).toBeNull();
  });
});
