import { sampleMoments } from './sampleMoments.js';
import { studentTQuantile } from './studentTQuantile.js';
import { welchTTest } from './welch.js';

/**
 * The difference of two means, mean(a) − mean(b), with its Welch 95% interval and two-sided
 * p-value: difference ± t*(df) · √(s²a/na + s²b/nb), df by Welch–Satterthwaite; R's
 * `t.test(a, b)` (whose default is Welch's). Null when welchTTest is (fewer than 2 values in
 * a sample, or both variances 0).
 *
 * @example
 * welchInterval([1, 2, 3, 4], [2, 4, 6, 8, 10]);
 * // { difference: −3.5, ci95: [−7.38537…, 0.38537…], p: 0.06913…, df: 5.52079… }
 */
export function welchInterval(a: ArrayLike<number>, b: ArrayLike<number>): { difference: number; ci95: [number, number]; p: number; df: number } | null {
  const test = welchTTest(a, b);
  if (test === null) return null;
  const x = sampleMoments(a);
  const y = sampleMoments(b);
  const difference = x.mean - y.mean;
  const se = Math.sqrt(x.variance / x.n + y.variance / y.n);
  const half = studentTQuantile(0.05, test.df) * se;
  return { difference, ci95: [difference - half, difference + half], p: test.p, df: test.df };
}
