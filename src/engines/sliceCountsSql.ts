import { tableName, type Dialect } from './dialects.js';
import type { FactsSource } from './factsSource.js';
import { satisfiedScore, ticketsCtes } from './ticketsSql.js';

/**
 * The counts `loyalty slices` is built from, as one SQL query: tickets, rated and satisfied
 * tickets per (hour, ISO weekday, reason, channel, agent) cell, from which every dimension's
 * slices and the weekday × hour heatmap follow by summing. Hours and weekdays are the
 * wall-clock created_at's; an empty reason, channel or agent is NULL (the "(none)" slice);
 * rated = a recognised score (tickets_usable makes "not rated" — empty, offered, unoffered — and
 * an unreadable score NULL, as the CSV reader does; the ticket itself is counted).
 */
export function sliceCountsSql(d: Dialect, source: FactsSource): string {
  const rated = 'CASE WHEN score IS NULL THEN 0 ELSE 1 END';
  return `-- loyalty slice counts: tickets, rated and satisfied per hour, weekday, reason, channel and agent (${d.name})
-- source: ${tableName(d, source.tickets.table)}
WITH whitespace AS (
  SELECT ${d.trimmedCharacters} AS chars
),
${ticketsCtes(d, source, true)}
SELECT
  ${d.hour('created_at')} AS hour,
  ${d.isoWeekday('created_at')} AS weekday,
  reason,
  channel,
  agent,
  COUNT(*) AS tickets,
  SUM(${rated}) AS rated,
  SUM(CASE WHEN ${satisfiedScore(d, 'score')} THEN 1 ELSE 0 END) AS satisfied
FROM tickets_usable
GROUP BY 1, 2, 3, 4, 5
ORDER BY 1, 2, 3, 4, 5
`;
}
