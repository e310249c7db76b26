import type { OrderRecord } from '../ingest/records.js';
import { OrderTable } from '../ingest/orderTable.js';
import type { DayWindow } from '../analysis/windows.js';
import { dayOf } from '../time/calendar.js';
import { isCountedOrder } from './countedOrder.js';

/** What the orders say about one customer of the cohort. */
export interface MemberSpend {
  customerId: string;
  /** Sum of counted amounts dated inside the cohort window. */
  baselineSpend: number;
  /** Sum of counted amounts dated inside the follow-up window (refunds lower it); 0 if none. */
  laterSpend: number;
  /** Counted follow-up orders with a positive amount: purchases, not refunds. */
  laterPurchases: number;
  /** order_ids of every cohort-window order of the customer, counted or not, for ticket linking. */
  cohortOrderIds: ReadonlySet<string>;
}

const NO_IDS: ReadonlySet<string> = new Set();
const MS_PER_DAY = 86_400_000;

/**
 * One pass over the orders: the cohort members (customers with ≥1 counted order dated in the
 * cohort window) and their spend in both windows, keyed by customer id. Orders outside both
 * windows are never stored, so memory follows the windows, not the file.
 *
 * Ticket linking uses every cohort-window order id, counted or not: a complaint about an
 * order that was then cancelled is still a problem with a cohort purchase.
 *
 * Reads the orders by column (OrderTable): accumulators are indexed by customer number and
 * statuses are judged once per distinct status, so a 10-million-row file makes no object or
 * string per row. Sums are taken in file order, as over OrderRecords.
 */
export function memberSpend(
  orders: readonly OrderRecord[] | OrderTable,
  cohort: DayWindow,
  followUp: DayWindow,
): Map<string, MemberSpend> {
  const table = orders instanceof OrderTable ? orders : OrderTable.fromRecords(orders);
  const counted = table.statuses.map(isCountedOrder);
  // Accumulators in order of first appearance, found by customer number.
  const byCustomer: Accumulator[] = [];
  const slot = new Int32Array(table.customerIds.size).fill(-1);
  const entry = (customer: number): Accumulator => {
    if (slot[customer] >= 0) return byCustomer[slot[customer]];
    const a: Accumulator = { customer, member: false, baselineSpend: 0, laterSpend: 0, laterPurchases: 0, cohortOrderIds: null };
    slot[customer] = byCustomer.length;
    byCustomer.push(a);
    return a;
  };
  // Wall times instead of days: day >= start ⇔ time >= start's midnight (dayOf is a floor).
  const cohortFrom = cohort.start * MS_PER_DAY;
  const cohortTo = (cohort.end + 1) * MS_PER_DAY;
  const followFrom = followUp.start * MS_PER_DAY;
  const followTo = (followUp.end + 1) * MS_PER_DAY;
  for (let i = 0; i < table.length; i++) {
    const time = table.orderDate[i];
    if (!(time >= cohortFrom && time < cohortTo) && !(time >= followFrom && time < followTo)) continue;
    const day = dayOf(time);
    const isCounted = counted[table.status[i]];
    if (day >= cohort.start && day <= cohort.end) {
      const a = entry(table.customer[i]);
      const orderId = table.orderIdText(i);
      if (orderId !== null && orderId !== '') (a.cohortOrderIds ??= new Set()).add(orderId);
      if (isCounted) {
        a.member = true;
        a.baselineSpend += table.amount[i];
      }
    } else if (day >= followUp.start && day <= followUp.end && isCounted) {
      const a = entry(table.customer[i]);
      const amount = table.amount[i];
      a.laterSpend += amount;
      if (amount > 0) a.laterPurchases += 1;
    }
  }
  const members = new Map<string, MemberSpend>();
  for (const a of byCustomer) {
    if (!a.member) continue;
    const customerId = table.customerIds.text(a.customer);
    members.set(customerId, {
      customerId,
      baselineSpend: a.baselineSpend,
      laterSpend: a.laterSpend,
      laterPurchases: a.laterPurchases,
      cohortOrderIds: a.cohortOrderIds ?? NO_IDS,
    });
  }
  return members;
}

interface Accumulator {
  customer: number;
  member: boolean;
  baselineSpend: number;
  laterSpend: number;
  laterPurchases: number;
  cohortOrderIds: Set<string> | null;
}
