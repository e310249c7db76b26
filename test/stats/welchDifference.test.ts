import { describe, expect, it } from 'vitest';
import { welchDifference } from '../../src/stats/welchDifference.js';
import { expectRelClose } from './close.js';

describe('welchDifference', () => {
  // R: t.test(c(1,2,3,4), c(2,4,6,8,10)) → df 5.5208, 95% CI −7.3853681 0.3853681, p 0.06913;
  // scipy ttest_ind(equal_var=False): t −2.2514363231593695, df 5.520787746170677,
  // p 0.06913359319239237. The interval to more digits by hand: SE = √(5/3/4 + 10/5) =
  // 1.5545631755148024, t(0.975, 5.5208) = 2.499331092946817 (Simpson reference, see
  // studentTQuantile.test.ts) → −3.5 ± 3.885368080514286.
  it('matches R t.test on a small case', () => {
    const r = welchDifference([1, 2, 3, 4], [2, 4, 6, 8, 10])!;
    expect(r.difference).toBe(-3.5);
    expectRelClose(r.se, 1.5545631755148024, 1e-14);
    expectRelClose(r.df, 5.520787746170677, 1e-12);
    expectRelClose(r.ci95[0], -7.385368080514286, 1e-11);
    expectRelClose(r.ci95[1], 0.3853680805142856, 1e-10);
    expectRelClose(r.p, 0.06913359319239237, 1e-11);
  });

  it('is null for tiny or constant samples, never NaN', () => {
    expect(welchDifference([1], [2, 3])).toBeNull();
    expect(welchDifference([], [])).toBeNull();
    expect(welchDifference([2, 2], [3, 3, 3])).toBeNull();
  });
});
