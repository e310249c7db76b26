import { sampleMoments } from './sampleMoments.js';
import { studentTTwoSidedP } from './studentT.js';
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
  if (a.length < 2 || b.length < 2) return null;
  const x = sampleMoments(a);
  const y = sampleMoments(b);
  if (x.variance === 0 && y.variance === 0) return null;
  const vx = x.variance / x.n;
  const vy = y.variance / y.n;
  const se2 = vx + vy;
  const se = Math.sqrt(se2);
  const difference = x.mean - y.mean;
  const df = (se2 * se2) / ((vx * vx) / (x.n - 1) + (vy * vy) / (y.n - 1));
  const half = studentTCritical(0.05, df) * se;
  return { difference, se, df, ci95: [difference - half, difference + half], p: studentTTwoSidedP(difference / se, df) };
}
