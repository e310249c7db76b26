import type { CustomerFactsTable } from '../model/customerFacts.js';
import type { Group } from '../model/groups.js';
import { isoDay } from '../time/calendar.js';
import { adjustedAnalysis } from './adjustedAnalysis.js';
import { comparisons, groupColumns, startGroupStats, type GroupColumns, type MemberColumns } from './cohortGroups.js';
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
  /**
   * The group statistics already started from the same columns (cohortStats), by a caller
   * that has them before the whole table: the bootstraps then resample while it builds the rest.
   */
  started?: CohortStats;
}

/** The group columns and their statistics, started (the bootstraps resample on worker threads). */
export interface CohortStats {
  columns: Record<Group, GroupColumns>;
  stats: ReturnType<typeof startGroupStats>;
}

/** Starts the group statistics of the members' later spend, groups and baseline spend. */
export function cohortStats(members: MemberColumns, options: CohortOptions): CohortStats {
  const columns = groupColumns(members);
  return { columns, stats: startGroupStats(columns, { resamples: options.bootstrap, seed: options.seed }) };
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
  // The bootstraps resample on worker threads while this thread fits the adjusted comparison.
  const { columns, stats: started } =
    input.started ??
    cohortStats(
      {
        laterSpend: facts.laterSpend,
        baselineSpend: facts.cohortSpend,
        laterPurchases: facts.laterOrders,
        problems: facts.problemTickets,
        unresolved: facts.unresolvedTickets,
      },
      options,
    );
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
