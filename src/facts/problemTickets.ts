import type { TicketRecord } from '../ingest/records.js';
import type { DayWindow } from '../analysis/windows.js';
import { dayOf } from '../time/calendar.js';

/** A member's problem tickets. */
export interface MemberTickets {
  problemTickets: number;
  unresolvedTickets: number;
}

export interface ProblemTicketTally {
  byCustomer: Map<string, MemberTickets>;
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
  tickets: readonly TicketRecord[],
  cohortOrderIds: ReadonlyMap<string, ReadonlySet<string>>,
  window: DayWindow,
  isResolved: (ticket: TicketRecord) => boolean,
): ProblemTicketTally {
  const byCustomer = new Map<string, MemberTickets>();
  let total = 0;
  let linkedByOrderId = 0;
  let excludedByOrderId = 0;
  for (const ticket of tickets) {
    const orderIds = cohortOrderIds.get(ticket.customerId);
    if (orderIds === undefined) continue; // not a cohort member
    const day = dayOf(ticket.createdAt);
    const inWindow = day >= window.start && day <= window.end;
    let problem: boolean;
    if (ticket.orderId !== null && ticket.orderId !== '') {
      problem = orderIds.has(ticket.orderId);
      if (problem) linkedByOrderId += 1;
      else if (inWindow) excludedByOrderId += 1;
    } else {
      problem = inWindow;
    }
    if (!problem) continue;
    total += 1;
    let m = byCustomer.get(ticket.customerId);
    if (m === undefined) {
      m = { problemTickets: 0, unresolvedTickets: 0 };
      byCustomer.set(ticket.customerId, m);
    }
    m.problemTickets += 1;
    if (!isResolved(ticket)) m.unresolvedTickets += 1;
  }
  return { byCustomer, problemTickets: total, linkedByOrderId, excludedByOrderId };
}
