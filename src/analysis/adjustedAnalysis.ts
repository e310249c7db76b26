import { observedDays, type CustomerFactsTable } from '../model/customerFacts.js';
import { isoDay } from '../time/calendar.js';
import { adjustedRegression, MIN_GROUP } from './adjustedRegression.js';
import type { AdjustedAnalysis, GapEstimate, RevenueAtStake } from './adjustedResult.js';
import { diffInDiff, stratifiedGaps, welchGaps } from './gapEstimates.js';
import { repurchaseCurves } from './repurchase.js';
import { isoWindow } from './windows.js';
import type { DayWindow } from '../model/time.js';
import { GROUPS, type Group } from '../model/groups.js';

export interface AdjustedInputs {
  baseline: DayWindow;
  pre: DayWindow;
  /** First counted order date in the data: history before it is unknown, not zero. */
  dataStart: number;
  currency: string | null;
}

/**
 * What resolving a problem is worth, adjusted for who complains: the raw gaps, the
 * regression-adjusted gaps (OLS, HC3), the difference-in-differences, the quintile-stratified
 * gaps, revenue at stake, and the repurchase curves, from the per-customer facts.
 */
export function adjustedAnalysis(facts: CustomerFactsTable, inputs: AdjustedInputs): AdjustedAnalysis {
  const adjusted = adjustedRegression(facts);
  const unresolved = facts.group.filter((g) => g === 'unresolved').length;
  return {
    baseline: isoWindow(inputs.baseline),
    preWindow: isoWindow(inputs.pre),
    raw: welchGaps(facts, (m) => facts.laterSpend[m]!),
    adjusted,
    diffInDiff: { comparisons: diffInDiff(facts) },
    stratified: { comparisons: stratifiedGaps(facts) },
    revenueAtStake: revenueAtStake(adjusted.comparisons, unresolved, inputs.currency),
    repurchase: repurchaseCurves(facts),
    caveats: adjustedCaveats(facts, adjusted.dropped, inputs),
  };
}

/**
 * perCustomer = the adjusted resolved − unresolved gap; total = perCustomer × unresolved
 * members, over the follow-up window, its interval scaled the same way.
 */
function revenueAtStake(comparisons: GapEstimate[], customers: number, currency: string | null): RevenueAtStake {
  const gap = comparisons.find((c) => c.a === 'resolved' && c.b === 'unresolved')!;
  const perCustomer = gap.difference;
  return {
    customers,
    perCustomer,
    total: perCustomer === null ? null : perCustomer * customers,
    ci95: gap.ci95 === null ? null : [gap.ci95[0] * customers, gap.ci95[1] * customers],
    currency,
  };
}

function adjustedCaveats(facts: CustomerFactsTable, dropped: string[], inputs: AdjustedInputs): string[] {
  const caveats: string[] = [];
  const start = isoDay(inputs.dataStart);
  for (const [name, w] of [['baseline window', inputs.baseline], ['pre-window', inputs.pre]] as const) {
    if (w.start < inputs.dataStart) {
      const known = Math.max(0, w.end - inputs.dataStart + 1);
      caveats.push(
        `the ${name} ${isoDay(w.start)}..${isoDay(w.end)} starts before the first counted order (${start}): spend before that is unknown, not zero, and only ${known} of its ${w.end - w.start + 1} days are in the data`,
      );
    }
  }
  if (dropped.length > 0) {
    caveats.push(`the regression left out ${dropped.join(', ')}: constant across members or an exact combination of the other covariates, so it could not be adjusted for`);
  }
  const sizes: Record<Group, number> = { no_problem: 0, resolved: 0, unresolved: 0 };
  for (const g of facts.group) sizes[g]++;
  const tiny = GROUPS.filter((g) => sizes[g] < MIN_GROUP);
  if (tiny.length > 0) {
    caveats.push(`${tiny.join(' and ')} ${tiny.length === 1 ? 'has' : 'have'} fewer than ${MIN_GROUP} members: the adjusted, difference-in-differences and stratified gaps involving ${tiny.length === 1 ? 'it' : 'them'} are not computed`);
  }
  if (observedDays(facts) < 0) caveats.push('the orders end before the follow-up starts, so there are no repurchase curves');
  return caveats;
}
