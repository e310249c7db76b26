import { isCountedOrder } from './countedOrder.js';
import { SPEND_SCALE, spendUnits, type MemberSpend } from './memberSpend.js';
import type { DayWindow } from '../model/time.js';

/** What the orders say about each member outside the cohort's spend sums, by member number. */
export interface MemberHistory {
  cohortOrders: Int32Array;
  priorSpend: Float64Array;
  priorOrders: Int32Array;
  preSpend: Float64Array;
  /** 1 when the member has no counted order dated before the cohort start. */
  newCustomer: Uint8Array;
  /** Day of the first purchase dated on or after `from`; NaN when none. */
  nextPurchaseDay: Float64Array;
}

const MS_PER_DAY = 86_400_000;

/**
 * A second pass over the member's orders by column: purchases in the cohort window, spend
 * and purchases in the baseline window, spend in the pre-window, whether any counted order
 * precedes the cohort, and the first purchase from `nextFrom` on. Purchases are counted
 * orders with a positive amount (the repeat rate's rule); spend sums every counted amount,
 * exactly (SPEND_SCALE).
 */
export function memberHistory(
  spend: MemberSpend,
  windows: { cohort: DayWindow; baseline: DayWindow; pre: DayWindow; nextFrom: number },
): MemberHistory {
  const { table, memberOfCustomer, count } = spend;
  const counted = table.statuses.map(isCountedOrder);
  const h: MemberHistory = {
    cohortOrders: new Int32Array(count),
    priorSpend: new Float64Array(count),
    priorOrders: new Int32Array(count),
    preSpend: new Float64Array(count),
    newCustomer: new Uint8Array(count).fill(1),
    nextPurchaseDay: new Float64Array(count).fill(NaN),
  };
  const { cohort, baseline, pre, nextFrom } = windows;
  for (let i = 0; i < table.length; i++) {
    if (!counted[table.status[i]!]) continue;
    const m = memberOfCustomer[table.customer[i]!]!;
    if (m < 0) continue;
    const day = Math.floor(table.orderDate[i]! / MS_PER_DAY);
    const amount = table.amount[i]!;
    const purchase = amount > 0 ? 1 : 0;
    if (day < cohort.start) h.newCustomer[m] = 0;
    else if (day <= cohort.end) h.cohortOrders[m] += purchase;
    if (day >= baseline.start && day <= baseline.end) {
      h.priorSpend[m] += spendUnits(amount);
      h.priorOrders[m] += purchase;
    }
    if (day >= pre.start && day <= pre.end) h.preSpend[m] += spendUnits(amount);
    if (purchase === 1 && day >= nextFrom && !(day >= h.nextPurchaseDay[m]!)) h.nextPurchaseDay[m] = day;
  }
  // Summed in millionths, as memberSpend sums: each sum is the double nearest the exact decimal
  // sum, so a SQL engine's DECIMAL sum and a facts file's text give the same doubles.
  for (let m = 0; m < count; m++) {
    h.priorSpend[m] = h.priorSpend[m]! / SPEND_SCALE;
    h.preSpend[m] = h.preSpend[m]! / SPEND_SCALE;
  }
  return h;
}
