import { describe, expect, it } from 'vitest';
import { welchInterval } from '../../src/stats/welchInterval.js';
import { expectRelClose } from './close.js';

describe('welchInterval', () => {
  it('[1,2,3,4] vs [2,4,6,8,10]: −3.5 with the Welch interval', () => {
    // python3: means 2.5 and 6; variances 5/3 and 10; se = √(5/12 + 2) = 1.5545631755148024;
    // df = 5.520787746170677 (scipy ttest_ind equal_var=False, see welch.test.ts);
    // t* = 2.49933109294666 (studentTQuantile.test.ts) → −3.5 ∓ t*·se.
    const r = welchInterval([1, 2, 3, 4], [2, 4, 6, 8, 10])!;
    expect(r.difference).toBe(-3.5);
    expectRelClose(r.ci95[0], -7.385368080514041, 1e-10);
    expectRelClose(r.ci95[1], 0.38536808051404137, 1e-9);
    expectRelClose(r.p, 0.06913359319239237, 1e-10);
    expectRelClose(r.df, 5.520787746170677, 1e-12);
  });

  it('is null with fewer than two values in a group', () => {
    expect(welchInterval([1], [2, 3])).toBeNull();
  });
});
