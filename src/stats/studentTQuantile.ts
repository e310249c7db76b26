import { studentTTwoSidedP } from './studentT.js';

/**
 * The critical value t* with P(|T| ≥ t*) = alpha for Student's t with `df` degrees of freedom
 * (df may be fractional, as Welch's): the half-width multiplier of a (1 − alpha) interval, R's
 * `qt(1 - alpha/2, df)`. Found by bisection on studentTTwoSidedP, which decreases in t, to the
 * last bits of a double (about 1e-13 relative, the accuracy of that p-value).
 *
 * @example
 * studentTQuantile(0.05, 10); // 2.2281388519862744
 * studentTQuantile(0.05, 1); // 12.706204736174707 (tan(0.475π))
 */
export function studentTQuantile(alpha: number, df: number): number {
  if (!(alpha > 0 && alpha < 1) || !(df > 0)) throw new RangeError(`studentTQuantile needs 0 < alpha < 1 and df > 0, got ${alpha} and ${df}`);
  let lo = 0;
  let hi = 1;
  while (studentTTwoSidedP(hi, df) > alpha) hi *= 2;
  for (let i = 0; i < 200 && hi - lo > 1e-15 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (studentTTwoSidedP(mid, df) > alpha) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
