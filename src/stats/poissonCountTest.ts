import { regularizedIncompleteBeta } from './incompleteBeta.js';

/**
 * Exact two-sided test that two counts observed over equally long periods (tickets in two
 * weeks) come from the same Poisson rate. Conditional on the total n = x1 + x2, x1 is
 * Binomial(n, 1/2) under that hypothesis, so the p-value is the binomial test's:
 *
 *   p = min(1, 2 · P(X ≤ min(x1, x2))),  X ~ Binomial(n, 1/2),  P(X ≤ k) = I_{1/2}(n − k, k + 1)
 *
 * (R `poisson.test(c(x1, x2))`, scipy `binomtest(x1, x1 + x2, 0.5)`; the binomial with p = 1/2
 * is symmetric, so doubling the smaller tail is exact.) Returns null when both counts are 0.
 *
 * @example
 * poissonCountTest(12, 3); // 0.03515625 (2 · 576/32768)
 * poissonCountTest(40, 40); // 1
 */
export function poissonCountTest(x1: number, x2: number): number | null {
  if (!Number.isInteger(x1) || !Number.isInteger(x2) || x1 < 0 || x2 < 0) {
    throw new RangeError(`poissonCountTest needs two whole counts ≥ 0, got ${x1} and ${x2}`);
  }
  const n = x1 + x2;
  if (n === 0) return null;
  const k = Math.min(x1, x2);
  if (2 * k >= n) return 1;
  const tail = regularizedIncompleteBeta(0.5, n - k, k + 1);
  return Math.min(1, 2 * tail);
}
