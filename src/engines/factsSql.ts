import { CUSTOMER_FACT_COLUMNS } from '../model/customerFacts.js';
import { RESOLVED_STATUSES, resolutionRuleFor } from '../analysis/resolution.js';
import { isoDay } from '../time/calendar.js';
import { cohortWindows } from '../analysis/historyWindows.js';
import type { Span } from '../analysis/windows.js';
import type { ResolutionRule } from '../model/customerFacts.js';
import type { Dialect } from './dialects.js';
import type { FactsSource } from './factsSource.js';
import { ordersCtes } from './ordersSql.js';
import { satisfiedScore, ticketsCtes, YES, NO } from './ticketsSql.js';
import { sqlList as list } from './sqlText.js';
import type { Day, DayWindow } from '../model/time.js';

/** The windows the facts depend on, as computed by src/analysis/windows.ts. */
export interface FactsWindows {
  cohort: DayWindow;
  followUp: DayWindow;
  /** Cohort start through cohort end + grace. */
  problem: DayWindow;
  /** The months before the cohort start (--baseline, 12 calendar months by default), ending the day before. */
  baseline: DayWindow;
  /** The follow-up's length right before the cohort start: pre_spend. */
  pre: DayWindow;
}

/** What the facts table's context columns say beyond the windows and the data's span. */
export interface FactsContext {
  resolutionRule: ResolutionRule;
  /** The amounts' ISO currency (--currency), written as the currency column; null: empty. */
  currency: string | null;
}

/** The columns of the facts table, in order: the one contract of every writer (src/model). */
export const FACTS_COLUMNS = CUSTOMER_FACT_COLUMNS;

const day = (d: Day) => `DATE '${isoDay(d)}'`;
const between = (e: string, w: DayWindow) => `${e} BETWEEN ${day(w.start)} AND ${day(w.end)}`;

/**
 * The facts stage as one SQL query: orders and tickets → one row per cohort member, with the
 * columns of FACTS_COLUMNS, sorted by customer id. The same rules as src/facts, written once
 * here against the Dialect interface, step by step (the orders' steps in ordersSql.ts):
 *
 * - member_orders: members are customers with a counted order in the cohort window; spend and
 *   purchases (counted, amount > 0) per window; new_customer when no counted order precedes
 *   the cohort start; days_to_next_order to the first purchase on or after the follow-up
 *   start, null when there is none in the data.
 * - tickets_usable: ids trimmed, e-mail ids lower-cased; tickets without a customer or date are
 *   left out, as the CSV reader skips those rows; an unrecognised satisfaction or resolved cell
 *   is NULL (not rated / not known) and its ticket kept, as the CSV reader empties the cell.
 * - ticket_outcomes: a ticket with an order id is a problem exactly when it names one of the
 *   member's cohort-window orders (counted or not, whatever the ticket's date); one without is
 *   a problem when created in the problem window. Resolved: see resolvedExpression.
 */
export function factsSql(dialect: Dialect, source: FactsSource, windows: FactsWindows, context?: FactsContext): string {
  const d = dialect;
  const { cohort, followUp, problem, baseline, pre } = windows;
  const run = context ?? { resolutionRule: resolutionRuleOf(source.tickets), currency: null };
  return `-- loyalty facts: one row per member of the cohort ${isoDay(cohort.start)}..${isoDay(cohort.end)} (${d.name})
-- follow-up ${isoDay(followUp.start)}..${isoDay(followUp.end)}, problem window ${isoDay(problem.start)}..${isoDay(problem.end)}, baseline ${isoDay(baseline.start)}..${isoDay(baseline.end)}, pre-window ${isoDay(pre.start)}..${isoDay(pre.end)}
-- export the result as CSV or Parquet and finish with: loyalty cohort --facts-in FILE --cohort …
WITH ${cohortCtes(d, source, windows)},
member_rows AS (
  SELECT
    customer_id, cohort_spend, cohort_orders, prior_spend, prior_orders,
    CASE WHEN new_customer THEN 1 ELSE 0 END AS new_customer, later_spend, later_orders, next_order_day, pre_spend,
    0 AS problem, 0 AS unresolved, NULL AS problem_at, 0 AS linked, 0 AS excluded
  FROM member_orders
  UNION ALL
  SELECT
    customer_id, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
    problem, CASE WHEN problem = 1 AND resolved = 0 THEN 1 ELSE 0 END, CASE WHEN problem = 1 THEN created_at END, linked, excluded
  FROM ticket_outcomes
),
data_span AS (
  SELECT MIN(order_day) AS data_first_day, MAX(order_day) AS data_last_day
  FROM orders_kept
  WHERE counted = 1
),
member_facts AS (
  SELECT
    customer_id,
    MAX(cohort_spend) AS cohort_spend,
    MAX(cohort_orders) AS cohort_orders,
    MAX(prior_spend) AS prior_spend,
    MAX(prior_orders) AS prior_orders,
    MAX(new_customer) AS new_customer,
    MAX(later_spend) AS later_spend,
    MAX(later_orders) AS later_orders,
    MAX(next_order_day) AS next_order_day,
    SUM(problem) AS problem_tickets,
    SUM(unresolved) AS unresolved_tickets,
    MIN(problem_at) AS first_problem_at,
    MAX(pre_spend) AS pre_spend,
    MAX(problem_at) AS last_problem_at,
    SUM(linked) AS linked_tickets,
    SUM(excluded) AS excluded_tickets
  FROM member_rows
  GROUP BY customer_id
)
SELECT
  customer_id,
  CASE
    WHEN problem_tickets = 0 THEN 'no_problem'
    WHEN unresolved_tickets > 0 THEN 'unresolved'
    ELSE 'resolved'
  END AS ${d.identifier('group')},
  cohort_spend,
  cohort_orders,
  prior_spend,
  prior_orders,
  CASE WHEN new_customer = 1 THEN TRUE ELSE FALSE END AS new_customer,
  later_spend,
  later_orders,
  ${d.daysBetween(day(followUp.start), 'next_order_day')} AS days_to_next_order,
  problem_tickets,
  unresolved_tickets,
  first_problem_at,
  pre_spend,
  last_problem_at,
  linked_tickets,
  excluded_tickets,
  ${day(cohort.start)} AS cohort_start,
  ${day(cohort.end)} AS cohort_end,
  ${day(followUp.end)} AS follow_up_end,
  ${day(problem.end)} AS problem_end,
  ${day(baseline.start)} AS baseline_start,
  ${day(pre.start)} AS pre_start,
  data_first_day,
  data_last_day,
  ${list([run.resolutionRule])} AS resolution_rule,
  ${list([run.currency ?? ''])} AS currency
FROM member_facts
CROSS JOIN data_span
ORDER BY customer_id
`;
}

/** The CTEs both queries share, orders to ticket_outcomes. */
function cohortCtes(d: Dialect, source: FactsSource, windows: FactsWindows): string {
  const t = source.tickets;
  const { cohort, followUp, problem, baseline, pre } = windows;
  const purchase = (w: DayWindow) => `CASE WHEN ${between('order_day', w)} AND amount > 0 THEN 1 ELSE 0 END`;
  const spend = (w: DayWindow) => `CASE WHEN ${between('order_day', w)} THEN amount ELSE 0 END`;

  return `${ordersCtes(d, source)},
member_orders AS (
  SELECT
    customer_id,
    SUM(${spend(cohort)}) AS cohort_spend,
    SUM(${purchase(cohort)}) AS cohort_orders,
    SUM(${spend(baseline)}) AS prior_spend,
    SUM(${purchase(baseline)}) AS prior_orders,
    CASE WHEN MIN(order_day) < ${day(cohort.start)} THEN FALSE ELSE TRUE END AS new_customer,
    SUM(${spend(followUp)}) AS later_spend,
    SUM(${purchase(followUp)}) AS later_orders,
    SUM(${spend(pre)}) AS pre_spend,
    MIN(CASE WHEN order_day >= ${day(followUp.start)} AND amount > 0 THEN order_day END) AS next_order_day
  FROM orders_kept
  WHERE counted = 1
  GROUP BY customer_id
  HAVING SUM(CASE WHEN ${between('order_day', cohort)} THEN 1 ELSE 0 END) > 0
),
cohort_order_ids AS (
  SELECT DISTINCT customer_id, order_id
  FROM orders_kept
  WHERE order_id IS NOT NULL AND ${between('order_day', cohort)}
),
${ticketsCtes(d, source, false)},
ticket_marks AS (
  SELECT
    kind, customer_id, order_id, created_at, created_day, status, resolved, score,
    MAX(CASE WHEN kind = 'member' THEN 1 ELSE 0 END) OVER (PARTITION BY customer_id) AS member,
    MAX(CASE WHEN kind = 'cohort_order' THEN 1 ELSE 0 END) OVER (PARTITION BY customer_id, order_id) AS names_cohort_order
  FROM (
    SELECT 'ticket' AS kind, customer_id, order_id, created_at, created_day, status, resolved, score FROM tickets_usable
    UNION ALL
    SELECT 'cohort_order', customer_id, order_id, NULL, NULL, NULL, NULL, NULL FROM cohort_order_ids
    UNION ALL
    SELECT 'member', customer_id, NULL, NULL, NULL, NULL, NULL, NULL FROM member_orders
  ) marked
),
ticket_outcomes AS (
  SELECT
    t.customer_id,
    t.created_at,
    CASE
      WHEN t.order_id IS NOT NULL THEN t.names_cohort_order
      WHEN ${between('t.created_day', problem)} THEN 1
      ELSE 0
    END AS problem,
    ${resolvedExpression(d, t)} AS resolved,
    CASE WHEN t.order_id IS NOT NULL AND t.names_cohort_order = 1 THEN 1 ELSE 0 END AS linked,
    CASE WHEN t.order_id IS NOT NULL AND t.names_cohort_order = 0 AND ${between('t.created_day', problem)} THEN 1 ELSE 0 END AS excluded
  FROM ticket_marks t
  WHERE t.kind = 'ticket' AND t.member = 1
)`;
}

/**
 * Whether a ticket counts as resolved (1) or not (0), by the rule src/analysis/resolution.ts
 * picks from the columns the tickets have: a non-empty `resolved` cell decides; otherwise the
 * status is solved, closed or resolved and the score, when given, is satisfied; a `resolved`
 * column without a status column counts an empty cell as unresolved; neither column: every
 * problem ticket is resolved.
 */
function resolvedExpression(d: Dialect, t: FactsSource['tickets']): string {
  const byStatus =
    t.status === null
      ? '0'
      : `CASE WHEN t.status IN (${list(RESOLVED_STATUSES)}) AND (t.score IS NULL OR ${satisfiedScore(d, 't.score')}) THEN 1 ELSE 0 END`;
  if (t.resolved !== null) {
    return `CASE WHEN t.resolved IN (${list(YES)}) THEN 1 WHEN t.resolved IN (${list(NO)}) THEN 0 ELSE ${byStatus} END`;
  }
  return t.status === null ? '1' : byStatus;
}

/** The default baseline: 12 calendar months (issue 12's --baseline 12m). */
export const BASELINE_MONTHS = 12;

/**
 * The facts' windows from a cohort window and the follow-up, grace and baseline spans, by the
 * function the in-process path uses (cohortWindows). The baseline runs --baseline (default
 * BASELINE_MONTHS calendar months) back from the cohort start, EDATE-style, to the day before it.
 */
export function factsWindows(cohort: DayWindow, follow: Span, grace: Span, baseline: Span = { count: BASELINE_MONTHS, unit: 'm' }): FactsWindows {
  return cohortWindows(cohort, { follow, grace, baseline });
}

/** The resolution rule the tickets' columns give (src/analysis/resolution.ts's resolutionRuleFor). */
export function resolutionRuleOf(t: FactsSource['tickets']): ResolutionRule {
  const present = (['resolved', 'status'] as const).filter((c) => t[c] !== null);
  return resolutionRuleFor(new Set(present));
}
