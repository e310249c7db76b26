import type { CustomerFactsTable } from '../model/customerFacts.js';
import { isoDay } from '../time/calendar.js';
import { adjustedAnalysis } from './adjustedAnalysis.js';
import { comparisons, groupColumns, startGroupStats } from './cohortGroups.js';
import type { CohortOptions, CohortResult } from './cohortResult.js';
import type { CohortChoice } from './cohortWindow.js';
import { cohortHeadline } from './headline.js';
import { censoringOf, isoWindow } from './windows.js';

export interface CohortInput {
  options: CohortOptions;
  choice: CohortChoice;
  /**
   * Work of the caller's, run on this thread while the bootstrap workers resample (after the
   * adjusted comparison, before the groups are joined): `report`'s drivers, for one, which
   * otherwise ran after the cohort with the second core idle.
   */
  meanwhile?: () => void;
}

/**
 * The cohort result from the per-customer facts table alone, whoever built it: src/facts from
 * CSV files, a SQL engine (src/engines), or a facts file read back (`--facts-in`). The group
 * statistics, tests, headline, counts and adjusted comparison all read the table's columns in
 * member order, so equal tables give equal results to the last digit. `proactiveFollowUp` and
 * `monthly` need per-ticket and per-order data and are left to the caller.
 */
export function cohortFromFacts(facts: CustomerFactsTable, input: CohortInput): CohortResult {
  const { options } = input;
  const { windows, currency } = facts.run;
  const columns = groupColumns({
    laterSpend: facts.laterSpend,
    baselineSpend: facts.cohortSpend,
    laterPurchases: facts.laterOrders,
    problems: facts.problemTickets,
    unresolved: facts.unresolvedTickets,
  });
  // The bootstraps resample on worker threads while this thread fits the adjusted comparison.
  const started = startGroupStats(columns, { resamples: options.bootstrap, seed: options.seed });
  let adjustment: CohortResult['adjustment'];
  try {
    adjustment = adjustedAnalysis(facts, { baseline: windows.baseline, pre: windows.pre, dataStart: facts.run.dataFirstDay, currency });
    input.meanwhile?.();
  } catch (error) {
    started.cancel();
    throw error;
  }
  const groups = started.finish();
  const tests = comparisons(columns, groups);
  const censoring = censoringOf(windows.followUp, facts.run.dataLastDay);
  return {
    cohort: isoWindow(windows.cohort),
    cohortChoice: input.choice,
    dataRange: { start: isoDay(facts.run.dataFirstDay), end: isoDay(facts.run.dataLastDay) },
    followUp: isoWindow(windows.followUp),
    problemWindow: isoWindow(windows.problem),
    options,
    resolutionRule: facts.run.resolutionRule,
    censoring,
    currency,
    groups,
    comparisons: tests,
    headline: cohortHeadline(groups, tests, censoring, currency),
    counts: {
      members: facts.count,
      problemTickets: sum(facts.problemTickets),
      linkedByOrderId: sum(facts.linkedTickets),
      excludedByOrderId: sum(facts.excludedTickets),
    },
    adjustment,
  };
}

function sum(values: Int32Array): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}
