import { chiSquareSf } from './chiSquareDist.js';
import { runOf, sortedTimes } from './sortedTimes.js';

export interface LogRankResult {
  chi2: number;
  df: number;
  p: number;
  /** Per group as given: observed and expected events. */
  observed: number[];
  expected: number[];
}

/**
 * The log-rank (Mantel–Cox) test that k survival curves are equal: at each distinct event
 * time, each group's expected events are its share of those at risk times all events, with
 * the hypergeometric covariance Σ d(n−d)/(n−1)·(nᵍ/n)(δᵍʰ − nʰ/n); χ² = (O−E)ᵀV⁻¹(O−E) over
 * all groups but the last, on (groups − 1) df. R's `survdiff` gives the same statistic.
 * Empty groups are left out of df. Null when fewer than two groups have members, no event
 * occurs, or the variance is singular.
 *
 * @example
 * // Freireich 6-MP vs placebo: χ² = 16.79 on 1 df, p = 4.17e-5 (R survdiff: "Chisq= 16.8")
 */
export function logRank(groups: readonly { times: ArrayLike<number>; events: ArrayLike<number> }[]): LogRankResult | null {
  const live = groups.map((g, index) => ({ ...g, index })).filter((g) => g.times.length > 0);
  const k = live.length;
  const observed = new Array<number>(groups.length).fill(0);
  const expected = new Array<number>(groups.length).fill(0);
  if (k < 2) return null;
  // Each group's event and censoring times, sorted: walked together, distinct time by distinct time.
  const sorted = live.map((grp) => sortedTimes(grp.times, grp.events));
  const next = live.map(() => ({ event: 0, censored: 0 }));
  const atRisk = live.map((grp) => grp.times.length);
  const o = new Array<number>(k).fill(0);
  const e = new Array<number>(k).fill(0);
  const v = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const d = new Array<number>(k);
  const left = new Array<number>(k);
  for (;;) {
    let time = Infinity;
    let more = false;
    for (let g = 0; g < k; g++) {
      const s = sorted[g]!;
      const at = next[g]!;
      if (at.event < s.events.length) {
        time = Math.min(time, s.events[at.event]!);
        more = true;
      }
      if (at.censored < s.censored.length) {
        time = Math.min(time, s.censored[at.censored]!);
        more = true;
      }
    }
    if (!more) break;
    for (let g = 0; g < k; g++) {
      const at = next[g]!;
      d[g] = runOf(sorted[g]!.events, at.event, time);
      const c = runOf(sorted[g]!.censored, at.censored, time);
      at.event += d[g]!;
      at.censored += c;
      left[g] = d[g]! + c;
    }
    const dAll = d.reduce((a, b) => a + b, 0);
    const nAll = atRisk.reduce((a, b) => a + b, 0);
    if (dAll > 0) {
      const spread = nAll > 1 ? (dAll * (nAll - dAll)) / (nAll - 1) : 0;
      for (let g = 0; g < k; g++) {
        o[g] += d[g]!;
        e[g] += (dAll * atRisk[g]!) / nAll;
        for (let h = 0; h < k; h++) v[g]![h] += spread * (atRisk[g]! / nAll) * ((g === h ? 1 : 0) - atRisk[h]! / nAll);
      }
    }
    for (let g = 0; g < k; g++) atRisk[g] -= left[g]!;
  }
  live.forEach((grp, g) => {
    observed[grp.index] = o[g]!;
    expected[grp.index] = e[g]!;
  });
  if (o.reduce((a, b) => a + b, 0) === 0) return null;
  const u = o.slice(0, k - 1).map((x, g) => x - e[g]!);
  const solved = solve(v.slice(0, k - 1).map((row) => row.slice(0, k - 1)), u);
  if (solved === null) return null;
  const chi2 = Math.max(0, u.reduce((s, x, g) => s + x * solved[g]!, 0));
  const df = k - 1;
  return { chi2, df, p: chiSquareSf(chi2, df), observed, expected };
}

/** Gaussian elimination with partial pivoting; null when (near) singular. */
function solve(a: number[][], b: number[]): number[] | null {
  const m = b.length;
  const rows = a.map((row, i) => [...row, b[i]!]);
  const scale = Math.max(...a.map((row) => Math.max(...row.map(Math.abs))));
  for (let c = 0; c < m; c++) {
    let p = c;
    for (let r = c + 1; r < m; r++) if (Math.abs(rows[r]![c]!) > Math.abs(rows[p]![c]!)) p = r;
    if (!(Math.abs(rows[p]![c]!) > 1e-12 * scale)) return null;
    [rows[c], rows[p]] = [rows[p]!, rows[c]!];
    for (let r = 0; r < m; r++) {
      if (r === c) continue;
      const f = rows[r]![c]! / rows[c]![c]!;
      for (let j = c; j <= m; j++) rows[r]![j] -= f * rows[c]![j]!;
    }
  }
  return rows.map((row, i) => row[m]! / row[i]!);
}
