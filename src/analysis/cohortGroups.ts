import type { CustomerFacts } from '../facts/customerFacts.js';
import { bootstrapMeanCi } from '../stats/bootstrap.js';
import { mannWhitneyU } from '../stats/mannWhitney.js';
import { mean, median } from '../stats/summary.js';
import { welchTTest } from '../stats/welch.js';
import { GROUPS, type Comparison, type Group, type GroupStats } from './cohortResult.js';

/** The three comparisons, in the order every output lists them. */
export const COMPARISON_PAIRS: readonly [Group, Group][] = [
  ['resolved', 'no_problem'],
  ['unresolved', 'no_problem'],
  ['resolved', 'unresolved'],
];

/** Members' later spend per group, in member order (customer id), for the tests. */
export function laterSpendByGroup(members: readonly CustomerFacts[]): Record<Group, number[]> {
  const spend: Record<Group, number[]> = { no_problem: [], resolved: [], unresolved: [] };
  for (const m of members) spend[m.group].push(m.laterSpend);
  return spend;
}

/**
 * Per group: size, mean/median/total later spend, repeat rate (share with ≥1 follow-up
 * purchase), mean cohort-window spend, a seeded percentile-bootstrap 95% CI of the mean (the
 * same seed for every group), and lift vs no_problem. An empty group has customers 0, total
 * 0 and null statistics.
 */
export function groupStats(
  members: readonly CustomerFacts[],
  bootstrap: { resamples: number; seed: number },
): Record<Group, GroupStats> {
  const byGroup: Record<Group, CustomerFacts[]> = { no_problem: [], resolved: [], unresolved: [] };
  for (const m of members) byGroup[m.group].push(m);
  const stats = {} as Record<Group, GroupStats>;
  for (const group of GROUPS) {
    const rows = byGroup[group];
    const later = rows.map((m) => m.laterSpend);
    let total = 0;
    let repeaters = 0;
    for (const m of rows) {
      total += m.laterSpend;
      if (m.laterPurchases > 0) repeaters += 1;
    }
    stats[group] = {
      customers: rows.length,
      meanSpend: mean(later),
      medianSpend: median(later),
      repeatRate: rows.length === 0 ? null : repeaters / rows.length,
      totalSpend: total,
      baselineMeanSpend: mean(rows.map((m) => m.baselineSpend)),
      ci95: bootstrapMeanCi(later, bootstrap),
      liftVsNoProblem: null,
    };
  }
  for (const group of ['resolved', 'unresolved'] as const) {
    stats[group].liftVsNoProblem = lift(stats[group].meanSpend, stats.no_problem.meanSpend);
  }
  return stats;
}

/**
 * meanA / meanB − 1. Null when either mean is missing, or when meanB ≤ 0: a ratio to zero or
 * to net refunds is no "percent more", and the headline then compares amounts instead.
 */
export function lift(meanA: number | null, meanB: number | null): number | null {
  if (meanA === null || meanB === null || !(meanB > 0)) return null;
  return meanA / meanB - 1;
}

/** Welch's t-test and Mann–Whitney U (two-sided) on later spend, for each pair; null = not computable. */
export function comparisons(spend: Record<Group, number[]>, stats: Record<Group, GroupStats>): Comparison[] {
  return COMPARISON_PAIRS.map(([a, b]) => ({
    a,
    b,
    lift: lift(stats[a].meanSpend, stats[b].meanSpend),
    welchP: welchTTest(spend[a], spend[b])?.p ?? null,
    mannWhitneyP: mannWhitneyU(spend[a], spend[b])?.p ?? null,
  }));
}
