import { normalTwoSidedP } from './normal.js';
import { Z_95 } from './wilson.js';
import type { Stratum2x2 } from './mantelHaenszel.js';

/**
 * The Mantel–Haenszel common risk difference over strata, in the units a manager reads (CSAT
 * points as a fraction): each stratum's difference a/(a+b) − c/(c+d) weighted by
 * w = n₁n₀/n, where n₁ = a+b and n₀ = c+d. Its variance is the Greenland–Robins (1985)
 * large-strata form Σ w²·(p₁(1−p₁)/n₁ + p₀(1−p₀)/n₀) / (Σw)², written out as
 * Σ (ab·n₀³ + cd·n₁³)/(n₁n₀n²) / (Σw)². A stratum without both exposed and unexposed
 * observations has weight 0 and tells nothing. Null when no stratum has both.
 *
 * @example
 * // Two strata, 8/10 vs 5/10 and 3/10 vs 1/10: weights 5 and 5, difference (0.3 + 0.2)/2 = 0.25.
 * mantelHaenszelRiskDifference([{ a: 8, b: 2, c: 5, d: 5 }, { a: 3, b: 7, c: 1, d: 9 }]).difference; // 0.25
 */
export interface RiskDifferenceResult {
  difference: number;
  se: number;
  ci95: [number, number];
  p: number;
}

export function mantelHaenszelRiskDifference(strata: readonly Stratum2x2[]): RiskDifferenceResult | null {
  let weights = 0;
  let weighted = 0;
  let variance = 0;
  for (const { a, b, c, d } of strata) {
    const n1 = a + b;
    const n0 = c + d;
    if (n1 === 0 || n0 === 0) continue;
    const n = n1 + n0;
    const w = (n1 * n0) / n;
    weights += w;
    weighted += w * (a / n1 - c / n0);
    variance += (a * b * n0 ** 3 + c * d * n1 ** 3) / (n1 * n0 * n * n);
  }
  if (weights === 0) return null;
  const difference = weighted / weights;
  const se = Math.sqrt(variance) / weights;
  return {
    difference,
    se,
    ci95: [difference - Z_95 * se, difference + Z_95 * se],
    p: se > 0 ? normalTwoSidedP(difference / se) : difference === 0 ? 1 : 0,
  };
}
