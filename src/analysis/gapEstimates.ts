import type { CustomerFactsTable } from '../model/customerFacts.js';
import { quintileCuts, stratifiedDifference } from '../stats/stratifiedDifference.js';
import { welchDifference } from '../stats/welchDifference.js';
import type { GapEstimate } from './adjustedResult.js';
import { COMPARISON_PAIRS } from './cohortGroups.js';
import { MIN_GROUP } from './adjustedRegression.js';
import type { Group } from '../model/groups.js';
import { allMembersColumn } from './memberColumn.js';

/** Rows of each group, in member order; made once per facts table (four estimates ask), not to be changed. */
export function groupRows(facts: CustomerFactsTable): Readonly<Record<Group, readonly number[]>> {
  let rows = ROWS.get(facts);
  if (rows === undefined) {
    const made: Record<Group, number[]> = { no_problem: [], resolved: [], unresolved: [] };
    for (let m = 0; m < facts.count; m++) made[facts.group[m]!].push(m);
    rows = made;
    ROWS.set(facts, rows);
  }
  return rows;
}

const ROWS = new WeakMap<CustomerFactsTable, Readonly<Record<Group, readonly number[]>>>();

/** Per pair, mean(a) − mean(b) of `value` with Welch's 95% interval and p; null for tiny or constant groups. */
export function welchGaps(facts: CustomerFactsTable, value: (m: number) => number): GapEstimate[] {
  const rows = groupRows(facts);
  return COMPARISON_PAIRS.map(([a, b]) => {
    const w = welchDifference(rows[a].map(value), rows[b].map(value));
    return { a, b, difference: w?.difference ?? null, ci95: w?.ci95 ?? null, p: w?.p ?? null };
  });
}

/**
 * Difference-in-differences per customer: d = later_spend − pre_spend, where pre_spend is
 * spend in the pre-window (the follow-up's length right before the cohort); group means of d
 * compared with Welch's t. A stable per-customer level cancels out of d.
 */
export function diffInDiff(facts: CustomerFactsTable): GapEstimate[] {
  return welchGaps(facts, (m) => facts.laterSpend[m]! - facts.preSpend[m]!);
}

/**
 * The raw later-spend gap within quintiles of spend known before the problem (prior_spend +
 * cohort_spend, cut over all members), combined with weights by the smaller group's share;
 * null for a group with fewer than MIN_GROUP members, as the other estimates.
 */
export function stratifiedGaps(facts: CustomerFactsTable): { a: Group; b: Group; difference: number | null }[] {
  const known = (m: number) => facts.priorSpend[m]! + facts.cohortSpend[m]!;
  const cuts = quintileCuts(allMembersColumn(facts.count, known));
  const rows = groupRows(facts);
  const sample = (g: Group) => ({ strata: rows[g].map(known), outcome: rows[g].map((m) => facts.laterSpend[m]!) });
  const enough = (g: Group) => rows[g].length >= MIN_GROUP;
  return COMPARISON_PAIRS.map(([a, b]) => ({ a, b, difference: enough(a) && enough(b) ? stratifiedDifference(sample(a), sample(b), cuts).difference : null }));
}
