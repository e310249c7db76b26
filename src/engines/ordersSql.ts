import { NOT_COUNTED_STATUSES } from '../facts/countedOrder.js';
import { tableName, type Dialect } from './dialects.js';
import type { FactsSource } from './factsSource.js';
import { sqlList, sqlText } from './sqlText.js';

/**
 * The orders as the facts stage sees them, as CTEs (whitespace, orders_text, orders_ranked,
 * orders_kept) that the facts and span queries start from:
 *
 * - orders_text: ids trimmed (the characters String.prototype.trim removes), statuses trimmed
 *   and lower-cased, amounts as exact decimals with 6 places (src/facts sums millionths).
 * - orders_ranked: e-mail ids (containing @) lower-cased; rows without a customer, date or
 *   amount dropped, as the CSV reader skips them; each copy of an order id numbered.
 * - orders_kept: of rows repeating a (trimmed) order id, the first by the row-order column,
 *   whatever its status or customer, as the CSV reader keeps the first in the file. Without a
 *   row-order column, the earliest order date, then the smallest amount, then customer id (a
 *   deterministic rule, but the CSV path's choice only when the copies agree on those, as
 *   re-exported copies do). Without an order-id column there is nothing to set aside and no
 *   window. The window stays: GROUP BY forms (arg_min in DuckDB, each id's smallest row order
 *   joined back) were measured in its place on the benchmark's 1M orders and none was faster
 *   (bench/README.md), and it is the same portable SQL in all six dialects.
 * - counted: status absent, empty, or not one of cancelled, canceled, refunded, voided, failed.
 */
export function ordersCtes(d: Dialect, source: FactsSource): string {
  const o = source.orders;
  const { col, clean, emailFolded } = sqlText(d);
  const rowOrder = o.row_order === null ? 'order_day, amount, customer_id' : 'row_order';
  if (o.ranked) {
    return `whitespace AS (
  SELECT ${d.trimmedCharacters} AS chars
),
orders_ranked AS (
  SELECT customer_id, order_day, amount, order_id, counted, copy, plausible FROM ${tableName(d, o.ranked)}
),
${KEPT}`;
  }
  return `whitespace AS (
  SELECT ${d.trimmedCharacters} AS chars
),
orders_text AS (
  SELECT
    ${clean(o.customer_id)} AS customer_id,
    CAST(${col(o.order_date)} AS DATE) AS order_day,
    ${d.exact(col(o.amount))} AS amount,
    NULLIF(${clean(o.order_id)}, '') AS order_id,
    LOWER(${clean(o.status)}) AS status,
    ${o.row_order === null ? 'NULL' : col(o.row_order)} AS row_order
  FROM ${tableName(d, o.table)}
  CROSS JOIN whitespace w
),
orders_ranked AS (
  SELECT
    ${emailFolded('customer_id')} AS customer_id,
    order_day,
    amount,
    order_id,
    CASE WHEN status IN (${sqlList(NOT_COUNTED_STATUSES)}) THEN 0 ELSE 1 END AS counted,
    ${o.order_id === null ? '1' : `ROW_NUMBER() OVER (PARTITION BY order_id ORDER BY ${rowOrder})`} AS copy,
    ${plausible(d)} AS plausible
  FROM orders_text
  WHERE customer_id <> '' AND order_day IS NOT NULL AND amount IS NOT NULL
),
${KEPT}`;
}

// A date before 1970 or more than a year after the run is a typo, set aside as the CSV path
// sets it aside (src/ingest/values/plausibleDate.ts): after the repeated ids are numbered, as
// the CSV path marks a repeat when it reads the row and drops implausible rows afterwards, so
// an implausible first copy takes its order id with it. To the day: the CSV path compares the
// time too, so only an order dated exactly 366 days after the run can differ.
const KEPT = `orders_kept AS (
  SELECT customer_id, order_day, amount, order_id, counted
  FROM orders_ranked
  WHERE (order_id IS NULL OR copy = 1) AND plausible = 1
)`;

function plausible(d: Dialect): string {
  return `CASE WHEN ${plausibleDay(d, 'order_day')} THEN 1 ELSE 0 END`;
}

/** A day from 1970 to 366 days after the run (the engine's CURRENT_DATE), as src/ingest/values/plausibleDate.ts reads dates, to the day. */
export function plausibleDay(d: Dialect, day: string): string {
  return `${day} >= DATE '1970-01-01' AND ${d.daysBetween('CURRENT_DATE', day)} <= 366`;
}

/**
 * The rows of `from` with a customer and a date that is not plausible, before 1970 and after
 * (implausible_before, implausible_after): what the CSV path skips as implausible. One row.
 */
export function implausibleCountsSql(d: Dialect, from: string, day: string): string {
  return `SELECT
    COALESCE(SUM(CASE WHEN ${day} < DATE '1970-01-01' THEN 1 ELSE 0 END), 0) AS implausible_before,
    COALESCE(SUM(CASE WHEN ${day} >= DATE '1970-01-01' AND NOT (${plausibleDay(d, day)}) THEN 1 ELSE 0 END), 0) AS implausible_after
  FROM ${from}
  WHERE customer_id <> '' AND ${day} IS NOT NULL`;
}

/**
 * The dates the counted orders cover, per month (year, month, first and last day), from which
 * src/analysis/cohortWindow.ts chooses the default cohort as it does for a file.
 */
export function orderSpanSql(d: Dialect, source: FactsSource): string {
  return `WITH ${ordersCtes(d, source)}
SELECT
  CAST(EXTRACT(YEAR FROM order_day) AS INTEGER) AS year,
  CAST(EXTRACT(MONTH FROM order_day) AS INTEGER) AS month,
  MIN(order_day) AS first_day,
  MAX(order_day) AS last_day
FROM orders_kept
WHERE counted = 1
GROUP BY 1, 2
ORDER BY 1, 2
`;
}

/** Rows of the orders source, rows the facts use, and the repeated order ids and implausible dates set aside. */
export function orderRowsSql(d: Dialect, source: FactsSource): string {
  return `WITH ${ordersCtes(d, source)}
SELECT
  (SELECT COUNT(*) FROM ${tableName(d, source.orders.table)}) AS rows_read,
  (SELECT COUNT(*) FROM orders_kept) AS rows_used,
  (SELECT COUNT(*) FROM orders_ranked WHERE order_id IS NOT NULL AND copy > 1) AS duplicate_order_ids,
  (SELECT COUNT(*) FROM orders_ranked WHERE (order_id IS NULL OR copy = 1) AND plausible = 0 AND order_day < DATE '1970-01-01') AS implausible_before,
  (SELECT COUNT(*) FROM orders_ranked WHERE (order_id IS NULL OR copy = 1) AND plausible = 0 AND order_day >= DATE '1970-01-01') AS implausible_after
`;
}
