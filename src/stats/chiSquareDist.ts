import { regularizedUpperGamma } from './incompleteGamma.js';

/**
 * The survival function of the chi-square distribution, P(X ≥ x) for X ~ χ²(df):
 * Q(df/2, x/2). This is the p-value of a chi-square statistic. NaN when df ≤ 0.
 *
 * @example
 * chiSquareSf(3.841458820694124, 1); // 0.05 (to 1e-15)
 * chiSquareSf(0, 4); // 1
 * chiSquareSf(2, 2); // 0.367879441171442…  (e^−1)
 */
export function chiSquareSf(x: number, df: number): number {
  if (Number.isNaN(x) || !(df > 0)) return NaN;
  return regularizedUpperGamma(df / 2, x / 2);
}
