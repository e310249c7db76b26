import { studentTTwoSidedP } from './studentT.js';

/**
 * The two-sided critical value of Student's t: the t > 0 with P(|T| ≥ t) = alpha for `df`
 * degrees of freedom (fractional df allowed), so a 95% interval is estimate ± t·SE with
 * alpha = 0.05. Found by bisection on studentTTwoSidedP, whose accuracy it inherits (about
 * 1e-13 relative for df up to 10^4); df = Infinity gives the normal quantile. NaN when
 * df ≤ 0 or alpha is outside (0, 1).
 *
 * @example
 * studentTCritical(0.05, 6); // 2.446911851144969 (R: qt(0.975, 6))
 */
export function studentTCritical(alpha: number, df: number): number {
  if (!(df > 0) || !(alpha > 0 && alpha < 1)) return NaN;
  // P is decreasing in t: bracket, then halve until the bracket stops shrinking.
  let lo = 0;
  let hi = 1;
  while (studentTTwoSidedP(hi, df) > alpha) {
    lo = hi;
    hi *= 2;
    if (hi > 1e300) return Infinity;
  }
  for (let i = 0; i < 2000; i++) {
    const mid = (lo + hi) / 2;
    if (mid === lo || mid === hi) break;
    if (studentTTwoSidedP(mid, df) > alpha) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
