import { logGamma } from './logGamma.js';

const LN_SQRT_2PI = 0.91893853320467274178;

/**
 * The remainder of Stirling's series, ln Γ(x) − [(x − ½) ln x − x + ln √(2π)], for x ≥ 10
 * (eight terms of the Bernoulli series; the first omitted term is below 1e-17 at x = 10).
 */
function stirlingRemainder(x: number): number {
  const r = 1 / (x * x);
  return (
    (1 / 12 -
      r * (1 / 360 - r * (1 / 1260 - r * (1 / 1680 - r * (1 / 1188 - r * (691 / 360360 - r * (1 / 156 - r * (3617 / 122400)))))))) /
    x
  );
}

/**
 * ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b) for a, b > 0. When an argument is 10 or more
 * the large log-gamma terms are cancelled analytically first (the arrangement of R's
 * `lbeta`), so the result keeps its precision for the huge degrees of freedom of a Welch test
 * on 100,000-row samples, where ln Γ(a) alone is ~10^6.
 *
 * @example
 * logBeta(1, 1); // 0 (to 1e-15)
 * logBeta(2, 3); // −2.48490664978800…  (ln 1/12)
 */
export function logBeta(a: number, b: number): number {
  const p = Math.min(a, b);
  const q = Math.max(a, b);
  if (!(p > 0)) return NaN;
  if (q === Infinity) return -Infinity;
  if (p >= 10) {
    const corr = stirlingRemainder(p) + stirlingRemainder(q) - stirlingRemainder(p + q);
    return -0.5 * Math.log(q) + LN_SQRT_2PI + corr + (p - 0.5) * Math.log(p / (p + q)) + q * Math.log1p(-p / (p + q));
  }
  if (q >= 10) {
    const corr = stirlingRemainder(q) - stirlingRemainder(p + q);
    return logGamma(p) + corr + p - p * Math.log(p + q) + (q - 0.5) * Math.log1p(-p / (p + q));
  }
  return logGamma(p) + logGamma(q) - logGamma(p + q);
}
