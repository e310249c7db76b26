import { logGamma } from './logGamma.js';

const EPSILON = 1e-16;
const TINY = 1e-300;
const MAX_ITERATIONS = 100_000;

/**
 * The regularized upper incomplete gamma function Q(a, x) = Γ(a, x) / Γ(a), for a > 0 and
 * x ≥ 0: the survival function of a Gamma(a, 1) variable.
 *
 * Numerical Recipes §6.2: the series for P = 1 − Q when x < a + 1 (where Q is not small),
 * the Lentz continued fraction for Q itself otherwise, so small tail values keep their
 * relative precision.
 *
 * @example
 * regularizedUpperGamma(1, 2); // 0.1353352832366127  (e^−2)
 * regularizedUpperGamma(3, 0); // 1
 */
export function regularizedUpperGamma(a: number, x: number): number {
  if (Number.isNaN(x) || !(a > 0)) return NaN;
  if (x <= 0) return 1;
  if (x === Infinity) return 0;
  const logFront = -x + a * Math.log(x) - logGamma(a);
  if (x < a + 1) return 1 - Math.exp(logFront) * lowerSeries(a, x);
  return Math.exp(logFront) * upperContinuedFraction(a, x);
}

/**
 * The regularized lower incomplete gamma function P(a, x) = 1 − Q(a, x).
 *
 * @example
 * regularizedLowerGamma(1, 2); // 0.8646647167633873  (1 − e^−2)
 */
export function regularizedLowerGamma(a: number, x: number): number {
  if (Number.isNaN(x) || !(a > 0)) return NaN;
  if (x <= 0) return 0;
  if (x === Infinity) return 1;
  const logFront = -x + a * Math.log(x) - logGamma(a);
  if (x < a + 1) return Math.exp(logFront) * lowerSeries(a, x);
  return 1 - Math.exp(logFront) * upperContinuedFraction(a, x);
}

/** Σ x^n / (a (a+1) … (a+n)); P(a, x) is this times e^−x x^a / Γ(a). */
function lowerSeries(a: number, x: number): number {
  let ap = a;
  let term = 1 / a;
  let sum = term;
  for (let n = 1; n <= MAX_ITERATIONS; n++) {
    ap += 1;
    term *= x / ap;
    sum += term;
    if (Math.abs(term) < Math.abs(sum) * EPSILON) break;
  }
  return sum;
}

/** The continued fraction for Q(a, x) without its e^−x x^a / Γ(a) front factor. */
function upperContinuedFraction(a: number, x: number): number {
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i <= MAX_ITERATIONS; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPSILON) break;
  }
  return h;
}
