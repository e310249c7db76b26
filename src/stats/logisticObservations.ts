/**
 * The sums over observations that logistic regression's iteration needs (log-likelihood,
 * information XᵀWX and score, whether any fitted probability is pinned at 0 or 1), over two
 * sources of rows: dense rows, and rows of 0s and 1s given as the columns holding 1. Both run
 * over the observations in the same order and add the same non-zero terms in the same order,
 * so they give the same bits: a term with a factor 0 is ±0 (β being finite) and adding it to a
 * sum that starts at +0 changes nothing; 1·x is x.
 */
export interface Observations {
  count: number;
  width: number;
  logLikelihood(beta: readonly number[]): number;
  informationAndScore(beta: readonly number[]): { information: number[][]; score: number[] };
  atEdge(beta: readonly number[]): boolean;
}

/** Rows of 0s and 1s as the columns holding 1: row i is `columns[starts[i] … starts[i + 1])`, ascending. */
export interface ZeroOneRows {
  width: number;
  columns: Int32Array;
  starts: Int32Array;
}

/** A fitted probability this close to 0 or 1 means some observations are predicted perfectly. */
const EDGE = 1e-9;

/** The fitted probability 1/(1 + e^−η), computed without overflow for either sign of η. */
export function logistic(eta: number): number {
  if (eta >= 0) return 1 / (1 + Math.exp(-eta));
  const e = Math.exp(eta);
  return e / (1 + e);
}

export function linearPredictor(row: Float64Array, beta: readonly number[]): number {
  let eta = 0;
  for (let j = 0; j < row.length; j++) eta += row[j] * beta[j];
  return eta;
}

/** log(1 + eˣ) in its stable form: log p = −softplus(−η), log(1 − p) = −softplus(η). */
function softplus(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}

function emptyInformation(p: number) {
  return { information: Array.from({ length: p }, () => new Array<number>(p).fill(0)), score: new Array<number>(p).fill(0) };
}

function mirror(information: number[][]): void {
  const p = information.length;
  for (let j = 0; j < p; j++) for (let k = 0; k < j; k++) information[k][j] = information[j][k];
}

export function denseRows(design: readonly Float64Array[], outcome: ArrayLike<number>): Observations {
  return {
    count: design.length,
    width: design.length > 0 ? design[0].length : 0,
    logLikelihood(beta) {
      let sum = 0;
      for (let i = 0; i < design.length; i++) {
        const eta = linearPredictor(design[i], beta);
        sum -= outcome[i] === 1 ? softplus(-eta) : softplus(eta);
      }
      return sum;
    },
    informationAndScore(beta) {
      const p = beta.length;
      const { information, score } = emptyInformation(p);
      // Dummy-coded rows are mostly 0: accumulate over the non-zero entries only, which turns the
      // O(p²) update of each row into O(nnz²) (about 10² instead of 50² on support tickets).
      const nonZero = new Int32Array(p);
      for (let i = 0; i < design.length; i++) {
        const row = design[i];
        let count = 0;
        let eta = 0;
        for (let j = 0; j < p; j++) {
          if (row[j] !== 0) {
            nonZero[count++] = j;
            eta += row[j] * beta[j];
          }
        }
        const mu = logistic(eta);
        const w = mu * (1 - mu);
        const r = outcome[i] - mu;
        for (let a = 0; a < count; a++) {
          const j = nonZero[a];
          const xj = row[j];
          score[j] += xj * r;
          const wx = w * xj;
          const infoRow = information[j];
          for (let b = 0; b <= a; b++) infoRow[nonZero[b]] += wx * row[nonZero[b]];
        }
      }
      mirror(information);
      return { information, score };
    },
    atEdge(beta) {
      return design.some((row) => pinned(linearPredictor(row, beta)));
    },
  };
}

export function columnRows(rows: ZeroOneRows, outcome: ArrayLike<number>): Observations {
  const { columns, starts } = rows;
  const count = starts.length - 1;
  const eta = (i: number, beta: readonly number[]) => {
    let sum = 0;
    for (let c = starts[i]; c < starts[i + 1]; c++) sum += beta[columns[c]];
    return sum;
  };
  return {
    count,
    width: rows.width,
    logLikelihood(beta) {
      let sum = 0;
      for (let i = 0; i < count; i++) {
        const e = eta(i, beta);
        sum -= outcome[i] === 1 ? softplus(-e) : softplus(e);
      }
      return sum;
    },
    informationAndScore(beta) {
      const { information, score } = emptyInformation(beta.length);
      for (let i = 0; i < count; i++) {
        const mu = logistic(eta(i, beta));
        const w = mu * (1 - mu);
        const r = outcome[i] - mu;
        const end = starts[i + 1];
        for (let a = starts[i]; a < end; a++) {
          const j = columns[a];
          score[j] += r;
          const infoRow = information[j];
          for (let b = starts[i]; b <= a; b++) infoRow[columns[b]] += w;
        }
      }
      mirror(information);
      return { information, score };
    },
    atEdge(beta) {
      for (let i = 0; i < count; i++) if (pinned(eta(i, beta))) return true;
      return false;
    },
  };
}

function pinned(eta: number): boolean {
  const mu = logistic(eta);
  return mu < EDGE || mu > 1 - EDGE;
}
