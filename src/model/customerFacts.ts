/**
 * The per-customer facts table of a cohort: one row per member, sorted by customer id. The
 * column names are the contract shared by every writer of the table (facts.csv, Parquet, the
 * SQL engines): snake_case, in this order.
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
] as const;
export type CustomerFactColumn = (typeof CUSTOMER_FACT_COLUMNS)[number];

export type FactGroup = 'no_problem' | 'resolved' | 'unresolved';

/**
 * The table by column (member m is row m). Order counts are purchases: counted orders with a
 * positive amount. Spend sums every counted amount (refunds lower it).
 */
export interface CustomerFactsTable {
  count: number;
  customerId: string[];
  group: FactGroup[];
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
   * counted order date; NaN when none by then (censored at `observedDays`).
   */
  daysToNextOrder: Float64Array;
  problemTickets: Int32Array;
  unresolvedTickets: Int32Array;
  /** Wall time of the first problem ticket; NaN without one. */
  firstProblemAt: Float64Array;
  /** Not columns of the written table, but facts the analyses use. */
  extra: {
    /** Counted spend in the pre-window (the follow-up's length, right before the cohort). */
    preSpend: Float64Array;
    /** Wall time of the last problem ticket; NaN without one. */
    lastProblemAt: Float64Array;
    /** Days from the follow-up start to the last counted order date: where a member without a purchase is censored. */
    observedDays: number;
  };
}
