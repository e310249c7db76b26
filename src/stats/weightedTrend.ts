import { normalTwoSidedP } from './normal.js';
import { Z_95 } from './wilson.js';

export interface WeightedTrend {
  /** Change in y per unit of x. */
  slope: number;
  se: number;
  ci95: [number, number];
  /** Two-sided normal p of slope / se. */
  p: number;
}

/**
 * The inverse-variance weighted least-squares slope of estimates y (standard errors se) on x:
 * a fixed-effect meta-regression, as R `metafor::rma(yi, sei = se, mods = ~x, method = "FE")`.
 * slope = Σw(x−x̄)(y−ȳ) / Σw(x−x̄)², Var = 1 / Σw(x−x̄)², w = 1/se², x̄ and ȳ weighted means;
 * z test and a normal 95% interval. Null with fewer than 3 points, a zero or missing se, or
 * all x equal.
 *
 * @example
 * weightedTrend([0, 1, 2], [1, 3, 2], [1, 1, 1]); // slope 0.5, se √(1/2)
 */
export function weightedTrend(x: readonly number[], y: readonly number[], se: readonly number[]): WeightedTrend | null {
  const n = x.length;
  if (n < 3 || y.length !== n || se.length !== n || se.some((s) => !(s > 0))) return null;
  const w = se.map((s) => 1 / (s * s));
  const sw = w.reduce((a, b) => a + b, 0);
  const mx = x.reduce((a, v, i) => a + w[i]! * v, 0) / sw;
  const my = y.reduce((a, v, i) => a + w[i]! * v, 0) / sw;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    sxx += w[i]! * (x[i]! - mx) ** 2;
    sxy += w[i]! * (x[i]! - mx) * (y[i]! - my);
  }
  if (!(sxx > 0)) return null;
  const slope = sxy / sxx;
  const s = Math.sqrt(1 / sxx);
  return { slope, se: s, ci95: [slope - Z_95 * s, slope + Z_95 * s], p: normalTwoSidedP(slope / s) };
}
