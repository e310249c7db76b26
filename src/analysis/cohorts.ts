import { DataError } from '../errors.js';
import type { LoadedOrders, LoadedTickets } from '../ingest/records.js';
import { customerFacts, type CohortFacts, type FactWindows } from '../facts/customerFacts.js';
import { customerFactsTable } from '../facts/customerFactsTable.js';
import type { CustomerFactsTable } from '../model/customerFacts.js';
import { cohortWindows } from './historyWindows.js';
import { isoDay } from '../time/calendar.js';
import type { CohortOptions, CohortResult } from './cohortResult.js';
import { cohortFromFacts, cohortStats } from './cohortFromFacts.js';
import { chooseCohortWindow, countedOrderSpan } from './cohortWindow.js';
import { proactiveFollowUp } from './proactiveFollowUp.js';
import { adjustFollowUp } from './followUpAdjustment.js';
import { resolutionRuleFor, ticketResolver } from './resolution.js';
import { parseCohortSpans } from './windows.js';
import type { DayWindow } from '../model/time.js';

/**
 * The service-recovery cohort analysis, pure: canonical orders and tickets in, CohortResult
 * out. Steps: windows → per-customer facts → group statistics and tests → headline.
 * Throws UsageError for malformed window options and DataError when the cohort has no
 * members (naming the window and the dates the data covers).
 */
export function runCohortAnalysis(orders: LoadedOrders, tickets: LoadedTickets, options: CohortOptions, meanwhile?: () => void): CohortResult {
  return cohortAnalysis(orders, tickets, options, meanwhile).result;
}

/**
 * The cohort result with its per-customer facts table (for facts.csv, recovery.csv, Parquet).
 * Everything but proactiveFollowUp is computed from that table alone (cohortFromFacts), so a
 * facts file read back, or built by a SQL engine, gives the same result.
 */
export function cohortAnalysis(
  orders: LoadedOrders,
  tickets: LoadedTickets,
  options: CohortOptions,
  /** See CohortInput.meanwhile; not run when the analysis stops before its statistics. */
  meanwhile?: () => void,
): { result: CohortResult; facts: CustomerFactsTable } {
  const spans = parseCohortSpans(options);
  const span = countedOrderSpan(orders.table);
  if (span === null) {
    throw new DataError(
      `${orders.quality.file}: no counted orders (every usable row is cancelled, canceled, refunded, voided or failed, or no row was usable); nothing to build a cohort from`,
    );
  }
  const { window, choice } = chooseCohortWindow(options.cohort, span, spans.follow);
  const windows = cohortWindows(window, spans);
  const { spend, tally } = memberFacts(orders, tickets, windows, span);
  // The bootstraps need the later spend and the groups alone: they resample while this
  // thread builds the rest of the facts table (another pass over the orders).
  const started = cohortStats(
    { laterSpend: spend.laterSpend, baselineSpend: spend.baselineSpend, laterPurchases: spend.laterPurchases, problems: tally.problems, unresolved: tally.unresolved },
    options,
  );
  let table: CustomerFactsTable;
  try {
    table = customerFactsTable(spend, tally, {
      windows,
      dataFirstDay: span.first,
      dataLastDay: span.last,
      resolutionRule: resolutionRuleFor(tickets.present),
      currency: orders.currency ?? null,
    });
  } catch (error) {
    started.stats.cancel();
    throw error;
  }
  const result = cohortFromFacts(table, { options, choice, meanwhile, started });
  if (tickets.present.has('follow_up')) {
    const raw = proactiveFollowUp({ ...tally, laterSpend: spend.laterSpend, laterPurchases: spend.laterPurchases });
    result.proactiveFollowUp = adjustFollowUp(raw, table, tally.followedUp);
  }
  return { result, facts: table };
}

/** The members' spend and problem tickets. Throws DataError when the cohort window holds no member. */
function memberFacts(orders: LoadedOrders, tickets: LoadedTickets, windows: FactWindows, span: { first: number; last: number }): CohortFacts {
  const facts = customerFacts(orders.table, tickets.table, windows, ticketResolver(tickets.present));
  if (facts.spend.count === 0) {
    throw new DataError(
      `no customer has a counted order in the cohort window ${windowText(windows.cohort)}; the counted orders in ${orders.quality.file} run ${isoDay(span.first)}..${isoDay(span.last)}. Choose a window inside that range with --cohort, e.g. --cohort ${isoDay(span.first).slice(0, 7)}`,
    );
  }
  return facts;
}

function windowText(w: DayWindow): string {
  return `${isoDay(w.start)}..${isoDay(w.end)}`;
}
