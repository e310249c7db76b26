import { studentTTwoSidedP } from './studentT.js';
import { studentTCritical } from './studentTQuantile.js';

/** One regressor: its name and its values, one per observation. */
export interface Regressor {
  name: string;
  values: ArrayLike<number>;
  /**
   * True when `values` is a Float64Array made for this fit, which olsHc3 may overwrite (it is
   * orthogonalised in place): a copy per regressor is 4 MB at 500k observations.
   */
  scratch?: boolean;
}

export interface OlsFit {
  n: number;
  /** Number of kept regressors (the intercept included). */
  k: number;
  /** Names of the kept regressors, in the order given; coefficients and covariance follow it. */
  kept: string[];
  /** Regressors left out: constant (intercept aside) or an exact linear combination of earlier ones. */
  dropped: { name: string; reason: 'constant' | 'collinear' }[];
  coefficients: number[];
  /** HC3 covariance of the coefficients; null when a point has leverage 1 (HC3 undefined) or n ≤ k. */
  covariance: number[][] | null;
}

const COLLINEAR = 1e-9;

/**
 * Ordinary least squares of y on an intercept and `regressors`, with the HC3
 * heteroskedasticity-robust covariance (MacKinnon & White 1985; R `sandwich::vcovHC(type =
 * "HC3")`, statsmodels `cov_type="HC3"`): (XᵀX)⁻¹ Xᵀ diag(eᵢ² / (1 − hᵢ)²) X (XᵀX)⁻¹.
 *
 * Solved by modified Gram–Schmidt with reorthogonalisation (X = QR), so no normal equations
 * are formed: the leverages are the row sums of Q², the coefficients R⁻¹Qᵀy, (XᵀX)⁻¹ = R⁻¹R⁻ᵀ.
 * A regressor whose values are all equal is dropped as constant; one whose part orthogonal
 * to the kept earlier columns is below 1e-9 of its norm is dropped as collinear.
 *
 * @example
 * // y = [1, 3, 2, 5], x = [0, 1, 2, 3]: intercept 1.1, slope 1.1
 * olsHc3([1, 3, 2, 5], [{ name: 'x', values: [0, 1, 2, 3] }]).coefficients; // [1.1, 1.1]
 */
export function olsHc3(y: ArrayLike<number>, regressors: readonly Regressor[]): OlsFit {
  const n = y.length;
  const dropped: OlsFit['dropped'] = [];
  const candidates: Regressor[] = [{ name: '(intercept)', values: new Float64Array(n).fill(1) }];
  for (const r of regressors) {
    if (isConstant(r.values)) dropped.push({ name: r.name, reason: 'constant' });
    else candidates.push(r);
  }
  // Q by column; R as rows of the kept columns.
  const q: Float64Array[] = [];
  const rCols: number[][] = [];
  const kept: string[] = [];
  for (const c of candidates) {
    const v = c.scratch === true && c.values instanceof Float64Array ? c.values : Float64Array.from(c.values as ArrayLike<number>);
    const norm0 = norm(v);
    const coeffs = new Array<number>(q.length).fill(0);
    for (let pass = 0; pass < 2; pass++) {
      for (let j = 0; j < q.length; j++) {
        const r = dot(q[j]!, v);
        coeffs[j] += r;
        axpy(-r, q[j]!, v);
      }
    }
    const rest = norm(v);
    if (!(rest > COLLINEAR * norm0) || n <= q.length) {
      if (kept.length > 0) dropped.push({ name: c.name, reason: 'collinear' });
      continue;
    }
    for (let i = 0; i < n; i++) v[i] /= rest;
    q.push(v);
    coeffs.push(rest);
    rCols.push(coeffs);
    kept.push(c.name);
  }
  const k = q.length;
  // R[i][j] for i ≤ j: column j of R holds rCols[j].
  const R = (i: number, j: number) => (i <= j ? rCols[j]![i]! : 0);
  const rInv = invertUpper(k, R);
  const qty = q.map((col) => dot(col, y));
  const coefficients = rInv.map((row) => row.reduce((s, v, j) => s + v * qty[j]!, 0));

  const fitted = new Float64Array(n);
  for (let j = 0; j < k; j++) axpy(qty[j]!, q[j]!, fitted);
  // Meat in Q coordinates: Σ ωᵢ qᵢ qᵢᵀ with ωᵢ = eᵢ² / (1 − hᵢ)²; then V = R⁻¹ M R⁻ᵀ.
  const meat = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  let defined = n > k;
  for (let i = 0; i < n && defined; i++) {
    let h = 0;
    for (let j = 0; j < k; j++) h += q[j]![i]! * q[j]![i]!;
    if (!(1 - h > 1e-10)) {
      defined = false;
      break;
    }
    const e = y[i]! - fitted[i]!;
    const w = (e * e) / ((1 - h) * (1 - h));
    if (w === 0) continue;
    for (let a = 0; a < k; a++) {
      const wa = w * q[a]![i]!;
      for (let b = a; b < k; b++) meat[a]![b] += wa * q[b]![i]!;
    }
  }
  let covariance: number[][] | null = null;
  if (defined) {
    for (let a = 0; a < k; a++) for (let b = 0; b < a; b++) meat[a]![b] = meat[b]![a]!;
    covariance = rInv.map((rowA) => rInv.map((rowB) => {
      let s = 0;
      for (let c = 0; c < k; c++) for (let d = 0; d < k; d++) s += rowA[c]! * meat[c]![d]! * rowB[d]!;
      return s;
    }));
  }
  return { n, k, kept, dropped, coefficients, covariance };
}

/** A linear combination Σ wⱼβⱼ of a fit's coefficients, with its HC3 95% interval and p (t, n − k df). */
export interface Contrast {
  estimate: number;
  se: number | null;
  ci95: [number, number] | null;
  p: number | null;
}

/**
 * The contrast Σ weights[name]·β_name (names not kept count as 0 weight; null when a named
 * regressor was dropped), its variance wᵀVw from the HC3 covariance, the interval
 * estimate ± t(0.975, n − k)·SE and the two-sided t p-value on n − k df.
 */
export function contrast(fit: OlsFit, weights: Record<string, number>): Contrast | null {
  const w = fit.kept.map((name) => weights[name] ?? 0);
  for (const name of Object.keys(weights)) if (!fit.kept.includes(name)) return null;
  const estimate = w.reduce((s, v, j) => s + v * fit.coefficients[j]!, 0);
  if (fit.covariance === null) return { estimate, se: null, ci95: null, p: null };
  let variance = 0;
  for (let a = 0; a < w.length; a++) for (let b = 0; b < w.length; b++) variance += w[a]! * fit.covariance[a]![b]! * w[b]!;
  const se = Math.sqrt(Math.max(0, variance));
  const df = fit.n - fit.k;
  if (!(se > 0) || !(df > 0)) return { estimate, se, ci95: null, p: null };
  const half = studentTCritical(0.05, df) * se;
  return { estimate, se, ci95: [estimate - half, estimate + half], p: studentTTwoSidedP(estimate / se, df) };
}

function isConstant(values: ArrayLike<number>): boolean {
  for (let i = 1; i < values.length; i++) if (values[i] !== values[0]) return false;
  return true;
}

function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

function norm(a: ArrayLike<number>): number {
  return Math.sqrt(dot(a, a));
}

function axpy(alpha: number, x: ArrayLike<number>, y: Float64Array): void {
  for (let i = 0; i < y.length; i++) y[i] += alpha * x[i]!;
}

/** Rows of the inverse of the k×k upper-triangular R, by back substitution. */
function invertUpper(k: number, R: (i: number, j: number) => number): number[][] {
  const inv = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let col = 0; col < k; col++) {
    for (let i = col; i >= 0; i--) {
      let s = i === col ? 1 : 0;
      for (let j = i + 1; j <= col; j++) s -= R(i, j) * inv[j]![col]!;
      inv[i]![col] = s / R(i, i);
    }
  }
  return inv;
}
