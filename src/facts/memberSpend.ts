import type { ByteKeys } from '../model/byteKeys.js';
import type { OrderTable } from '../model/orderTable.js';
import { LOWEST_CODE } from '../model/orderIds.js';
import { isCountedOrder } from './countedOrder.js';
import type { DayWindow } from '../model/time.js';

/**
 * The cohort members (customers with ≥1 counted order dated in the cohort window) and what
 * the orders say about them, by column: member m is id(m), its spend is baselineSpend[m] …
 * Members are sorted by customer id (UTF-16 code units, as `<` compares), so results do not
 * depend on the order of rows in the file.
 */
export interface MemberSpend {
  count: number;
  /** Member m's customer id (made when asked: the cohort statistics need none of them). */
  id(member: number): string;
  /** Sum of counted amounts dated inside the cohort window. */
  baselineSpend: Float64Array;
  /** Sum of counted amounts dated inside the follow-up window (refunds lower it); 0 if none. */
  laterSpend: Float64Array;
  /** Counted follow-up orders with a positive amount: purchases, not refunds. */
  laterPurchases: Int32Array;
  /**
   * Per key ks[j] of `ids` (a tickets table's customer ids): the member number of that
   * customer, found by its bytes with no string made, all together (ByteKeys.findKeysOf);
   * −1 for a customer outside the cohort.
   */
  membersOf(ids: ByteKeys, ks: Int32Array): Int32Array;
  /**
   * Whether the order id that is key k of `ids` names one of member m's cohort-window orders,
   * counted or not: a complaint about an order that was then cancelled is still a problem
   * with a cohort purchase.
   */
  hasCohortOrder(member: number, ids: ByteKeys, k: number): boolean;
  /** The order table read, for further passes by column. */
  table: OrderTable;
  /** Per customer number of `table`: its member number, or −1 outside the cohort. */
  memberOfCustomer: Int32Array;
}

const MS_PER_DAY = 86_400_000;

/**
 * Spend is summed exactly, in millionths of the currency unit (integers, exact in a double
 * up to 2^53, i.e. ±9 billion per member), then divided once: each sum is the double nearest
 * the exact decimal sum, whatever the order of the rows. A SQL engine summing DECIMAL(38,6)
 * (src/engines) then gives the same doubles to the bit; a float sum in file order would not
 * (0.1 + 0.2). Amounts are rounded to 6 decimals first, which no currency needs.
 */
export const SPEND_SCALE = 1_000_000;

/** An amount in millionths, as summed (Math.round: halves go up, as they rarely occur at 6 decimals). */
export function spendUnits(amount: number): number {
  return Math.round(amount * SPEND_SCALE);
}

/**
 * One pass over the orders by column (OrderTable): accumulators indexed by customer number,
 * statuses judged once per distinct status, and cohort-window order ids kept as the table's
 * codes, so a 10-million-row file makes no object or string per row; a string per member is
 * made for the sort. Orders outside both windows are never looked at twice. Sums are exact
 * (SPEND_SCALE), so they do not depend on the order of the rows.
 */
export function memberSpend(table: OrderTable, cohort: DayWindow, followUp: DayWindow): MemberSpend {
  const counted = table.statuses.map(isCountedOrder);
  const customers = table.customerIds.size;
  // Per customer c: baseline spend, later spend, later purchases and 1 for a member at 4c … 4c + 3, so
  // a row's updates touch one cache line, not four arrays' worth (customers are in random order).
  const sums = new Float64Array(4 * customers);
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
      if (orderId[i] !== -1) links.push(orderId[i], c);
      if (counted[status[i]]) {
        sums[4 * c + 3] = 1;
        sums[4 * c] += spendUnits(amounts[i]);
      }
    } else if (time >= followFrom && time < followTo && counted[status[i]]) {
      const amount = amounts[i];
      sums[4 * c + 1] += spendUnits(amount);
      if (amount > 0) sums[4 * c + 2] += 1;
    }
  }

  // No closure may refer to `sums`: the closures returned below would keep it (and its 32
  // bytes a customer: 64 MB at 2M customers) alive for the whole analysis.
  let count = 0;
  for (let c = 0; c < customers; c++) if (sums[4 * c + 3] === 1) count++;
  const members = new Int32Array(count);
  for (let c = 0, m = 0; c < customers; c++) if (sums[4 * c + 3] === 1) members[m++] = c;
  const sorted = table.customerIds.sortByText(members);
  const memberOfCustomer = new Int32Array(customers).fill(-1);
  const spend = { baselineSpend: new Float64Array(count), laterSpend: new Float64Array(count), laterPurchases: new Int32Array(count) };
  for (let m = 0; m < count; m++) {
    const c = sorted[m]!;
    memberOfCustomer[c] = m;
    spend.baselineSpend[m] = sums[4 * c]! / SPEND_SCALE;
    spend.laterSpend[m] = sums[4 * c + 1]! / SPEND_SCALE;
    spend.laterPurchases[m] = sums[4 * c + 2]!;
  }
  const owners = orderOwners(links, memberOfCustomer, count);
  return {
    count,
    id: (member) => table.customerIds.text(sorted[member]!),
    ...spend,
    membersOf: (ids, ks) => {
      const customers = table.customerIds.findKeysOf(ids, ks);
      for (let j = 0; j < customers.length; j++) customers[j] = customers[j]! < 0 ? -1 : memberOfCustomer[customers[j]!]!;
      return customers;
    },
    hasCohortOrder: (member, ids, k) => {
      const code = table.orderIds.codesOf(ids)[k]!;
      return code !== -1 && owners.owns(code, member);
    },
    table,
    memberOfCustomer,
  };
}

/**
 * Which member each cohort-window order code belongs to, as sorted (code, member) pairs packed
 * in exact doubles, (code − LOWEST_CODE) · 2^bits + member (codes run from OrderIds'
 * LOWEST_CODE up), found by binary search: ~8 bytes a cohort order where a Map takes ~50. A
 * loaded file keeps one row per order id, so a code has one owner; hand-built records may
 * repeat an id across customers, and every pair is kept. Should the pairs not fit in 53 bits
 * (billions of distinct text order ids), a Map of sets takes over.
 */
function orderOwners(links: PairList, memberOfCustomer: Int32Array, members: number): { owns(code: number, member: number): boolean } {
  const scale = 2 ** Math.max(1, Math.ceil(Math.log2(members + 1)));
  let maxCode = 0;
  for (let j = 0; j < links.length; j++) maxCode = Math.max(maxCode, links.a[j]!);
  const pack = (code: number, member: number) => (code - LOWEST_CODE) * scale + member;
  if (pack(maxCode, members) >= 2 ** 53) return ownerSets(links, memberOfCustomer);
  const pairs = new Float64Array(links.length);
  let n = 0;
  for (let j = 0; j < links.length; j++) {
    const m = memberOfCustomer[links.b[j]!]!;
    if (m >= 0) pairs[n++] = pack(links.a[j]!, m);
  }
  const sorted = pairs.subarray(0, n).sort();
  return {
    owns: (code, member) => {
      const key = pack(code, member);
      let lo = 0;
      let hi = sorted.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (sorted[mid]! < key) lo = mid + 1;
        else hi = mid;
      }
      return lo < sorted.length && sorted[lo] === key;
    },
  };
}

function ownerSets(links: PairList, memberOfCustomer: Int32Array): { owns(code: number, member: number): boolean } {
  const owners = new Map<number, Set<number>>();
  for (let j = 0; j < links.length; j++) {
    const m = memberOfCustomer[links.b[j]!]!;
    if (m < 0) continue;
    const set = owners.get(links.a[j]!) ?? new Set<number>();
    set.add(m);
    owners.set(links.a[j]!, set);
  }
  return { owns: (code, member) => owners.get(code)?.has(member) ?? false };
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
