import type { Group } from './groups.js';
import type { DayWindow } from './time.js';

/**
 * The per-customer facts table of a cohort: one row per member, sorted by customer id. The
 * column names are the contract shared by every writer of the table (facts.csv, Parquet, the
 * SQL engines) and its reader (`cohort --facts-in`): snake_case, in this order. Columns after
 * first_problem_at were appended later, so a reader of the first 13 keeps working; the last
 * ten are the run's context, the same on every row.
 */
export const CUSTOMER_FACT_COLUMNS = [
  'customer_id',
  'group',
  'cohort_spend',
  'cohort_orders',
  'prior_spend',
  'prior_orders',
  'new_customer',
  'later_spend',
  'later_orders',
  'days_to_next_order',
  'problem_tickets',
  'unresolved_tickets',
  'first_problem_at',
  'pre_spend',
  'last_problem_at',
  'linked_tickets',
  'excluded_tickets',
  'cohort_start',
  'cohort_end',
  'follow_up_end',
  'problem_end',
  'baseline_start',
  'pre_start',
  'data_first_day',
  'data_last_day',
  'resolution_rule',
  'currency',
] as const;
export type CustomerFactColumn = (typeof CUSTOMER_FACT_COLUMNS)[number];

/** When a problem ticket counted as resolved (src/analysis/resolution.ts decides it from the tickets' columns). */
export type ResolutionRule = 'resolved-column' | 'status-and-score' | 'assumed-all-resolved';
export const RESOLUTION_RULES: readonly ResolutionRule[] = ['resolved-column', 'status-and-score', 'assumed-all-resolved'];

/** What every member's facts were computed under: the windows, the orders' span, the resolution rule, the currency. */
export interface FactsRun {
  windows: {
    cohort: DayWindow;
    /** Starts the day after the cohort ends. */
    followUp: DayWindow;
    /** Cohort start through cohort end + grace. */
    problem: DayWindow;
    /** Baseline and pre-window end the day before the cohort start. */
    baseline: DayWindow;
    pre: DayWindow;
  };
  /** First and last counted order date in the data (dataRange; censoring and observedDays follow from the last). */
  dataFirstDay: number;
  dataLastDay: number;
  resolutionRule: ResolutionRule;
  /** The amounts' ISO currency; null when the data named none. */
  currency: string | null;
}

/**
 * The table by column (member m is row m). Order counts are purchases: counted orders with a
 * positive amount. Spend sums every counted amount (refunds lower it).
 */
export interface CustomerFactsTable {
  count: number;
  /** Member m's customer id, made when asked (a statistic needs none; facts.csv needs each once). */
  customerId(m: number): string;
  group: Group[];
  /** Counted spend and purchases dated in the cohort window. */
  cohortSpend: Float64Array;
  cohortOrders: Int32Array;
  /** Counted spend and purchases dated in the baseline window (before the cohort). */
  priorSpend: Float64Array;
  priorOrders: Int32Array;
  /** 1 when the member has no counted order dated before the cohort start, else 0. */
  newCustomer: Uint8Array;
  /** Counted spend and purchases dated in the follow-up window. */
  laterSpend: Float64Array;
  laterOrders: Int32Array;
  /**
   * Days from the follow-up start to the first purchase dated on or after it, up to the last
   * counted order date; NaN when none by then (censored at observedDays).
   */
  daysToNextOrder: Float64Array;
  problemTickets: Int32Array;
  unresolvedTickets: Int32Array;
  /** Wall time of the first problem ticket; NaN without one. */
  firstProblemAt: Float64Array;
  /** Counted spend in the pre-window (the follow-up's length, right before the cohort). */
  preSpend: Float64Array;
  /** Wall time of the last problem ticket; NaN without one. */
  lastProblemAt: Float64Array;
  /** Problem tickets whose order_id named one of the member's cohort-window orders. */
  linkedTickets: Int32Array;
  /** The member's tickets dated in the problem window whose order_id named another order (not problems). */
  excludedTickets: Int32Array;
  run: FactsRun;
}

/** Days from the follow-up start to the last counted order date: where a member without a purchase is censored. */
export function observedDays(f: Pick<CustomerFactsTable, 'run'>): number {
  return f.run.dataLastDay - f.run.windows.followUp.start;
}
