import type { CustomerFactsTable } from '../model/customerFacts.js';
import { isoDay } from '../time/calendar.js';

const MS_PER_DAY = 86_400_000;

/**
 * The facts table as a Parquet file (hyparquet-writer, pure JavaScript, loaded only when a
 * .parquet file is asked for). Column names and order are CUSTOMER_FACT_COLUMNS; money is
 * DOUBLE, counts INT32, new_customer BOOLEAN; days_to_next_order (censored) and
 * first_problem_at (no problem) are nullable, the date written as text YYYY-MM-DD as in
 * facts.csv.
 */
export async function factsParquet(f: CustomerFactsTable): Promise<Uint8Array> {
  const { parquetWriteBuffer } = await import('hyparquet-writer');
  const n = f.count;
  const ints = (a: Int32Array) => Array.from(a);
  const money = (a: Float64Array) => Array.from(a, (x) => Number(x.toPrecision(12)));
  const buffer = parquetWriteBuffer({
    columnData: [
      { name: 'customer_id', data: f.customerId, type: 'STRING', nullable: false },
      { name: 'group', data: f.group, type: 'STRING', nullable: false },
      { name: 'cohort_spend', data: money(f.cohortSpend), type: 'DOUBLE', nullable: false },
      { name: 'cohort_orders', data: ints(f.cohortOrders), type: 'INT32', nullable: false },
      { name: 'prior_spend', data: money(f.priorSpend), type: 'DOUBLE', nullable: false },
      { name: 'prior_orders', data: ints(f.priorOrders), type: 'INT32', nullable: false },
      { name: 'new_customer', data: Array.from(f.newCustomer, (v) => v === 1), type: 'BOOLEAN', nullable: false },
      { name: 'later_spend', data: money(f.laterSpend), type: 'DOUBLE', nullable: false },
      { name: 'later_orders', data: ints(f.laterOrders), type: 'INT32', nullable: false },
      { name: 'days_to_next_order', data: Array.from(f.daysToNextOrder, (d) => (Number.isNaN(d) ? null : d)), type: 'INT32', nullable: true },
      { name: 'problem_tickets', data: ints(f.problemTickets), type: 'INT32', nullable: false },
      { name: 'unresolved_tickets', data: ints(f.unresolvedTickets), type: 'INT32', nullable: false },
      {
        name: 'first_problem_at',
        data: Array.from({ length: n }, (_, m) => (Number.isNaN(f.firstProblemAt[m]!) ? null : isoDay(Math.floor(f.firstProblemAt[m]! / MS_PER_DAY)))),
        type: 'STRING',
        nullable: true,
      },
    ],
  });
  return new Uint8Array(buffer);
}
