import { tableName, type Dialect } from './dialects.js';
import type { FactsSource } from './factsSource.js';
import { sqlList as list, sqlText } from './sqlText.js';
import { implausibleCountsSql, plausibleDay } from './ordersSql.js';

const SCORE_UNRATED = ['', 'offered', 'unoffered', 'not offered'];
export const SCORE_GOOD = ['good', 'satisfied'];
export const SCORE_BAD = ['bad', 'unsatisfied', 'dissatisfied'];
export const SCORE_NUMBER = '[1-5]([.]0+)?';
export const YES = ['true', 'yes', 'y', '1'];
export const NO = ['false', 'no', 'n', '0'];


/**
 * The tickets as the facts and slice queries see them, as CTEs after `whitespace`:
 * tickets_text (ids, statuses and labels trimmed; statuses, resolved cells and scores lower-cased;
 * empty labels null; labels, and the operational columns as trimmed text (OPERATIONAL), only when
 * `labels`), tickets_usable (e-mail ids lower-cased; tickets without a customer or
 * date left out, as the CSV reader skips those rows; an unrecognised score or resolved cell
 * made NULL, not rated / not known, and the ticket kept, as the CSV reader empties such a cell;
 * score_emptied and resolved_emptied mark those cells, 1 each, for the data-quality counts).
 */
export function ticketsCtes(d: Dialect, source: FactsSource, labels: boolean): string {
  const t = source.tickets;
  const { col, clean, emailFolded } = sqlText(d);
  // The facts need no labels: a table without reason, channel or agent columns still works.
  const label = (name: string | null) => (labels ? `NULLIF(${clean(name)}, '')` : 'NULL');
  const yesNo = [...YES, ...NO];
  // Only the slice query reads these: the facts query's text stays as it was without them.
  const operational = labels
    ? {
        text: `,\n    ${clean(t.wait_seconds)} AS wait_text,\n    ${col(t.first_response_at)} AS responded_at,\n    ${clean(t.transfers)} AS transfers_text,\n    ${clean(t.reopens)} AS reopens_text,\n    ${clean(t.contacts)} AS contacts_text,\n    LOWER(${clean(t.first_contact_resolved)}) AS fcr_text`,
        usable: `,\n    ${OPERATIONAL.join(', ')}`,
      }
    : { text: '', usable: '' };
  const scoreRead = `(score IN (${list([...SCORE_GOOD, ...SCORE_BAD])}) OR ${d.fullMatch('score', SCORE_NUMBER)})`;
  return `tickets_text AS (
  SELECT
    ${clean(t.customer_id)} AS customer_id,
    ${col(t.created_at)} AS created_at,
    CAST(${col(t.created_at)} AS DATE) AS created_day,
    NULLIF(${clean(t.order_id)}, '') AS order_id,
    LOWER(${clean(t.status)}) AS status,
    LOWER(${clean(t.resolved)}) AS resolved,
    LOWER(${clean(t.satisfaction)}) AS score,
    ${label(t.reason)} AS reason,
    ${label(t.channel)} AS channel,
    ${label(t.agent)} AS agent${operational.text}
  FROM ${tableName(d, t.table)}
  CROSS JOIN whitespace w
),
tickets_usable AS (
  SELECT
    ${emailFolded('customer_id')} AS customer_id, created_at, created_day, order_id, status,
    CASE WHEN resolved IN (${list(yesNo)}) THEN resolved END AS resolved,
    CASE WHEN ${scoreRead} THEN score END AS score,
    reason, channel, agent${operational.usable},
    CASE WHEN resolved IS NULL OR resolved = '' OR resolved IN (${list(yesNo)}) THEN 0 ELSE 1 END AS resolved_emptied,
    CASE WHEN score IS NULL OR score IN (${list(SCORE_UNRATED)}) OR ${scoreRead} THEN 0 ELSE 1 END AS score_emptied
  FROM tickets_text
  WHERE customer_id <> '' AND created_day IS NOT NULL AND ${plausibleDay(d, 'created_day')}
)`;
}

/** The operational columns tickets_usable carries when `labels`: cells as trimmed text (fcr_text lower-cased), responded_at as stored. */
export const OPERATIONAL = ['wait_text', 'responded_at', 'transfers_text', 'reopens_text', 'contacts_text', 'fcr_text'] as const;

/** Whether the (lower-cased) score is a satisfied one: 4 or 5, good or satisfied. */
export function satisfiedScore(d: Dialect, score: string): string {
  return `(${score} IN (${list(SCORE_GOOD)}) OR ${d.fullMatch(score, '[45]([.]0+)?')})`;
}

/**
 * The tickets table's rows read and used (with a customer and a plausible date, as the CSV
 * reader keeps them), the rows set aside for an implausible date, and the unreadable score and
 * resolved cells left empty in rows used: the tickets' data-quality counts on an engine, for
 * `cohort` and `slices` alike.
 */
export function ticketRowsSql(d: Dialect, source: FactsSource): string {
  return `WITH whitespace AS (
  SELECT ${d.trimmedCharacters} AS chars
),
${ticketsCtes(d, source, false)},
rows_read AS (
  SELECT COUNT(*) AS rows_read FROM ${tableName(d, source.tickets.table)}
),
rows_used AS (
  SELECT COUNT(*) AS rows_used, COALESCE(SUM(score_emptied), 0) AS scores_emptied, COALESCE(SUM(resolved_emptied), 0) AS resolved_emptied FROM tickets_usable
),
implausible AS (
  ${implausibleCountsSql(d, 'tickets_text', 'created_day')}
)
SELECT rows_read, rows_used, scores_emptied, resolved_emptied, implausible_before, implausible_after
FROM rows_read
CROSS JOIN rows_used
CROSS JOIN implausible
`;
}
