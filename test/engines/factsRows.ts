import { DataError } from '../../src/errors.js';
import type { MemberColumns } from '../../src/analysis/cohortGroups.js';
import type { Group } from '../../src/model/groups.js';

// A plain reading of the facts query's text rows, kept apart from src/ingest/factsTable.ts so
// the equivalence tests check the engines' facts without the reader they are compared through.

/** One cohort member's facts as the facts query returns them (FACTS_COLUMNS). */
export interface FactsRow {
  customerId: string;
  group: Group;
  cohortSpend: number;
  cohortOrders: number;
  priorSpend: number;
  priorOrders: number;
  newCustomer: boolean;
  laterSpend: number;
  laterOrders: number;
  daysToNextOrder: number | null;
  problemTickets: number;
  unresolvedTickets: number;
  /** The first problem ticket's created_at as the engine prints it (null without one). */
  firstProblemAt: string | null;
}

const GROUPS: readonly string[] = ['no_problem', 'resolved', 'unresolved'];

/**
 * Text rows from an engine → FactsRows, sorted by customer id as src/facts sorts members
 * (UTF-16 code units, as `<` compares: an engine's ORDER BY follows its collation). Sums
 * arrive as exact decimal text, and Number() gives the double nearest them: the same double
 * the in-process path's exact sum gives.
 */
export function factsRows(rows: readonly Record<string, string | null>[], engine: string): FactsRow[] {
  const out = rows.map((row) => {
    const number = (column: string): number => {
      const text = row[column];
      const value = text === null || text === undefined ? NaN : Number(text);
      if (!Number.isFinite(value)) throw new DataError(`${engine}: the facts query returned ${JSON.stringify(text)} in ${column}, not a number`);
      return value;
    };
    const group = row.group ?? '';
    if (!GROUPS.includes(group)) throw new DataError(`${engine}: the facts query returned group ${JSON.stringify(group)}`);
    return {
      customerId: row.customer_id ?? '',
      group: group as Group,
      cohortSpend: number('cohort_spend'),
      cohortOrders: number('cohort_orders'),
      priorSpend: number('prior_spend'),
      priorOrders: number('prior_orders'),
      newCustomer: ['true', 't', '1'].includes((row.new_customer ?? '').toLowerCase()),
      laterSpend: number('later_spend'),
      laterOrders: number('later_orders'),
      daysToNextOrder: row.days_to_next_order === null ? null : number('days_to_next_order'),
      problemTickets: number('problem_tickets'),
      unresolvedTickets: number('unresolved_tickets'),
      firstProblemAt: row.first_problem_at ?? null,
    };
  });
  return out.sort(byCustomerId);
}

const byCustomerId = (a: FactsRow, b: FactsRow) => (a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : 0);

/** The members' columns the cohort statistics read (src/analysis/cohortGroups.ts), in member order. */
export function memberColumns(rows: readonly FactsRow[]): MemberColumns {
  return {
    laterSpend: Float64Array.from(rows, (r) => r.laterSpend),
    baselineSpend: Float64Array.from(rows, (r) => r.cohortSpend),
    laterPurchases: Int32Array.from(rows, (r) => r.laterOrders),
    problems: Int32Array.from(rows, (r) => r.problemTickets),
    unresolved: Int32Array.from(rows, (r) => r.unresolvedTickets),
  };
}

