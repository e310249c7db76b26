import { logBeta } from './logBeta.js';

const EPSILON = 1e-16;
const TINY = 1e-300;
// Convergence takes O(√max(a, b)) steps; Welch degrees of freedom can reach the hundreds of
// thousands, so the cap is far above Numerical Recipes' 100.
const MAX_ITERATIONS = 100_000;

/**
 * The regularized incomplete beta function I_x(a, b) = B(x; a, b) / B(a, b), for
 * 0 ≤ x ≤ 1 and a, b > 0: the distribution function of a Beta(a, b) variable.
 *
 * Numerical Recipes §6.4: the continued fraction evaluated with the modified Lentz method,
 * used directly when x < (a + 1)/(a + b + 2) and through I_x(a, b) = 1 − I_{1−x}(b, a)
 * otherwise, so a small result is never computed as 1 minus something.
 *
 * `complement` is 1 − x; a caller that can form it without cancellation (e.g. t²/(df + t²)
 * when x = df/(df + t²)) passes it to keep full precision when x is close to 1.
 *
 * @example
 * regularizedIncompleteBeta(0.5, 2, 2); // 0.5 (to 1e-15)
 * regularizedIncompleteBeta(0.25, 1, 3); // 0.578125 (to 1e-15; 1 − 0.75³)
 */
export function regularizedIncompleteBeta(x: number, a: number, b: number, complement = 1 - x): number {
  if (Number.isNaN(x) || !(a > 0) || !(b > 0)) return NaN;
  if (x <= 0 || complement >= 1) return 0;
  if (x >= 1 && complement <= 0) return 1;
  // ln x through log1p when x is near 1 (and likewise for 1 − x): a·ln x is large for large a.
  const logX = complement < 0.5 ? Math.log1p(-complement) : Math.log(x);
  const logComplement = x < 0.5 ? Math.log1p(-x) : Math.log(complement);
  const logFront = a * logX + b * logComplement - logBeta(a, b);
  if (x < (a + 1) / (a + b + 2)) return (Math.exp(logFront) * betaContinuedFraction(x, a, b)) / a;
  return 1 - (Math.exp(logFront) * betaContinuedFraction(complement, b, a)) / b;
}

function betaContinuedFraction(x: number, a: number, b: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= MAX_ITERATIONS; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPSILON) return h;
  }
  return h; // not reached for finite a, b below ~10^9
}
