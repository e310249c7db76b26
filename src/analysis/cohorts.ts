import { DataError } from '../errors.js';
import type { LoadedOrders, LoadedTickets } from '../ingest/records.js';
import { customerFacts, type CohortFacts, type FactWindows } from '../facts/customerFacts.js';
import { customerFactsTable } from '../facts/customerFactsTable.js';
import type { CustomerFactsTable } from '../model/customerFacts.js';
import { adjustedAnalysis } from './adjustedAnalysis.js';
import { windowBefore } from './historyWindows.js';
import { isoDay } from '../time/calendar.js';
import { comparisons, groupColumns, groupStats, type GroupColumns } from './cohortGroups.js';
import type { Censoring, CohortOptions, CohortResult, Group, ProactiveFollowUp } from './cohortResult.js';
import { chooseCohortWindow, countedOrderSpan } from './cohortWindow.js';
import { cohortHeadline } from './headline.js';
import { proactiveFollowUp } from './proactiveFollowUp.js';
import { adjustFollowUp } from './followUpAdjustment.js';
import { resolutionRuleFor, ticketResolver } from './resolution.js';
import { censoringOf, followUpWindow, isoWindow, parseCohortSpans, problemWindow, type DayWindow } from './windows.js';

/**
 * The service-recovery cohort analysis, pure: canonical orders and tickets in, CohortResult
 * out. Steps: windows → per-customer facts → group statistics and tests → headline.
 * Throws UsageError for malformed window options and DataError when the cohort has no
 * members (naming the window and the dates the data covers).
 */
export function runCohortAnalysis(orders: LoadedOrders, tickets: LoadedTickets, options: CohortOptions): CohortResult {
  return cohortAnalysis(orders, tickets, options).result;
}

/** The cohort result with its per-customer facts table (for facts.csv, recovery.csv, Parquet). */
export function cohortAnalysis(
  orders: LoadedOrders,
  tickets: LoadedTickets,
  options: CohortOptions,
): { result: CohortResult; facts: CustomerFactsTable } {
  const { follow, grace, baseline: baselineSpan } = parseCohortSpans(options);
  const span = countedOrderSpan(orders.table ?? orders.records);
  if (span === null) {
    throw new DataError(
      `${orders.quality.file}: no counted orders (every usable row is cancelled, canceled, refunded, voided or failed, or no row was usable); nothing to build a cohort from`,
    );
  }
  const { window: cohort, choice } = chooseCohortWindow(options.cohort, span, follow);
  const followUp = followUpWindow(cohort, follow);
  const problem = problemWindow(cohort, grace);

  const baseline = windowBefore(cohort, baselineSpan);
  const pre = windowBefore(cohort, follow);
  const facts = cohortColumns(orders, tickets, { cohort, followUp, problem }, span);
  const table = customerFactsTable(facts.spend, facts.tally, { cohort, followUp, baseline, pre, dataEnd: span.last });
  const adjustment = adjustedAnalysis(table, { baseline, pre, dataStart: span.first, currency: orders.currency ?? null });
  const groups = groupStats(facts.columns, { resamples: options.bootstrap, seed: options.seed });
  const tests = comparisons(facts.columns, groups);
  const censoring = censoringOf(followUp, span.last);
  const currency = orders.currency ?? null;
  const result: CohortResult = {
    cohort: isoWindow(cohort),
    cohortChoice: choice,
    dataRange: { start: isoDay(span.first), end: isoDay(span.last) },
    followUp: isoWindow(followUp),
    problemWindow: isoWindow(problem),
    options,
    resolutionRule: resolutionRuleFor(tickets.present),
    censoring,
    currency,
    groups,
    comparisons: tests,
    headline: cohortHeadline(groups, tests, censoring, currency),
    counts: facts.counts,
    ...(facts.followUp === null ? {} : { proactiveFollowUp: adjustFollowUp(facts.followUp, table, facts.tally.followedUp) }),
    adjustment,
  };
  return { result, facts: table };
}

/**
 * The members' per-group columns and counts, from the facts' typed arrays. Throws DataError
 * when the cohort window holds no member.
 */
function cohortColumns(
  orders: LoadedOrders,
  tickets: LoadedTickets,
  windows: FactWindows,
  span: { first: number; last: number },
): { columns: Record<Group, GroupColumns>; counts: CohortResult['counts']; followUp: ProactiveFollowUp | null } & CohortFacts {
  const { spend, tally } = customerFacts(orders.table ?? orders.records, tickets.records, windows, ticketResolver(tickets.present));
  if (spend.count === 0) {
    throw new DataError(
      `no customer has a counted order in the cohort window ${windowText(windows.cohort)}; the counted orders in ${orders.quality.file} run ${isoDay(span.first)}..${isoDay(span.last)}. Choose a window inside that range with --cohort, e.g. --cohort ${isoDay(span.first).slice(0, 7)}`,
    );
  }
  const followUp = tickets.present.has('follow_up') ? proactiveFollowUp({ ...tally, laterSpend: spend.laterSpend, laterPurchases: spend.laterPurchases }) : null;
  return {
    followUp,
    spend,
    tally,
    columns: groupColumns({
      laterSpend: spend.laterSpend,
      baselineSpend: spend.baselineSpend,
      laterPurchases: spend.laterPurchases,
      problems: tally.problems,
      unresolved: tally.unresolved,
    }),
    counts: {
      members: spend.count,
      problemTickets: tally.problemTickets,
      linkedByOrderId: tally.linkedByOrderId,
      excludedByOrderId: tally.excludedByOrderId,
    },
  };
}


function windowText(w: DayWindow): string {
  return `${isoDay(w.start)}..${isoDay(w.end)}`;
}
