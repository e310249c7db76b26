import { normalTwoSidedP } from './normal.js';

/** The pooled z statistic (positive when the first proportion is larger) and two-sided p. */
export interface TwoProportionResult {
  z: number;
  p: number;
}

/**
 * The two-sided two-proportion z-test of x1/n1 = x2/n2 with the pooled standard error,
 *
 *   z = (x1/n1 − x2/n2) / √(p̄(1 − p̄)(1/n1 + 1/n2)),  p̄ = (x1 + x2)/(n1 + n2),
 *
 * which equals the square root of the 2×2 Pearson chi-square without Yates' correction
 * (statsmodels `proportions_ztest([x1, x2], [n1, n2])`).
 *
 * Returns null when n1 or n2 is 0, or when p̄ is 0 or 1 (every observation the same: the
 * standard error is 0 and there is nothing to test).
 *
 * @example
 * twoProportionZTest(45, 100, 30, 100); // { z: 2.1908902300206647, p: 0.028459736916310572 }
 */
export function twoProportionZTest(x1: number, n1: number, x2: number, n2: number): TwoProportionResult | null {
  if (n1 === 0 || n2 === 0) return null;
  const pooled = (x1 + x2) / (n1 + n2);
  if (pooled <= 0 || pooled >= 1) return null;
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  const z = (x1 / n1 - x2 / n2) / se;
  return { z, p: normalTwoSidedP(z) };
}
