import { logGamma } from './logGamma.js';

/**
 * Exact two-sided test that two counts come from the same Poisson rate per unit of exposure:
 * x1 over exposure t1 (this week's orders) against x2 over t2 (the four weeks before). Given
 * n = x1 + x2, x1 is Binomial(n, t1/(t1 + t2)) under that hypothesis, and the p-value is the
 * binomial test's: the probability of every outcome no more likely than x1 (R's
 * `poisson.test(c(x1, x2), c(t1, t2))`, which calls `binom.test`, with its relative tolerance
 * of 1e-7 when comparing probabilities). With t1 = t2 it equals poissonCountTest.
 *
 * Returns null when both counts are 0. Throws RangeError for non-counts or exposures ≤ 0.
 *
 * @example
 * // R ?poisson.test: Fredericia against the three other cities, ages 55–59 (eba1977)
 * poissonRateTest(11, 6 + 8 + 7, 800, 1083 + 1050 + 878); // 0.07966863… (R prints 0.07967)
 */
export function poissonRateTest(x1: number, x2: number, t1: number, t2: number): number | null {
  if (!Number.isInteger(x1) || !Number.isInteger(x2) || x1 < 0 || x2 < 0) {
    throw new RangeError(`poissonRateTest needs two whole counts ≥ 0, got ${x1} and ${x2}`);
  }
  if (!(t1 > 0) || !(t2 > 0) || !Number.isFinite(t1) || !Number.isFinite(t2)) {
    throw new RangeError(`poissonRateTest needs two positive exposures, got ${t1} and ${t2}`);
  }
  const n = x1 + x2;
  if (n === 0) return null;
  const p = t1 / (t1 + t2);
  const logP = Math.log(p);
  const logQ = Math.log1p(-p);
  const lgN = logGamma(n + 1);
  const logPmf = (i: number) => lgN - logGamma(i + 1) - logGamma(n - i + 1) + i * logP + (n - i) * logQ;
  const cutoff = logPmf(x1) + Math.log1p(1e-7);
  const mean = n * p;
  if (x1 === mean) return 1;
  // Sum, from the far tail inward, every outcome at most as likely as x1 (the pmf is unimodal,
  // so these form the tail containing x1 and a tail on the other side).
  let total = 0;
  for (let i = 0; i <= n; i++) {
    const l = logPmf(i);
    if (l <= cutoff) total += Math.exp(l);
  }
  return Math.min(1, total);
}
