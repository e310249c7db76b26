import type { OrderTable } from '../model/orderTable.js';
import { isCountedOrder } from '../facts/countedOrder.js';
import { dayOf, isoWeekLabel } from '../time/calendar.js';
import { orderedKeys } from './sliceKeys.js';
import { NONE_KEY } from './sliceResult.js';
import type { Day } from '../model/time.js';
import type { TicketTable } from '../model/ticketTable.js';

/**
 * Tickets and counted orders by ISO week (Monday–Sunday of the wall-clock date) and contact
 * reason: the table every prevention statistic is computed from. The weeks run from the week
 * of the first ticket to the week of the last, every week listed even when empty; orders
 * outside those weeks are not used (the ticket export decides the period).
 */
export interface ContactWeeks {
  /** Monday of each week, ascending, and its label. */
  mondays: Day[];
  labels: string[];
  /** Counted orders per week; null without an orders file. */
  orders: number[] | null;
  /** Reasons, most tickets first then by name; an empty reason is "(none)". */
  reasons: string[];
  /** contacts[r][w], rated[r][w], satisfied[r][w] by reason index and week index. */
  contacts: number[][];
  rated: number[][];
  satisfied: number[][];
}

export function contactWeeks(tickets: TicketTable, orders: OrderTable | null): ContactWeeks | null {
  if (tickets.length === 0) return null;
  let first = Infinity;
  let last = -Infinity;
  for (let i = 0; i < tickets.length; i++) {
    const monday = mondayOf(dayOf(tickets.createdAt[i]!));
    if (monday < first) first = monday;
    if (monday > last) last = monday;
  }
  const weeks = (last - first) / 7 + 1;
  const mondays = Array.from({ length: weeks }, (_, w) => first + 7 * w);
  const byReason = new Map<string, { contacts: number[]; rated: number[]; satisfied: number[] }>();
  const totals = new Map<string, number>();
  for (let i = 0; i < tickets.length; i++) {
    const key = tickets.label('reason', i) ?? NONE_KEY;
    let row = byReason.get(key);
    if (row === undefined) {
      row = { contacts: new Array(weeks).fill(0), rated: new Array(weeks).fill(0), satisfied: new Array(weeks).fill(0) };
      byReason.set(key, row);
    }
    const w = (mondayOf(dayOf(tickets.createdAt[i]!)) - first) / 7;
    row.contacts[w]++;
    totals.set(key, (totals.get(key) ?? 0) + 1);
    const satisfied = tickets.satisfied[i]!;
    if (satisfied >= 0) {
      row.rated[w]++;
      if (satisfied === 1) row.satisfied[w]++;
    }
  }
  const reasons = orderedKeys('reason', totals);
  return {
    mondays,
    labels: mondays.map(isoWeekLabel),
    orders: orders === null ? null : countedOrdersByWeek(orders, first, weeks),
    reasons,
    contacts: reasons.map((r) => byReason.get(r)!.contacts),
    rated: reasons.map((r) => byReason.get(r)!.rated),
    satisfied: reasons.map((r) => byReason.get(r)!.satisfied),
  };
}

/** The Monday on or before `day` (1970-01-01, day 0, was a Thursday). */
export function mondayOf(day: Day): Day {
  return day - ((((day + 3) % 7) + 7) % 7);
}

function countedOrdersByWeek(orders: OrderTable, firstMonday: Day, weeks: number): number[] {
  const counted = orders.statuses.map(isCountedOrder);
  const perWeek = new Array<number>(weeks).fill(0);
  for (let i = 0; i < orders.length; i++) {
    if (!counted[orders.status[i]]) continue;
    const w = Math.floor((dayOf(orders.orderDate[i]) - firstMonday) / 7);
    if (w >= 0 && w < weeks) perWeek[w]++;
  }
  return perWeek;
}

/** Contacts per 100 orders (or the count itself without orders); null for a week without orders. */
export function contactRate(contacts: number, orders: number | null): number | null {
  if (orders === null) return contacts;
  return orders > 0 ? (contacts / orders) * 100 : null;
}
