import type { OrderRecord } from '../ingest/records.js';
import { OrderTable } from '../ingest/orderTable.js';
import type { DayWindow } from '../analysis/windows.js';
import { isCountedOrder } from './countedOrder.js';

/**
 * The cohort members (customers with ≥1 counted order dated in the cohort window) and what
 * the orders say about them, by column: member m is ids[m], its spend is baselineSpend[m] …
 * Members are sorted by customer id (UTF-16 code units, as `<` compares), so results do not
 * depend on the order of rows in the file.
 */
export interface MemberSpend {
  ids: readonly string[];
  /** Sum of counted amounts dated inside the cohort window. */
  baselineSpend: Float64Array;
  /** Sum of counted amounts dated inside the follow-up window (refunds lower it); 0 if none. */
  laterSpend: Float64Array;
  /** Counted follow-up orders with a positive amount: purchases, not refunds. */
  laterPurchases: Int32Array;
  /** The member number of a customer id; −1 for a customer outside the cohort. */
  memberOf(customerId: string): number;
  /**
   * Whether `orderId` names one of member m's cohort-window orders, counted or not: a
   * complaint about an order that was then cancelled is still a problem with a cohort purchase.
   */
  hasCohortOrder(member: number, orderId: string): boolean;
}

const MS_PER_DAY = 86_400_000;
const SEEN = 1;
const MEMBER = 2;

/**
 * One pass over the orders by column (OrderTable): accumulators indexed by customer number,
 * statuses judged once per distinct status, and cohort-window order ids kept as the table's
 * codes, so a 10-million-row file makes no object or string per row; a string per member is
 * made for the sort. Orders outside both windows are never looked at twice. Sums are taken in
 * file order, as over OrderRecords.
 */
export function memberSpend(orders: readonly OrderRecord[] | OrderTable, cohort: DayWindow, followUp: DayWindow): MemberSpend {
  const table = orders instanceof OrderTable ? orders : OrderTable.fromRecords(orders);
  const counted = table.statuses.map(isCountedOrder);
  const customers = table.customerIds.size;
  const baseline = new Float64Array(customers);
  const later = new Float64Array(customers);
  const purchases = new Int32Array(customers);
  const flags = new Uint8Array(customers);
  // Cohort-window rows with an order id, as (order code, customer number) pairs.
  const links = new PairList();
  // Wall times instead of days: day >= start ⇔ time >= start's midnight (dayOf is a floor).
  const cohortFrom = cohort.start * MS_PER_DAY;
  const cohortTo = (cohort.end + 1) * MS_PER_DAY;
  const followFrom = followUp.start * MS_PER_DAY;
  const followTo = (followUp.end + 1) * MS_PER_DAY;
  const { orderDate, customer, status, amount: amounts, orderId } = table;
  for (let i = 0; i < table.length; i++) {
    const time = orderDate[i];
    const c = customer[i];
    if (time >= cohortFrom && time < cohortTo) {
      flags[c] |= SEEN;
      if (orderId[i] !== -1) links.push(orderId[i], c);
      if (counted[status[i]]) {
        flags[c] |= MEMBER;
        baseline[c] += amounts[i];
      }
    } else if (time >= followFrom && time < followTo && counted[status[i]]) {
      flags[c] |= SEEN;
      const amount = amounts[i];
      later[c] += amount;
      if (amount > 0) purchases[c] += 1;
    }
  }

  let count = 0;
  for (let c = 0; c < customers; c++) if ((flags[c] & MEMBER) !== 0) count++;
  const members = new Int32Array(count);
  for (let c = 0, m = 0; c < customers; c++) if ((flags[c] & MEMBER) !== 0) members[m++] = c;
  const sorted = table.customerIds.sortByText(members);
  const memberOfCustomer = new Int32Array(customers).fill(-1);
  const ids: string[] = new Array(count);
  const spend = { baselineSpend: new Float64Array(count), laterSpend: new Float64Array(count), laterPurchases: new Int32Array(count) };
  for (let m = 0; m < count; m++) {
    const c = sorted[m]!;
    memberOfCustomer[c] = m;
    ids[m] = table.customerIds.text(c);
    spend.baselineSpend[m] = baseline[c];
    spend.laterSpend[m] = later[c];
    spend.laterPurchases[m] = purchases[c];
  }
  const owners = orderOwners(links, memberOfCustomer);
  return {
    ids,
    ...spend,
    memberOf: (customerId) => {
      const c = table.customerIds.findText(customerId);
      return c < 0 ? -1 : memberOfCustomer[c]!;
    },
    hasCohortOrder: (member, id) => {
      const code = id === '' ? null : table.orderIds.find(id);
      return code !== null && owners.owns(code, member);
    },
  };
}

/**
 * Which member each cohort-window order code belongs to. A loaded file keeps one row per
 * order id, so a code has one owner; hand-built records may repeat an id across customers,
 * which the `shared` sets cover.
 */
function orderOwners(links: PairList, memberOfCustomer: Int32Array): { owns(code: number, member: number): boolean } {
  const owner = new Map<number, number>();
  const shared = new Map<number, Set<number>>();
  for (let j = 0; j < links.length; j++) {
    const m = memberOfCustomer[links.b[j]];
    if (m < 0) continue;
    const code = links.a[j];
    const first = owner.get(code);
    if (first === undefined) owner.set(code, m);
    else if (first !== m) {
      const set = shared.get(code) ?? new Set([first]);
      set.add(m);
      shared.set(code, set);
    }
  }
  return { owns: (code, member) => owner.get(code) === member || (shared.get(code)?.has(member) ?? false) };
}

/** A growing list of int pairs in two typed arrays. */
class PairList {
  length = 0;
  a = new Int32Array(1024);
  b = new Int32Array(1024);

  push(x: number, y: number): void {
    if (this.length === this.a.length) {
      const a = new Int32Array(this.length * 2);
      a.set(this.a);
      this.a = a;
      const b = new Int32Array(this.length * 2);
      b.set(this.b);
      this.b = b;
    }
    this.a[this.length] = x;
    this.b[this.length++] = y;
  }
}
