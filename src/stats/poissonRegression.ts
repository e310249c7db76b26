import { symmetricInverse } from './symmetricInverse.js';

/** A fitted Poisson log-linear model. */
export interface PoissonFit {
  coefficients: number[];
  /** √diag of the inverse Fisher information (XᵀWX)⁻¹ at the estimate: the model-based standard errors. */
  standardErrors: number[];
  covariance: number[][];
  /** 2 Σ [y log(y/μ) − (y − μ)], R's "residual deviance". */
  deviance: number;
  /** Σ (y − μ)²/μ: divided by `df` it estimates the dispersion (1 for Poisson data). */
  pearsonChi2: number;
  /** Observations − coefficients. */
  df: number;
  fitted: number[];
  iterations: number;
}

/**
 * Poisson regression with the log link, log μᵢ = offsetᵢ + xᵢ·β, fitted by iteratively
 * reweighted least squares (Fisher scoring, which is Newton's method for the canonical link):
 * the same estimates, standard errors and deviance as R's
 * `glm(y ~ X - 1 + offset(offset), family = poisson)` and statsmodels' `GLM(y, X,
 * family=Poisson(), offset=offset)`.
 *
 * Starts, as R does, from μ = y + 0.1 and stops when the deviance changes by less than 1e-10
 * relative (R uses 1e-8). Returns null when XᵀWX is singular (collinear columns) or when the
 * iteration does not converge in 50 steps (an estimate running off to −∞, e.g. a group whose
 * counts are all 0).
 *
 * @example
 * // Dobson (1990) p. 93, R's ?glm: counts by outcome (3 levels) and treatment (3 levels)
 * poissonRegression([18, 17, 15, 20, 10, 20, 25, 13, 12], X).coefficients[1]; // −0.4542553 (outcome2)
 */
export function poissonRegression(
  y: readonly number[],
  x: readonly (readonly number[])[],
  offset: readonly number[] = y.map(() => 0),
): PoissonFit | null {
  const n = y.length;
  const p = x[0]?.length ?? 0;
  if (n === 0 || p === 0 || x.length !== n || offset.length !== n) {
    throw new RangeError(`poissonRegression needs n ≥ 1 rows of p ≥ 1 columns with one offset per row; got ${n} counts, ${x.length} rows, ${offset.length} offsets`);
  }
  for (const v of y) if (!(v >= 0) || !Number.isFinite(v)) throw new RangeError(`poissonRegression needs counts ≥ 0, got ${v}`);

  // Working response z = η − offset + (y − μ)/μ and weights μ, starting from μ = y + 0.1.
  let mu = y.map((v) => v + 0.1);
  let eta = mu.map(Math.log);
  let beta = new Array<number>(p).fill(0);
  let deviance = devianceOf(y, mu);
  let covariance: number[][] | null = null;
  for (let iteration = 1; iteration <= 50; iteration++) {
    const xtwx: number[][] = Array.from({ length: p }, () => new Array<number>(p).fill(0));
    const xtwz = new Array<number>(p).fill(0);
    for (let i = 0; i < n; i++) {
      const w = mu[i];
      const z = eta[i] - offset[i] + (y[i] - mu[i]) / mu[i];
      const row = x[i];
      for (let a = 0; a < p; a++) {
        const wa = w * row[a];
        if (wa === 0) continue;
        xtwz[a] += wa * z;
        for (let b = 0; b <= a; b++) xtwx[a][b] += wa * row[b];
      }
    }
    for (let a = 0; a < p; a++) for (let b = 0; b < a; b++) xtwx[b][a] = xtwx[a][b];
    const inverse = symmetricInverse(xtwx);
    if (inverse === null) return null;
    beta = inverse.map((r) => r.reduce((s, v, b) => s + v * xtwz[b], 0));
    eta = x.map((row, i) => offset[i] + row.reduce((s, v, b) => s + v * beta[b], 0));
    mu = eta.map(Math.exp);
    const next = devianceOf(y, mu);
    const converged = Math.abs(next - deviance) / (Math.abs(next) + 0.1) < 1e-10;
    deviance = next;
    if (converged) {
      covariance = informationInverse(x, mu);
      if (covariance === null) return null;
      return {
        coefficients: beta,
        standardErrors: covariance.map((r, a) => Math.sqrt(r[a])),
        covariance,
        deviance,
        pearsonChi2: y.reduce((s, v, i) => s + (v - mu[i]) ** 2 / mu[i], 0),
        df: n - p,
        fitted: mu,
        iterations: iteration,
      };
    }
  }
  return null;
}

/** (XᵀWX)⁻¹ with W = diag(μ) at the final estimate. */
function informationInverse(x: readonly (readonly number[])[], mu: readonly number[]): number[][] | null {
  const p = x[0].length;
  const m: number[][] = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  x.forEach((row, i) => {
    for (let a = 0; a < p; a++) for (let b = 0; b < p; b++) m[a][b] += mu[i] * row[a] * row[b];
  });
  return symmetricInverse(m);
}

function devianceOf(y: readonly number[], mu: readonly number[]): number {
  let d = 0;
  for (let i = 0; i < y.length; i++) d += 2 * ((y[i] > 0 ? y[i] * Math.log(y[i] / mu[i]) : 0) - (y[i] - mu[i]));
  return d;
}
