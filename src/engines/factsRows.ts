import { DataError } from '../errors.js';
import type { Group } from '../analysis/cohortResult.js';
import type { MemberColumns } from '../analysis/cohortGroups.js';
import { FactsTableBuilder, factsTable } from '../ingest/factsTable.js';
import type { Engine } from './engine.js';
import type { CustomerFactsTable } from '../model/customerFacts.js';

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

/**
 * The facts query's rows read in batches (Engine.batches), each made FactsRows before the
 * next is fetched: memory follows the members' facts, not the driver's copy of the result.
 */
export async function readFactsRows(engine: Engine, sql: string, batchSize?: number): Promise<FactsRow[]> {
  const out: FactsRow[] = [];
  await engine.batches(sql, (batch) => {
    for (const row of factsRows(batch, engine.name)) out.push(row);
  }, batchSize);
  return out.sort(byCustomerId);
}

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

/**
 * The facts query's text rows → the per-customer facts table, read and checked as a facts
 * file is (src/ingest/factsTable.ts): the engine path and `--facts-in` share one reader, so
 * what the query returns is exactly what `loyalty sql`'s exported result gives.
 */
export function engineFactsTable(rows: readonly Record<string, string | null>[], label: string): CustomerFactsTable {
  const header = Object.keys(rows[0] ?? {});
  return factsTable({ file: label, where: 'row', header, rows: rows.map((row, i) => ({ line: i + 1, cells: header.map((c) => row[c] ?? '') })) });
}

/**
 * engineFactsTable over a query's rows streamed from the engine (Engine.batches), so millions of
 * members never sit in memory as text; null when the query returns no row.
 */
export async function readEngineFactsTable(engine: Engine, sql: string, label: string): Promise<CustomerFactsTable | null> {
  let builder: FactsTableBuilder | null = null;
  let header: string[] = [];
  let line = 0;
  await engine.batches(sql, (rows) => {
    for (const row of rows) {
      if (builder === null) {
        header = Object.keys(row);
        builder = new FactsTableBuilder({ file: label, where: 'row', header });
      }
      builder.add(++line, header.map((c) => row[c] ?? ''));
    }
  });
  return builder === null ? null : (builder as FactsTableBuilder).finish();
}
