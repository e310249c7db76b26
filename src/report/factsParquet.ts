import type { CustomerFactsTable } from '../model/customerFacts.js';
import { isoDay } from '../time/calendar.js';
import { wallDay } from './factsCsv.js';

/**
 * The facts table as a Parquet file (hyparquet-writer, pure JavaScript, loaded only when a
 * .parquet file is asked for). Column names and order are CUSTOMER_FACT_COLUMNS; money is
 * DOUBLE (the exact sums' doubles, as computed), counts INT32, new_customer BOOLEAN;
 * days_to_next_order (censored), first/last_problem_at (no problem) and currency (none named)
 * are nullable; dates are text YYYY-MM-DD as in facts.csv.
 */
export async function factsParquet(f: CustomerFactsTable): Promise<Uint8Array> {
  const { parquetWriteBuffer } = await import('hyparquet-writer');
  const n = f.count;
  const ints = (a: Int32Array) => Array.from(a);
  const money = (a: Float64Array) => Array.from(a);
  const days = (a: Float64Array) => Array.from(a, (wall) => wallDay(wall) || null);
  const same = <T>(value: T) => Array.from({ length: n }, () => value);
  const { windows, ...run } = f.run;
  const day = (name: string, d: number) => ({ name, data: same(isoDay(d)), type: 'STRING' as const, nullable: false });
  const buffer = parquetWriteBuffer({
    columnData: [
      { name: 'customer_id', data: Array.from({ length: n }, (_, m) => f.customerId(m)), type: 'STRING', nullable: false },
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
      { name: 'first_problem_at', data: days(f.firstProblemAt), type: 'STRING', nullable: true },
      { name: 'pre_spend', data: money(f.preSpend), type: 'DOUBLE', nullable: false },
      { name: 'last_problem_at', data: days(f.lastProblemAt), type: 'STRING', nullable: true },
      { name: 'linked_tickets', data: ints(f.linkedTickets), type: 'INT32', nullable: false },
      { name: 'excluded_tickets', data: ints(f.excludedTickets), type: 'INT32', nullable: false },
      day('cohort_start', windows.cohort.start),
      day('cohort_end', windows.cohort.end),
      day('follow_up_end', windows.followUp.end),
      day('problem_end', windows.problem.end),
      day('baseline_start', windows.baseline.start),
      day('pre_start', windows.pre.start),
      day('data_first_day', run.dataFirstDay),
      day('data_last_day', run.dataLastDay),
      { name: 'resolution_rule', data: same(run.resolutionRule), type: 'STRING', nullable: false },
      { name: 'currency', data: same(run.currency), type: 'STRING', nullable: true },
    ],
  });
  return new Uint8Array(buffer);
}
