import { columnRows, denseRows, type Observations, type ZeroOneRows } from './logisticObservations.js';
import { symmetricInverse } from './symmetricInverse.js';

/**
 * Maximum-likelihood logistic regression by iteratively reweighted least squares (Newton's
 * method on the log-likelihood, with step halving so the likelihood never falls).
 *
 * `design` holds one row per observation, the intercept included as a column of 1s by the
 * caller; `outcome` is 1 or 0. The covariance of the coefficients is the inverse of the Fisher
 * information XᵀWX at the estimate, so the standard errors are the ones R's `glm(family =
 * binomial)` and statsmodels' `Logit` print.
 *
 * The fit never returns a silent wrong number. `status` says what happened:
 * - `converged`: the coefficients and standard errors are the maximum-likelihood ones;
 * - `separation`: some combination of columns predicts the outcome (almost) perfectly, so the
 *   likelihood has no maximum and some coefficients run off to ±∞ (their names are in
 *   `suspect`); fitted probabilities reach 0 or 1;
 * - `singular`: two or more columns are linearly dependent (say the same thing), so the
 *   information matrix cannot be inverted;
 * - `not converged`: the iteration limit was reached without settling.
 * Only `converged` fits carry coefficients and a covariance; the others carry null.
 *
 * @example
 * // Spector & Mazzeo (1980), 32 students: grade ~ GPA + TUCE + PSI (see the test).
 * fitLogistic(rows, grade).coefficients; // [-13.0213, 2.8261, 0.0952, 2.3787]
 */
export type LogisticStatus = 'converged' | 'separation' | 'singular' | 'not converged';

export interface LogisticFit {
  status: LogisticStatus;
  coefficients: number[] | null;
  standardErrors: number[] | null;
  covariance: number[][] | null;
  logLikelihood: number;
  iterations: number;
  /** Column indices whose coefficients ran away (separation) or that are dependent (singular). */
  suspect: number[];
}

export interface LogisticOptions {
  maxIterations: number;
  /** Converged when the log-likelihood changes by less than this (relative) between iterations. */
  tolerance: number;
}

const DEFAULTS: LogisticOptions = { maxIterations: 100, tolerance: 1e-10 };

/** |coefficient| beyond this is an odds ratio of e^15 ≈ 3·10⁶: in practice only separation gets there. */
const RUNAWAY = 15;
/** A standard error this large (odds ratios unknown within a factor of e^100) is a likelihood with no maximum. */
const HOPELESS_SE = 100;

export function fitLogistic(
  design: readonly Float64Array[],
  outcome: ArrayLike<number>,
  options: Partial<LogisticOptions> = {},
): LogisticFit {
  return irls(denseRows(design, outcome), options);
}

/**
 * The same fit over rows of 0s and 1s given as the columns holding 1: row i is
 * `columns[starts[i] … starts[i + 1])`, ascending. Bit-identical to `fitLogistic` on the dense
 * rows: every sum runs over the observations in the same order and skips only terms with a
 * factor 0 (adding 0·β to a sum that starts at +0 never changes it, β being finite), and 1·x is x.
 * Memory is the ones, not n × width doubles.
 */
export function fitLogisticColumns(rows: ZeroOneRows, outcome: ArrayLike<number>, options: Partial<LogisticOptions> = {}): LogisticFit {
  return irls(columnRows(rows, outcome), options);
}

function irls(rows: Observations, options: Partial<LogisticOptions>): LogisticFit {
  const { maxIterations, tolerance } = { ...DEFAULTS, ...options };
  const p = rows.count > 0 ? rows.width : 0;
  let beta = new Array<number>(p).fill(0);
  let logLik = rows.logLikelihood(beta);
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    const { information, score } = rows.informationAndScore(beta);
    const inverse = symmetricInverse(information);
    if (inverse === null) {
      // Information lost to probabilities pinned at 0 or 1 is separation, not a dependent design.
      if (iteration > 1 && (runawayColumns(beta).length > 0 || rows.atEdge(beta))) {
        return failed('separation', logLik, iteration, runawayColumns(beta));
      }
      return failed('singular', logLik, iteration, dependentColumns(information));
    }
    const step = inverse.map((row) => row.reduce((s, v, j) => s + v * score[j], 0));
    let scale = 1;
    let next = beta.map((b, j) => b + step[j]);
    let nextLogLik = rows.logLikelihood(next);
    while (!(nextLogLik >= logLik - 1e-12 * Math.abs(logLik)) && scale > 1e-6) {
      scale /= 2;
      next = beta.map((b, j) => b + scale * step[j]);
      nextLogLik = rows.logLikelihood(next);
    }
    const change = Math.abs(nextLogLik - logLik);
    beta = next;
    logLik = nextLogLik;
    const moved = Math.max(0, ...step.map((v) => Math.abs(scale * v)));
    if (change <= tolerance * (Math.abs(logLik) + tolerance) && moved <= 1e-8) {
      return finish(rows, beta, logLik, iteration);
    }
  }
  const runaway = runawayColumns(beta);
  return failed(runaway.length > 0 ? 'separation' : 'not converged', logLik, maxIterations, runaway);
}

function finish(rows: Observations, beta: number[], logLik: number, iterations: number): LogisticFit {
  const runaway = runawayColumns(beta);
  if (runaway.length > 0 || rows.atEdge(beta)) {
    return failed('separation', logLik, iterations, runaway);
  }
  const { information } = rows.informationAndScore(beta);
  const covariance = symmetricInverse(information);
  if (covariance === null) return failed('singular', logLik, iterations, dependentColumns(information));
  const hopeless = covariance.flatMap((row, j) => (!(Math.sqrt(row[j]) < HOPELESS_SE) ? [j] : []));
  if (hopeless.length > 0) return failed('separation', logLik, iterations, hopeless);
  return {
    status: 'converged',
    coefficients: beta,
    standardErrors: covariance.map((row, i) => Math.sqrt(row[i])),
    covariance,
    logLikelihood: logLik,
    iterations,
    suspect: [],
  };
}

function failed(status: LogisticStatus, logLik: number, iterations: number, suspect: number[]): LogisticFit {
  return { status, coefficients: null, standardErrors: null, covariance: null, logLikelihood: logLik, iterations, suspect };
}

function runawayColumns(beta: readonly number[]): number[] {
  return beta.flatMap((b, j) => (Math.abs(b) > RUNAWAY ? [j] : []));
}

/** Columns that are all zero, or whose information row repeats an earlier one up to scale. */
function dependentColumns(information: number[][]): number[] {
  const out: number[] = [];
  for (let j = 0; j < information.length; j++) {
    if (information[j][j] <= 0) {
      out.push(j);
      continue;
    }
    for (let k = 0; k < j; k++) {
      const r = information[j][k] / Math.sqrt(information[j][j] * information[k][k]);
      if (Math.abs(r) > 1 - 1e-9) {
        out.push(j);
        break;
      }
    }
  }
  return out;
}
