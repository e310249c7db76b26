import { linearPredictor, logistic } from './logisticObservations.js';
import { normalTwoSidedP } from './normal.js';
import { Z_95 } from './wilson.js';

/**
 * The average marginal effect of a discrete change in a logistic regression: the mean over
 * the observations of P(y = 1 | x with the change) − P(y = 1 | x without it), e.g. every
 * ticket answered by agent A rather than the reference agent, all else as observed. This is
 * Stata's `margins, dydx(i.psi)` and statsmodels' `get_margeff(dummy=True)` for a 0/1 column.
 *
 * `changed` and `unchanged` hold the two counterfactual design rows of each observation.
 * The standard error is the delta method: with g = ∂AME/∂β = mean(p₁(1−p₁)x₁ − p₀(1−p₀)x₀),
 * Var(AME) = gᵀ V g, where V is the coefficients' covariance.
 *
 * @example
 * // Spector data, PSI = 1 vs PSI = 0: AME 0.3575, SE 0.1420 (Stata 11; see the test).
 */
export interface MarginalEffect {
  ame: number;
  se: number;
  ci95: [number, number];
  p: number;
}

export function averageMarginalEffect(
  changed: readonly Float64Array[],
  unchanged: readonly Float64Array[],
  coefficients: readonly number[],
  covariance: readonly (readonly number[])[],
): MarginalEffect {
  return averageMarginalEffectOf(
    changed.length,
    (i, on, off) => {
      on.set(changed[i]);
      off.set(unchanged[i]);
    },
    coefficients,
    covariance,
  );
}

/**
 * The same, with the two counterfactual rows of observation i written by `rows(i, on, off)`
 * into two reused buffers: no n×p matrices are built, which matters on 100,000 tickets.
 */
export function averageMarginalEffectOf(
  n: number,
  rows: (i: number, on: Float64Array, off: Float64Array) => void,
  coefficients: readonly number[],
  covariance: readonly (readonly number[])[],
): MarginalEffect {
  const k = coefficients.length;
  const on = new Float64Array(k);
  const off = new Float64Array(k);
  const gradient = new Float64Array(k);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    rows(i, on, off);
    const p1 = logistic(linearPredictor(on, coefficients));
    const p0 = logistic(linearPredictor(off, coefficients));
    sum += p1 - p0;
    const w1 = p1 * (1 - p1);
    const w0 = p0 * (1 - p0);
    for (let j = 0; j < k; j++) {
      if (on[j] !== 0 || off[j] !== 0) gradient[j] += w1 * on[j] - w0 * off[j];
    }
  }
  return marginalEffect(sum, gradient, n, covariance);
}

/**
 * averageMarginalEffectOf for 0/1 design rows (one-hot factors, flags, the intercept), given
 * as the columns holding 1: `columns(i, on, off)` writes each counterfactual row's columns in
 * ascending order and returns their counts packed as onCount + 65536 × offCount. Sums skip
 * only the terms that are 0 × β, which leave a float sum unchanged, so the result equals the
 * dense computation's to the bit at a fraction of its cost (a few columns a row, not all).
 */
export function averageMarginalEffectOfColumns(
  n: number,
  columns: (i: number, on: Int32Array, off: Int32Array) => number,
  coefficients: readonly number[],
  covariance: readonly (readonly number[])[],
): MarginalEffect {
  const k = coefficients.length;
  const on = new Int32Array(k);
  const off = new Int32Array(k);
  const inOn = new Uint8Array(k);
  const gradient = new Float64Array(k);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const counts = columns(i, on, off);
    const onCount = counts & 0xffff;
    const offCount = counts >>> 16;
    let eta1 = 0;
    for (let c = 0; c < onCount; c++) eta1 += coefficients[on[c]!]!;
    let eta0 = 0;
    for (let c = 0; c < offCount; c++) eta0 += coefficients[off[c]!]!;
    const p1 = logistic(eta1);
    const p0 = logistic(eta0);
    sum += p1 - p0;
    const w1 = p1 * (1 - p1);
    const w0 = p0 * (1 - p0);
    // As the dense loop: w1·on[j] − w0·off[j] for each j set in either row.
    for (let c = 0; c < onCount; c++) inOn[on[c]!] = 1;
    for (let c = 0; c < offCount; c++) {
      const j = off[c]!;
      if (inOn[j] === 1) {
        gradient[j] += w1 * 1 - w0 * 1;
        inOn[j] = 2;
      } else gradient[j] += w1 * 0 - w0 * 1;
    }
    for (let c = 0; c < onCount; c++) {
      const j = on[c]!;
      if (inOn[j] === 1) gradient[j] += w1 * 1 - w0 * 0;
      inOn[j] = 0;
    }
  }
  return marginalEffect(sum, gradient, n, covariance);
}

/**
 * averageMarginalEffectOfColumns for several changes of one block of columns (a factor's
 * dummies) against the same other setting of it: each of `onColumns` (−1: none of the block)
 * instead of `offColumn`, every row otherwise its own. `row(i, cols)` writes observation i's
 * columns in ascending order and returns their count; `block` is [first column, count].
 *
 * The row's columns outside the block, and its `off` probability, are read and computed once
 * for all the changes, where a call per change read and computed them again each time. Each
 * change's sums add the same terms in the same order as averageMarginalEffectOfColumns, so its
 * result is that function's to the bit (tested).
 */
export function averageMarginalEffectsOfBlock(
  n: number,
  row: (i: number, cols: Int32Array) => number,
  block: readonly [number, number],
  onColumns: readonly number[],
  offColumn: number,
  coefficients: readonly number[],
  covariance: readonly (readonly number[])[],
): MarginalEffect[] {
  const k = coefficients.length;
  const [first, count] = block;
  const changes = onColumns.length;
  const cols = new Int32Array(k);
  const gradients = onColumns.map(() => new Float64Array(k));
  const sums = new Float64Array(changes);
  for (let i = 0; i < n; i++) {
    const m = row(i, cols);
    // Columns before the block, then those after it (the block's own are rewritten).
    let before = 0;
    let etaBefore = 0;
    while (before < m && cols[before]! < first) etaBefore += coefficients[cols[before++]!]!;
    let after = before;
    while (after < m && cols[after]! < first + count) after++;
    let eta0 = etaBefore;
    if (offColumn >= 0) eta0 += coefficients[offColumn]!;
    for (let c = after; c < m; c++) eta0 += coefficients[cols[c]!]!;
    const p0 = logistic(eta0);
    const w0 = p0 * (1 - p0);
    for (let e = 0; e < changes; e++) {
      const on = onColumns[e]!;
      let eta1 = etaBefore;
      if (on >= 0) eta1 += coefficients[on]!;
      for (let c = after; c < m; c++) eta1 += coefficients[cols[c]!]!;
      const p1 = logistic(eta1);
      sums[e] += p1 - p0;
      const w1 = p1 * (1 - p1);
      const gradient = gradients[e]!;
      // As averageMarginalEffectOfColumns: w1·on[j] − w0·off[j] for each j set in either row.
      for (let c = 0; c < before; c++) gradient[cols[c]!] += w1 * 1 - w0 * 1;
      for (let c = after; c < m; c++) gradient[cols[c]!] += w1 * 1 - w0 * 1;
      if (on >= 0 && on === offColumn) gradient[on] += w1 * 1 - w0 * 1;
      else {
        if (offColumn >= 0) gradient[offColumn] += w1 * 0 - w0 * 1;
        if (on >= 0) gradient[on] += w1 * 1 - w0 * 0;
      }
    }
  }
  return gradients.map((gradient, e) => marginalEffect(sums[e]!, gradient, n, covariance));
}

/** The mean effect and its delta-method interval from the summed effects and gradient. */
function marginalEffect(sum: number, gradient: Float64Array, n: number, covariance: readonly (readonly number[])[]): MarginalEffect {
  const k = gradient.length;
  const ame = sum / n;
  for (let j = 0; j < k; j++) gradient[j] /= n;
  let variance = 0;
  for (let a = 0; a < k; a++) {
    if (gradient[a] === 0) continue;
    for (let b = 0; b < k; b++) variance += gradient[a] * covariance[a][b] * gradient[b];
  }
  const se = Math.sqrt(Math.max(0, variance));
  return { ame, se, ci95: [ame - Z_95 * se, ame + Z_95 * se], p: se > 0 ? normalTwoSidedP(ame / se) : ame === 0 ? 1 : 0 };
}
