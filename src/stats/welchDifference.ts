import { sampleMoments } from './sampleMoments.js';
import { welchTTest } from './welch.js';
import { studentTCritical } from './studentTQuantile.js';

/** mean(a) − mean(b) with Welch's standard error, df, 95% interval and two-sided p. */
export interface WelchDifference {
  difference: number;
  se: number;
  df: number;
  ci95: [number, number];
  p: number;
}

/**
 * The difference of two means with its Welch (unequal-variance) 95% interval:
 * difference ± t(0.975, df)·SE, SE² = s²a/na + s²b/nb, df by Welch–Satterthwaite, and the
 * two-sided p of Welch's t-test (the same numbers as R's `t.test(a, b)`: estimate, conf.int,
 * p.value). Null when either sample has fewer than 2 values or both variances are 0, as
 * welchTTest.
 *
 * @example
 * welchDifference([1, 2, 3, 4], [2, 4, 6, 8, 10]);
 * // { difference: -3.5, df: 5.5208, ci95: [-7.3855, 0.3855], p: 0.0691 }
 */
export function welchDifference(a: ArrayLike<number>, b: ArrayLike<number>): WelchDifference | null {
  // The test itself (and its null cases, overflow included) is welchTTest's; this adds the interval.
  const test = welchTTest(a, b);
  if (test === null) return null;
  const x = sampleMoments(a);
  const y = sampleMoments(b);
  const difference = x.mean - y.mean;
  const se = Math.sqrt(x.variance / x.n + y.variance / y.n);
  const half = studentTCritical(0.05, test.df) * se;
  return { difference, se, df: test.df, ci95: [difference - half, difference + half], p: test.p };
}
