import { NONE_KEY } from '../analysis/sliceResult.js';
import { SLICE_TABLE_COLUMNS } from '../ingest/sliceTableRows.js';
import { tableName, type Dialect } from './dialects.js';
import type { FactsSource } from './factsSource.js';
import { sqlList as list } from './sqlText.js';
import { NO, SCORE_NUMBER, satisfiedScore, ticketsCtes, YES } from './ticketsSql.js';

const COUNT = '[0-9]+([.]0+)?';
const ZERO = '0+([.]0+)?';
const ONE = '0*1([.]0+)?';
const SECONDS = '[0-9]+([.][0-9]+)?';

/**
 * The table `loyalty slices` is computed from, as one SQL query (src/analysis/sliceTable.ts):
 * one row per slice of each dimension, per weekday × hour cell, and one overall row, with the
 * counts that add up and the slice's exact median wait.
 *
 * Keys: hour 0–23 and ISO weekday 1–7 of the wall-clock created_at (-1 and 0 where they do not
 * apply); label the trimmed reason, channel or agent, "(none)" for an empty one, as the CSV
 * path keys it (so a label written "(none)" joins the empty ones there too); the overall row's
 * label lists the ticket columns the query read, so a reader of the exported table knows which
 * dimensions and measures exist. Measures follow the CSV reader's cell rules: an unreadable
 * score, wait, count or flag is NULL (not known) and the ticket kept.
 *
 * The median is not additive, so each slice's is computed here exactly as src/stats/summary.ts
 * `median` does: of the N waits in order, the middle one (odd N) or two (even N), i.e. the
 * positions k with N ≤ 2k ≤ N + 2, and lower + (upper − lower) / 2 in doubles, which is the bits
 * of simple-statistics' type-7 quantile at ½ (and lower itself when they are one value). The
 * waits are first counted per distinct value (real waits repeat), so the window sorts those:
 * a value covers positions through − n + 1 … through, and holds a middle one exactly when
 * 2·(through − n) ≤ N ≤ 2·through. Only SUM windows and joins on non-null keys: every dialect
 * runs it the same way (Trino has no exact percentile function; none is needed).
 */
export function sliceTableSql(d: Dialect, source: FactsSource): string {
  const t = source.tickets;
  const read = (['satisfaction', 'reason', 'channel', 'agent', 'wait_seconds', 'first_response_at', 'transfers', 'reopens', 'contacts', 'first_contact_resolved'] as const).filter((c) => t[c] !== null);
  const measures = 'rated, satisfied, score_value, wait, transferred, reopened, fcr';
  const keyed = (dimension: string, label: string, hour: string, weekday: string) => `  SELECT '${dimension}' AS dimension, ${label} AS label, ${hour} AS hour, ${weekday} AS weekday, ${measures} FROM slice_tickets`;
  // Each ticket once per dimension, keyed by its slice there (-1 and 0: hour and weekday not part of the key).
  const keys = [
    ['overall', `'${read.join(',')}'`, '-1', '0'],
    ['hour', "''", 'hour', '0'],
    ['weekday', "''", '-1', 'weekday'],
    ['reason', 'reason', '-1', '0'],
    ['channel', 'channel', '-1', '0'],
    ['agent', 'agent', '-1', '0'],
    ['cell', "''", 'hour', 'weekday'],
  ] as const;
  const slice = 'dimension, label, hour, weekday';
  // Without the column there is nothing to compare (an untyped NULL would not compare with a timestamp).
  const responded = t.first_response_at === null ? '' : `\n      WHEN responded_at >= created_at THEN ${d.secondsBetween('created_at', 'responded_at')}`;
  const counted = (text: string, zero: string) => `CASE WHEN ${d.fullMatch(text, COUNT)} THEN CASE WHEN ${d.fullMatch(text, zero)} THEN 0 ELSE 1 END END`;
  return `-- loyalty slice table: per hour, weekday, reason, channel, agent and weekday-hour cell: the counts and median wait that loyalty slices --facts-in reads (${d.name})
-- source: ${tableName(d, t.table)}
WITH whitespace AS (
  SELECT ${d.trimmedCharacters} AS chars
),
${ticketsCtes(d, source, true)},
slice_tickets AS (
  SELECT
    ${d.hour('created_at')} AS hour,
    ${d.isoWeekday('created_at')} AS weekday,
    COALESCE(reason, '${NONE_KEY}') AS reason,
    COALESCE(channel, '${NONE_KEY}') AS channel,
    COALESCE(agent, '${NONE_KEY}') AS agent,
    CASE WHEN score IS NULL THEN 0 ELSE 1 END AS rated,
    CASE WHEN ${satisfiedScore(d, 'score')} THEN 1 ELSE 0 END AS satisfied,
    CASE WHEN ${d.fullMatch('score', SCORE_NUMBER)} THEN CAST(SUBSTR(score, 1, 1) AS INTEGER) END AS score_value,
    CASE
      WHEN ${d.fullMatch('wait_text', SECONDS)} THEN ${d.float('wait_text')}${responded}
    END AS wait,
    ${counted('transfers_text', ZERO)} AS transferred,
    ${counted('reopens_text', ZERO)} AS reopened,
    CASE
      WHEN fcr_text IN (${list(YES)}) THEN 1
      WHEN fcr_text IN (${list(NO)}) THEN 0
      WHEN ${d.fullMatch('contacts_text', COUNT)} THEN CASE WHEN ${d.fullMatch('contacts_text', ONE)} THEN 1 ELSE 0 END
    END AS fcr
  FROM tickets_usable
),
slice_keys AS (
${keys.map(([dimension, label, hour, weekday]) => keyed(dimension, label, hour, weekday)).join('\n  UNION ALL\n')}
),
wait_counts AS (
  SELECT ${slice}, wait, COUNT(*) AS n
  FROM slice_keys
  WHERE wait IS NOT NULL
  GROUP BY ${slice}, wait
),
wait_positions AS (
  SELECT
    ${slice}, wait, n,
    SUM(n) OVER (PARTITION BY ${slice} ORDER BY wait) AS through,
    SUM(n) OVER (PARTITION BY ${slice}) AS waits
  FROM wait_counts
),
slice_medians AS (
  SELECT ${slice}, MIN(wait) AS wait_lower, MAX(wait) AS wait_upper
  FROM wait_positions
  WHERE 2 * (through - n) <= waits AND 2 * through >= waits
  GROUP BY ${slice}
),
slice_sums AS (
  SELECT
    ${slice},
    COUNT(*) AS tickets,
    SUM(rated) AS rated,
    SUM(satisfied) AS satisfied,
    COUNT(score_value) AS scores,
    COALESCE(SUM(score_value), 0) AS score_sum,
    COUNT(transferred) AS transfers_known,
    COALESCE(SUM(transferred), 0) AS transferred,
    COUNT(reopened) AS reopens_known,
    COALESCE(SUM(reopened), 0) AS reopened,
    COUNT(fcr) AS fcr_known,
    COALESCE(SUM(fcr), 0) AS fcr
  FROM slice_keys
  GROUP BY ${slice}
)
SELECT
  ${SLICE_TABLE_COLUMNS.slice(0, -1).map((c) => `s.${c}`).join(', ')},
  m.wait_lower + (m.wait_upper - m.wait_lower) / 2 AS median_wait_seconds
FROM slice_sums s
LEFT JOIN slice_medians m
  ON m.dimension = s.dimension AND m.label = s.label AND m.hour = s.hour AND m.weekday = s.weekday
ORDER BY s.dimension, s.label, s.hour, s.weekday
`;
}
