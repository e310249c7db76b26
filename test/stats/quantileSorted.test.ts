import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quantileSorted } from '../../src/stats/quantileSorted.js';

describe('quantileSorted (type 7)', () => {
  it('matches numpy.quantile (linear)', () => {
    // python3 -c "import numpy as np; print([np.quantile([1,2,3,4], p) for p in [0,.25,.5,.9,1]])"
    expect([0, 0.25, 0.5, 0.9, 1].map((p) => quantileSorted([1, 2, 3, 4], p))).toEqual([1, 1.75, 2.5, 3.7, 4]);
    // np.quantile([1,10,11,50,51,100], 0.025) → 2.125: h = 5·0.025 = 0.125, 1 + 0.125·9
    expect(quantileSorted([1, 10, 11, 50, 51, 100], 0.025)).toBe(2.125);
  });

  it('handles one value, an empty input and out-of-range p', () => {
    expect(quantileSorted([3.5], 0.3)).toBe(3.5);
    expect(quantileSorted([], 0.5)).toBeNaN();
    expect(quantileSorted([1, 2], -1)).toBe(1);
    expect(quantileSorted([1, 2], 2)).toBe(2);
  });

  it('works on typed arrays and stays between its neighbours', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 50 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (values, p) => {
          const sorted = Float64Array.from(values).sort();
          const q = quantileSorted(sorted, p);
          expect(q).toBeGreaterThanOrEqual(sorted[Math.floor((sorted.length - 1) * p)]!);
          expect(q).toBeLessThanOrEqual(sorted[Math.ceil((sorted.length - 1) * p)]!);
        },
      ),
    );
  });
});
