import { normalTwoSidedP } from './normal.js';
import { Z_95 } from './wilson.js';

/**
 * One stratum's 2×2 table: a = exposed with the outcome, b = exposed without, c = unexposed
 * with, d = unexposed without (e.g. a = satisfied evening tickets, b = unsatisfied evening
 * tickets, c and d the same for the other tickets, all of one agent).
 */
export interface Stratum2x2 {
  a: number;
  b: number;
  c: number;
  d: number;
}

/**
 * The Mantel–Haenszel common odds ratio over strata, ψ = Σ(ad/n) / Σ(bc/n), with the
 * Robins–Breslow–Greenland (1986) variance of log ψ (valid both for many small strata and
 * for few large ones) and its 95% interval, and the Cochran–Mantel–Haenszel test of
 * "odds ratio 1 in every stratum":
 *
 *   χ²_MH = (|Σ a − Σ E(a)| − c)² / Σ Var(a),  E(a) = (a+b)(a+c)/n,
 *   Var(a) = (a+b)(c+d)(a+c)(b+d) / (n²(n−1)),
 *
 * with continuity correction c = ½ when `correct` (R's mantelhaen.test default) and 0
 * otherwise; p from χ² with 1 degree of freedom. Strata with n < 2 carry no information and
 * are skipped. The odds ratio is null when Σ(bc/n) or Σ(ad/n) is 0 (no finite estimate);
 * the test is null when Σ Var(a) is 0.
 *
 * @example
 * // R: mantelhaen.test(Rabbits) (penicillin and rabbits, Agresti 1990): common odds ratio 7,
 * // 95% CI 1.026713–47.725133, Mantel-Haenszel X-squared = 3.9286, p-value = 0.04747.
 */
export interface MantelHaenszelResult {
  oddsRatio: number | null;
  /** Standard error of log(oddsRatio) (Robins–Breslow–Greenland). */
  logSe: number | null;
  ci95: [number, number] | null;
  chi2: number | null;
  p: number | null;
  strata: number;
}

export function mantelHaenszel(strata: readonly Stratum2x2[], correct = false): MantelHaenszelResult {
  let r = 0; // Σ ad/n
  let s = 0; // Σ bc/n
  let pr = 0; // Σ P·R
  let ps = 0; // Σ (P·S + Q·R)
  let qs = 0; // Σ Q·S
  let observed = 0;
  let expected = 0;
  let variance = 0;
  let used = 0;
  for (const { a, b, c, d } of strata) {
    const n = a + b + c + d;
    if (n < 2) continue;
    used += 1;
    const R = (a * d) / n;
    const S = (b * c) / n;
    const P = (a + d) / n;
    const Q = (b + c) / n;
    r += R;
    s += S;
    pr += P * R;
    ps += P * S + Q * R;
    qs += Q * S;
    observed += a;
    expected += ((a + b) * (a + c)) / n;
    variance += ((a + b) * (c + d) * (a + c) * (b + d)) / (n * n * (n - 1));
  }
  let oddsRatio: number | null = null;
  let logSe: number | null = null;
  let ci95: [number, number] | null = null;
  if (r > 0 && s > 0) {
    oddsRatio = r / s;
    logSe = Math.sqrt(pr / (2 * r * r) + ps / (2 * r * s) + qs / (2 * s * s));
    ci95 = [oddsRatio * Math.exp(-Z_95 * logSe), oddsRatio * Math.exp(Z_95 * logSe)];
  }
  let chi2: number | null = null;
  let p: number | null = null;
  if (variance > 0) {
    const excess = Math.max(0, Math.abs(observed - expected) - (correct ? 0.5 : 0));
    chi2 = (excess * excess) / variance;
    p = normalTwoSidedP(Math.sqrt(chi2)); // χ² with 1 df is Z²
  }
  return { oddsRatio, logSe, ci95, chi2, p, strata: used };
}
