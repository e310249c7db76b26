/** The two-sided 95% standard normal quantile, Φ⁻¹(0.975). */
export const Z_95 = 1.959963984540054;

/**
 * The Wilson score interval for a binomial proportion successes/n: the set of p for which a
 * score test at the given z does not reject. Unlike the Wald interval it stays inside [0, 1]
 * and is not degenerate at 0 or n successes. Same as statsmodels
 * `proportion_confint(successes, n, method='wilson')`.
 *
 *   centre = (p̂ + z²/2n) / (1 + z²/n),  half-width = z/(1 + z²/n) · √(p̂(1 − p̂)/n + z²/4n²)
 *
 * The bounds are exactly 0 when successes = 0 and exactly 1 when successes = n.
 * Returns null when n = 0. Throws RangeError unless 0 ≤ successes ≤ n.
 *
 * @example
 * wilsonInterval(8, 10); // [0.4901624715366418, 0.9433178485456248]
 * wilsonInterval(0, 10); // [0, 0.2775327998628892]
 */
export function wilsonInterval(successes: number, n: number, z: number = Z_95): [number, number] | null {
  if (n === 0) return null;
  if (!(n > 0) || !(successes >= 0) || successes > n) {
    throw new RangeError(`wilsonInterval needs 0 ≤ successes ≤ n, got ${successes} of ${n}`);
  }
  const p = successes / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  const lo = successes === 0 ? 0 : Math.max(0, centre - half);
  const hi = successes === n ? 1 : Math.min(1, centre + half);
  return [lo, hi];
}
