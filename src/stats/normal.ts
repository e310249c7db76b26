import { erfc } from './erfc.js';

/**
 * The standard normal cumulative distribution Φ(x) = P(Z ≤ x), accurate to about 1e-15
 * relative, also deep in the lower tail (computed as erfc(−x/√2)/2, never as 1 − something).
 *
 * @example
 * normalCdf(0); // 0.5
 * normalCdf(1.959963984540054); // 0.975
 * normalCdf(-10); // 7.6198530241605…e-24
 */
export function normalCdf(x: number): number {
  return 0.5 * erfc(-x / Math.SQRT2);
}

/**
 * The two-sided p-value of a standard normal statistic, P(|Z| ≥ |z|) = erfc(|z|/√2). Keeps
 * full relative precision for huge |z| (the result underflows to 0 only beyond |z| ≈ 37.5).
 *
 * @example
 * normalTwoSidedP(1.959963984540054); // 0.05 (to 1e-15)
 * normalTwoSidedP(0); // 1
 * normalTwoSidedP(-3); // 0.00269979606326019 (to 1e-15)
 */
export function normalTwoSidedP(z: number): number {
  return erfc(Math.abs(z) / Math.SQRT2);
}
