import type { Dialect } from './dialects.js';
import type { FactsSource } from './factsSource.js';
import { ticketsCtes } from './ticketsSql.js';

/**
 * The first and last day a usable ticket was opened (with a customer and a readable
 * created_at, as the CSV reader keeps them), as YYYY-MM-DD: the period a report states for
 * its satisfaction section, which the slice table does not carry.
 */
export function ticketPeriodSql(d: Dialect, source: FactsSource): string {
  return `WITH whitespace AS (
  SELECT ${d.trimmedCharacters} AS chars
),
${ticketsCtes(d, source, false)}
SELECT CAST(MIN(created_day) AS VARCHAR(10)) AS first_day, CAST(MAX(created_day) AS VARCHAR(10)) AS last_day
FROM tickets_usable
`;
}
