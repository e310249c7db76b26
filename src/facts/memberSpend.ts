import type { OrderRecord } from '../ingest/records.js';
import { OrderTable } from '../ingest/orderTable.js';
import type { DayWindow } from '../analysis/windows.js';
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
  // Per customer number: spend and flags in typed arrays, in order of first appearance.
  const customers = table.customerIds.size;
  const baseline = new Float64Array(customers);
  const later = new Float64Array(customers);
  const purchases = new Int32Array(customers);
  const flags = new Uint8Array(customers);
  const order: number[] = [];
  const orderIds = new Map<number, Set<string>>();
  // Wall times instead of days: day >= start ⇔ time >= start's midnight (dayOf is a floor).
  const cohortFrom = cohort.start * MS_PER_DAY;
  const cohortTo = (cohort.end + 1) * MS_PER_DAY;
  const followFrom = followUp.start * MS_PER_DAY;
  const followTo = (followUp.end + 1) * MS_PER_DAY;
  const { orderDate, customer, status, amount: amounts } = table;
  for (let i = 0; i < table.length; i++) {
    const time = orderDate[i];
    const c = customer[i];
    if (time >= cohortFrom && time < cohortTo) {
      if (flags[c] === 0) order.push(c);
      flags[c] |= SEEN;
      const orderId = table.orderIdText(i);
      if (orderId !== null && orderId !== '') {
        let ids = orderIds.get(c);
        if (ids === undefined) orderIds.set(c, (ids = new Set()));
        ids.add(orderId);
      }
      if (counted[status[i]]) {
        flags[c] |= MEMBER;
        baseline[c] += amounts[i];
      }
    } else if (time >= followFrom && time < followTo && counted[status[i]]) {
      if (flags[c] === 0) order.push(c);
      flags[c] |= SEEN;
      const amount = amounts[i];
      later[c] += amount;
      if (amount > 0) purchases[c] += 1;
    }
  }
  const members = new Map<string, MemberSpend>();
  for (const c of order) {
    if ((flags[c] & MEMBER) === 0) continue;
    const customerId = table.customerIds.text(c);
    members.set(customerId, {
      customerId,
      baselineSpend: baseline[c],
      laterSpend: later[c],
      laterPurchases: purchases[c],
      cohortOrderIds: orderIds.get(c) ?? NO_IDS,
    });
  }
  return members;
}

const SEEN = 1;
const MEMBER = 2;
