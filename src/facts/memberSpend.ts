import type { OrderRecord } from '../ingest/records.js';
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

/**
 * One pass over the orders: the cohort members (customers with ≥1 counted order dated in the
 * cohort window) and their spend in both windows, keyed by customer id. Orders outside both
 * windows are never stored, so memory follows the windows, not the file.
 *
 * Ticket linking uses every cohort-window order id, counted or not: a complaint about an
 * order that was then cancelled is still a problem with a cohort purchase.
 */
export function memberSpend(orders: readonly OrderRecord[], cohort: DayWindow, followUp: DayWindow): Map<string, MemberSpend> {
  const byCustomer = new Map<string, Accumulator>();
  const entry = (customerId: string): Accumulator => {
    let a = byCustomer.get(customerId);
    if (a === undefined) {
      a = { customerId, member: false, baselineSpend: 0, laterSpend: 0, laterPurchases: 0, cohortOrderIds: null };
      byCustomer.set(customerId, a);
    }
    return a;
  };
  for (const order of orders) {
    const day = dayOf(order.orderDate);
    if (day >= cohort.start && day <= cohort.end) {
      const a = entry(order.customerId);
      if (order.orderId !== null && order.orderId !== '') (a.cohortOrderIds ??= new Set()).add(order.orderId);
      if (isCountedOrder(order.status)) {
        a.member = true;
        a.baselineSpend += order.amount;
      }
    } else if (day >= followUp.start && day <= followUp.end && isCountedOrder(order.status)) {
      const a = entry(order.customerId);
      a.laterSpend += order.amount;
      if (order.amount > 0) a.laterPurchases += 1;
    }
  }
  const members = new Map<string, MemberSpend>();
  for (const a of byCustomer.values()) {
    if (!a.member) continue;
    const { member: _member, cohortOrderIds, ...spend } = a;
    members.set(a.customerId, { ...spend, cohortOrderIds: cohortOrderIds ?? NO_IDS });
  }
  return members;
}

interface Accumulator {
  customerId: string;
  member: boolean;
  baselineSpend: number;
  laterSpend: number;
  laterPurchases: number;
  cohortOrderIds: Set<string> | null;
}
