import { memberGroup } from '../facts/customerFacts.js';
import { startBootstrapMeanCis } from '../stats/bootstrap.js';
import { mannWhitneyUSorted } from '../stats/mannWhitney.js';
import { mean, medianSorted } from '../stats/summary.js';
import { welchTTest } from '../stats/welch.js';
import type { Comparison, GroupStats } from './cohortResult.js';
import { GROUPS, type Group } from '../model/groups.js';

/** The three comparisons, in the order every output lists them. */
export const COMPARISON_PAIRS: readonly [Group, Group][] = [
  ['resolved', 'no_problem'],
  ['unresolved', 'no_problem'],
  ['resolved', 'unresolved'],
];

/**
 * One group's members as columns, built once and shared by every statistic and test.
 * `laterSpend` and `baselineSpend` are in member order (customer id): the means, the bootstrap
 * draws and Welch's sums depend on it. `sortedLaterSpend` (ascending) serves the median and
 * Mann–Whitney, so no group is copied or sorted again per statistic or per pair.
 */
export interface GroupColumns {
  laterSpend: Float64Array;
  sortedLaterSpend: Float64Array;
  baselineSpend: Float64Array;
  /** Members with ≥1 follow-up purchase. */
  repeaters: number;
}

/**
 * What groupColumns reads of the members, one entry per member number in member order (the
 * columns of MemberSpend and ProblemTicketTally).
 */
export interface MemberColumns {
  laterSpend: ArrayLike<number>;
  baselineSpend: ArrayLike<number>;
  laterPurchases: ArrayLike<number>;
  problems: ArrayLike<number>;
  unresolved: ArrayLike<number>;
}

/**
 * Member columns → per-group columns, straight from the typed arrays: no object per member,
 * and each group's columns allocated at their final size (a first pass counts the groups).
 */
export function groupColumns(members: MemberColumns): Record<Group, GroupColumns> {
  const { laterSpend, baselineSpend, laterPurchases, problems, unresolved } = members;
  const count = laterSpend.length;
  const sizes: Record<Group, number> = { no_problem: 0, resolved: 0, unresolved: 0 };
  for (let m = 0; m < count; m++) sizes[memberGroup(problems[m]!, unresolved[m]!)] += 1;
  const columns = {} as Record<Group, GroupColumns>;
  for (const group of GROUPS) {
    columns[group] = { laterSpend: new Float64Array(sizes[group]), sortedLaterSpend: EMPTY, baselineSpend: new Float64Array(sizes[group]), repeaters: 0 };
  }
  const filled: Record<Group, number> = { no_problem: 0, resolved: 0, unresolved: 0 };
  for (let m = 0; m < count; m++) {
    const group = memberGroup(problems[m]!, unresolved[m]!);
    const c = columns[group];
    const i = filled[group]++;
    c.laterSpend[i] = laterSpend[m]!;
    c.baselineSpend[i] = baselineSpend[m]!;
    if (laterPurchases[m]! > 0) c.repeaters += 1;
  }
  for (const group of GROUPS) columns[group].sortedLaterSpend = columns[group].laterSpend.slice().sort();
  return columns;
}

const EMPTY = new Float64Array(0);

/**
 * Per group: size, mean/median/total later spend, repeat rate (share with ≥1 follow-up
 * purchase), mean cohort-window spend, a seeded percentile-bootstrap 95% CI of the mean (the
 * same seed for every group), and lift vs no_problem. An empty group has customers 0, total
 * 0 and null statistics.
 */
export function groupStats(
  columns: Record<Group, GroupColumns>,
  bootstrap: { resamples: number; seed: number },
): Record<Group, GroupStats> {
  return startGroupStats(columns, bootstrap).finish();
}

/**
 * groupStats begun: every group's bootstrap starts now (on worker threads, for large groups),
 * so the caller can compute something else on this thread before `finish`; `cancel` stops
 * them when it fails. Same results to the bit as groupStats.
 */
export function startGroupStats(
  columns: Record<Group, GroupColumns>,
  bootstrap: { resamples: number; seed: number },
): { finish(): Record<Group, GroupStats>; cancel(): void } {
  const runs = startBootstrapMeanCis(GROUPS.map((group) => columns[group].laterSpend), bootstrap);
  return {
    finish() {
      const stats = {} as Record<Group, GroupStats>;
      GROUPS.forEach((group, g) => {
        const { laterSpend, sortedLaterSpend, baselineSpend, repeaters } = columns[group];
        const n = laterSpend.length;
        let total = 0;
        for (let i = 0; i < n; i++) total += laterSpend[i]!;
        const ci = runs[g]!.finish();
        const meanSpend = finite(mean(laterSpend));
        stats[group] = {
          customers: n,
          meanSpend,
          medianSpend: finite(medianSorted(sortedLaterSpend)),
          repeatRate: n === 0 ? null : repeaters / n,
          totalSpend: finite(total),
          baselineMeanSpend: finite(mean(baselineSpend)),
          // An interval around a mean that overflowed would be an interval around nothing.
          ci95: meanSpend !== null && ci !== null && Number.isFinite(ci[0]) && Number.isFinite(ci[1]) ? ci : null,
          liftVsNoProblem: null,
        };
      });
      for (const group of ['resolved', 'unresolved'] as const) {
        stats[group].liftVsNoProblem = lift(stats[group].meanSpend, stats.no_problem.meanSpend);
      }
      return stats;
    },
    cancel() {
      for (const run of runs) run.cancel();
    },
  };
}

/**
 * meanA / meanB − 1. Null when either mean is missing, or when meanB ≤ 0: a ratio to zero or
 * to net refunds is no "percent more", and the headline then compares amounts instead.
 */
export function lift(meanA: number | null, meanB: number | null): number | null {
  if (meanA === null || meanB === null || !(meanB > 0)) return null;
  return finite(meanA / meanB - 1);
}

/**
 * A statistic, or null when double precision could not hold it: amounts near 1.8e308 sum to
 * Infinity, and Infinity − Infinity to NaN. Outputs show null as n/a and the caveats say why.
 */
export function finite(x: number | null): number | null {
  return x !== null && Number.isFinite(x) ? x : null;
}

/** Welch's t-test and Mann–Whitney U (two-sided) on later spend, for each pair; null = not computable. */
export function comparisons(columns: Record<Group, GroupColumns>, stats: Record<Group, GroupStats>): Comparison[] {
  return COMPARISON_PAIRS.map(([a, b]) => ({
    a,
    b,
    lift: lift(stats[a].meanSpend, stats[b].meanSpend),
    welchP: welchTTest(columns[a].laterSpend, columns[b].laterSpend)?.p ?? null,
    mannWhitneyP: mannWhitneyUSorted(columns[a].sortedLaterSpend, columns[b].sortedLaterSpend)?.p ?? null,
  }));
}
