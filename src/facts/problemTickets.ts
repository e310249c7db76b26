import { dayOf } from '../time/calendar.js';
import type { DayWindow } from '../model/time.js';
import type { TicketTable } from '../model/ticketTable.js';
import type { ByteKeys } from '../model/byteKeys.js';

/** What problemTickets needs to know of the cohort (see MemberSpend). */
export interface CohortLinks {
  count: number;
  /** Per key ks[j] of `ids` (a tickets table's customer ids): its customer's member number, −1 outside the cohort. */
  membersOf(ids: ByteKeys, ks: Int32Array): Int32Array;
  /** Whether the order id that is key k of `ids` names one of member m's cohort-window orders. */
  hasCohortOrder(member: number, ids: ByteKeys, k: number): boolean;
}

export interface ProblemTicketTally {
  /** Per member number: problem tickets, and those not resolved. */
  problems: Int32Array;
  unresolved: Int32Array;
  /** Per member: 1 when a problem ticket carries follow_up = true. */
  followedUp: Uint8Array;
  /** Per member: rated problem tickets, and those satisfied (CSAT of the member's problems). */
  rated: Int32Array;
  satisfied: Int32Array;
  /** Per member number: wall time of its first and last problem ticket; NaN without one. */
  firstProblemAt: Float64Array;
  lastProblemAt: Float64Array;
  /** Per member: its part of linkedByOrderId and excludedByOrderId. */
  linked: Int32Array;
  excluded: Int32Array;
  problemTickets: number;
  /** Problem tickets whose order_id named one of the member's cohort-window orders. */
  linkedByOrderId: number;
  /**
   * Members' tickets dated inside the problem window whose order_id named some other order:
   * by date they would have counted. Many of them suggest the two systems number orders
   * differently, which the report points out.
   */
  excludedByOrderId: number;
}

/**
 * Which of the members' tickets are problem tickets, and whether each was resolved.
 *
 * A ticket with a non-empty order_id is a problem ticket exactly when that order is one of
 * the member's cohort-window orders, whatever the ticket's date (so a ticket about a
 * follow-up order is not one, even inside the window). A ticket without one is a problem
 * ticket when created inside the problem window (cohort start through cohort end + grace).
 */
export function problemTickets(
  tickets: TicketTable,
  members: CohortLinks,
  window: DayWindow,
  isResolved: (tickets: TicketTable, i: number) => boolean,
): ProblemTicketTally {
  const problems = new Int32Array(members.count);
  const unresolved = new Int32Array(members.count);
  const followedUp = new Uint8Array(members.count);
  const rated = new Int32Array(members.count);
  const satisfied = new Int32Array(members.count);
  const firstProblemAt = new Float64Array(members.count).fill(NaN);
  const lastProblemAt = new Float64Array(members.count).fill(NaN);
  const linked = new Int32Array(members.count);
  const excluded = new Int32Array(members.count);
  let total = 0;
  let linkedByOrderId = 0;
  let excludedByOrderId = 0;
  const memberOf = membersByCustomer(tickets, members, window);
  for (let i = 0; i < tickets.length; i++) {
    const createdAt = tickets.createdAt[i]!;
    const inWindow = createdIn(tickets, i, window);
    // Order ids are never empty (ingest makes an empty cell "no order id").
    const aboutOrder = tickets.orderId[i]! >= 0;
    if (!aboutOrder && !inWindow) continue;
    const member = memberOf[tickets.customer[i]!]!;
    if (member < 0) continue; // not a cohort member
    let problem: boolean;
    if (aboutOrder) {
      problem = members.hasCohortOrder(member, tickets.orderIds, tickets.orderId[i]!);
      if (problem) {
        linkedByOrderId += 1;
        linked[member] += 1;
      } else if (inWindow) {
        excludedByOrderId += 1;
        excluded[member] += 1;
      }
    } else {
      problem = inWindow;
    }
    if (!problem) continue;
    total += 1;
    problems[member] += 1;
    // NaN compares false both ways: the first ticket seen sets both.
    if (!(createdAt >= firstProblemAt[member]!)) firstProblemAt[member] = createdAt;
    if (!(createdAt <= lastProblemAt[member]!)) lastProblemAt[member] = createdAt;
    if (!isResolved(tickets, i)) unresolved[member] += 1;
    if (tickets.followUp[i] === 1) followedUp[member] = 1;
    const score = tickets.satisfied[i]!;
    if (score >= 0) {
      rated[member] += 1;
      if (score === 1) satisfied[member] += 1;
    }
  }
  return { problems, unresolved, followedUp, rated, satisfied, firstProblemAt, lastProblemAt, linked, excluded, problemTickets: total, linkedByOrderId, excludedByOrderId };
}

/**
 * Member number by the tickets' customer code, −1 outside the cohort, looked up (all at once)
 * only for customers with a ticket that could count: one about an order, or dated in `window`.
 */
function membersByCustomer(tickets: TicketTable, members: CohortLinks, window: DayWindow): Int32Array {
  const asked = new Uint8Array(tickets.customerIds.size);
  let count = 0;
  for (let i = 0; i < tickets.length; i++) {
    const customer = tickets.customer[i]!;
    if (asked[customer] === 1) continue;
    // Neither about an order nor in the window: never a problem, nor counted.
    if (tickets.orderId[i]! < 0 && !createdIn(tickets, i, window)) continue;
    asked[customer] = 1;
    count++;
  }
  const customers = new Int32Array(count);
  for (let c = 0, j = 0; c < asked.length; c++) if (asked[c] === 1) customers[j++] = c;
  const found = members.membersOf(tickets.customerIds, customers);
  const memberOf = new Int32Array(asked.length).fill(-1);
  for (let j = 0; j < count; j++) memberOf[customers[j]!] = found[j]!;
  return memberOf;
}

/** Whether ticket i was created on a day of `window`. */
function createdIn(tickets: TicketTable, i: number, window: DayWindow): boolean {
  const day = dayOf(tickets.createdAt[i]!);
  return day >= window.start && day <= window.end;
}
