import { normalTwoSidedP } from './normal.js';

/** Mann–Whitney U of the first sample, its continuity-corrected z and two-sided p-value. */
export interface MannWhitneyResult {
  u: number;
  z: number;
  p: number;
}

/**
 * The Mann–Whitney U test (Wilcoxon rank-sum), two-sided, by the normal approximation with
 * tie correction and continuity correction: the same U and p as
 * `scipy.stats.mannwhitneyu(a, b, alternative='two-sided', method='asymptotic', use_continuity=True)`.
 *
 * - `u` is U of sample a: the number of pairs (x from a, y from b) with x > y, ties counting ½.
 *   U(a, b) + U(b, a) = n·m.
 * - `z` = sign(u − nm/2) · max(0, |u − nm/2| − ½) / σ, where σ² = nm/12 · (N + 1 − Σ(t³ − t)/(N(N − 1)))
 *   over tie groups of size t. Positive when a tends to have the larger values. scipy's
 *   statistic is |z| (it uses max(U1, U2)); shrinking |u − nm/2| < ½ to 0 gives scipy's p
 *   clipped at 1.
 * - `p` = P(|Z| ≥ |z|).
 *
 * Returns null when either sample is empty, or when every value in both samples is equal
 * (σ = 0: the ranks carry no information and p is undefined).
 *
 * Sorts copies of both samples and ranks them with mannWhitneyUSorted. Throws RangeError on
 * NaN (it has no rank).
 *
 * @example
 * mannWhitneyU([1, 2, 3], [4, 5, 6, 7]);
 * // { u: 0, z: -1.9445436482630056, p: 0.05182992721790971 }
 */
export function mannWhitneyU(a: ArrayLike<number>, b: ArrayLike<number>): MannWhitneyResult | null {
  if (a.length === 0 || b.length === 0) return null;
  return mannWhitneyUSorted(Float64Array.from(a).sort(), Float64Array.from(b).sort());
}

/**
 * mannWhitneyU of samples already sorted ascending (as `Float64Array.prototype.sort` leaves
 * them), so a caller comparing one sample with several others sorts it once. Ranks by merging
 * the two and counting tie groups as it goes: O(n + m) time, nothing allocated.
 */
export function mannWhitneyUSorted(x: Float64Array, y: Float64Array): MannWhitneyResult | null {
  const n = x.length;
  const m = y.length;
  if (n === 0 || m === 0) return null;
  // A typed-array sort puts NaN last.
  if (Number.isNaN(x[n - 1]) || Number.isNaN(y[m - 1])) throw new RangeError('mannWhitneyU: NaN has no rank');
  const total = n + m;
  let rankSumA = 0;
  let tieTerm = 0;
  let i = 0;
  let j = 0;
  let ranked = 0; // values already given ranks 1..ranked
  while (i < n || j < m) {
    const v = j >= m || (i < n && x[i]! <= y[j]!) ? x[i]! : y[j]!;
    let fromA = 0;
    while (i < n && x[i] === v) {
      i++;
      fromA++;
    }
    let fromB = 0;
    while (j < m && y[j] === v) {
      j++;
      fromB++;
    }
    const size = fromA + fromB;
    rankSumA += fromA * (ranked + (size + 1) / 2); // mid-rank of the tie group
    tieTerm += size * size * size - size;
    ranked += size;
  }
  const u = rankSumA - (n * (n + 1)) / 2;
  const variance = ((n * m) / 12) * (total + 1 - tieTerm / (total * (total - 1)));
  if (!(variance > 0)) return null;
  const deviation = u - (n * m) / 2;
  const corrected = Math.max(0, Math.abs(deviation) - 0.5);
  const z = (Math.sign(deviation) * corrected) / Math.sqrt(variance);
  return { u, z: z === 0 ? 0 : z, p: normalTwoSidedP(z) };
}
