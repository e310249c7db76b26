import { sampleMoments } from './sampleMoments.js';
import { studentTTwoSidedP } from './studentT.js';

/** Welch's t statistic, its Welch–Satterthwaite degrees of freedom and two-sided p-value. */
export interface WelchResult {
  t: number;
  df: number;
  p: number;
}

/**
 * Welch's unequal-variance t-test of mean(a) = mean(b), two-sided; the same numbers as
 * `scipy.stats.ttest_ind(a, b, equal_var=False)`. t is positive when a has the larger mean.
 *
 * Returns null when either sample has fewer than 2 values (no variance to estimate), or
 * when both sample variances are 0. In the latter case with equal means there is nothing to
 * test; with different means t would be infinite and p exactly 0, an artefact of constant
 * samples rather than evidence, so the test is reported as undefined instead. One constant
 * sample is fine: df then falls back to n − 1 of the other.
 *
 * Also null when the moments overflow double precision (values near 1.8e308, or not finite):
 * t, df or p would be NaN or infinite, which no output may print.
 *
 * @example
 * welchTTest([1, 2, 3, 4], [2, 4, 6, 8, 10]);
 * // { t: -2.2514363231593695, df: 5.520787746170677, p: 0.06913359319239237 }
 */
export function welchTTest(a: ArrayLike<number>, b: ArrayLike<number>): WelchResult | null {
  if (a.length < 2 || b.length < 2) return null;
  const x = sampleMoments(a);
  const y = sampleMoments(b);
  if (x.variance === 0 && y.variance === 0) return null;
  const vx = x.variance / x.n;
  const vy = y.variance / y.n;
  const se2 = vx + vy;
  const t = (x.mean - y.mean) / Math.sqrt(se2);
  const df = (se2 * se2) / ((vx * vx) / (x.n - 1) + (vy * vy) / (y.n - 1));
  if (!Number.isFinite(t) || !Number.isFinite(df)) return null;
  const p = studentTTwoSidedP(t, df);
  return Number.isFinite(p) ? { t, df, p } : null;
}
