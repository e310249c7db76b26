import { quantileSorted } from './quantileSorted.js';

/** One sample: a stratifying value and an outcome per subject. */
export interface StratifiedSample {
  strata: ArrayLike<number>;
  outcome: ArrayLike<number>;
}

export interface StratifiedDifference {
  /** Σ wₛ (mean aₛ − mean bₛ) over strata holding both samples; null when none does. */
  difference: number | null;
  /** Strata that held both samples (and so carry weight). */
  strataUsed: number;
}

/**
 * The difference of outcome means between samples a and b within strata of a covariate,
 * combined with weights by the smaller sample's share: wₛ = min(naₛ, nbₛ) / Σ min(na, nb).
 * Strata are the intervals between `cuts` (ascending), each closed above: a value ≤ cuts[0]
 * is in stratum 0, ≤ cuts[1] in stratum 1 …, above the last cut in the last stratum; so equal
 * values always share a stratum and repeated cuts give empty strata.
 *
 * @example
 * // cuts [10]: a = {x: [5, 20], y: [1, 3]}, b = {x: [5, 5, 20], y: [0, 0, 1]}
 * // stratum 0: 1 − 0 = 1 (weight 1), stratum 1: 3 − 1 = 2 (weight 1) → 1.5
 */
export function stratifiedDifference(a: StratifiedSample, b: StratifiedSample, cuts: readonly number[]): StratifiedDifference {
  const k = cuts.length + 1;
  const sums = (s: StratifiedSample) => {
    const n = new Array<number>(k).fill(0);
    const total = new Array<number>(k).fill(0);
    for (let i = 0; i < s.strata.length; i++) {
      const x = s.strata[i]!;
      let stratum = 0;
      while (stratum < cuts.length && x > cuts[stratum]!) stratum++;
      n[stratum]++;
      total[stratum] += s.outcome[i]!;
    }
    return { n, total };
  };
  const x = sums(a);
  const y = sums(b);
  let weights = 0;
  let combined = 0;
  let strataUsed = 0;
  for (let s = 0; s < k; s++) {
    const w = Math.min(x.n[s]!, y.n[s]!);
    if (w === 0) continue;
    strataUsed++;
    weights += w;
    combined += w * (x.total[s]! / x.n[s]! - y.total[s]! / y.n[s]!);
  }
  return { difference: strataUsed === 0 ? null : combined / weights, strataUsed };
}

/**
 * The 20th, 40th, 60th and 80th percentiles (type 7) of `values`: the cuts of quintile strata
 * for stratifiedDifference. Empty input gives no cuts (one stratum).
 */
export function quintileCuts(values: ArrayLike<number>): number[] {
  if (values.length === 0) return [];
  const sorted = Float64Array.from(values as ArrayLike<number>).sort();
  return [0.2, 0.4, 0.6, 0.8].map((p) => quantileSorted(sorted, p));
}
