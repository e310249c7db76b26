import type { ResolutionRule } from './cohortResult.js';
import type { TicketColumn } from '../model/ticketRecord.js';
import type { TicketTable } from '../model/ticketTable.js';

/**
 * When a problem ticket counts as resolved, decided once per tickets file from the columns
 * it has, then per ticket:
 *
 * - `resolved-column`: the file has a `resolved` column. A non-empty cell decides
 *   (true/false, yes/no, 1/0, parsed at ingest). An empty cell falls back to the status rule
 *   below; with no status column either, an empty cell is not evidence of resolution and
 *   counts as unresolved.
 * - `status-and-score`: status is solved/closed/resolved (case-insensitive) AND the
 *   satisfaction score, when the customer gave one, is satisfied (≥4 of 5, good/satisfied;
 *   ingest already turned empty/offered/unoffered into "no score").
 * - `assumed-all-resolved`: neither a `resolved` nor a `status` column: nothing says a
 *   ticket stayed open, so every problem ticket counts as resolved, and the report says so.
 */
export const RESOLVED_STATUSES: readonly string[] = ['solved', 'closed', 'resolved'];

const resolvedStatuses = new Set(RESOLVED_STATUSES);

export function resolutionRuleFor(present: ReadonlySet<TicketColumn>): ResolutionRule {
  if (present.has('resolved')) return 'resolved-column';
  if (present.has('status')) return 'status-and-score';
  return 'assumed-all-resolved';
}

/** A resolver for one file: decides the rule once, then answers per ticket (row i of the table). */
export function ticketResolver(present: ReadonlySet<TicketColumn>): (tickets: TicketTable, i: number) => boolean {
  const rule = resolutionRuleFor(present);
  if (rule === 'assumed-all-resolved') return () => true;
  const hasStatus = present.has('status');
  return (tickets, i) => {
    const resolved = tickets.resolved[i]!;
    if (resolved >= 0) return resolved === 1;
    if (!hasStatus) return false;
    const satisfied = tickets.satisfied[i]!;
    return isResolvedByStatus(tickets.label('status', i), satisfied < 0 ? null : satisfied === 1);
  };
}

/**
 * @example
 * `satisfied` is null when the ticket was not rated.
 *
 * isResolvedByStatus('Solved', null);  // true
 * isResolvedByStatus('closed', false); // false
 */
export function isResolvedByStatus(status: string | null, satisfied: boolean | null): boolean {
  if (!resolvedStatuses.has(status?.trim().toLowerCase() ?? '')) return false;
  return satisfied === null || satisfied;
}
