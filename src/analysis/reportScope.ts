import type { LoadedOrders, LoadedTickets } from '../ingest/records.js';
import { dayOf, isoDay } from '../time/calendar.js';
import { previousWeek, type ReportWeek } from './reportWeek.js';
import type { Day } from '../model/time.js';
import type { TicketTable } from '../model/ticketTable.js';

/**
 * What data each section of a report sees. A plain report uses everything. A weekly report
 * (`--week`) is the report as it could have been written at the end of its week:
 * - the cohort analysis sees only orders and tickets dated on or before the week's Sunday, so
 *   its default cohort is the latest month with a complete follow-up window as of that day
 *   (runCohortAnalysis's own rule, applied to the data known then), and rerunning an old
 *   week's report later, on a longer export, gives the same numbers;
 * - the satisfaction slices see the tickets opened in the week;
 * - the trends compare the week with the one before (weeklyTrends, on all tickets).
 * Rows set aside are counted here and stated in the report's method section.
 */
export interface ReportScope {
  week: { label: string; start: string; end: string } | null;
  previousWeek: { label: string; start: string; end: string } | null;
  /** --as-of, when given: the only run date a report ever prints. */
  asOf: string | null;
  /** First and last day a ticket in the satisfaction section was opened; null without tickets. */
  ticketPeriod: { start: string; end: string } | null;
  /** Rows dated after the week's Sunday, left out of the cohort analysis (weekly mode only). */
  laterOrders: number;
  laterTickets: number;
}

export interface ScopedData {
  /** Input of runCohortAnalysis. */
  cohortOrders: LoadedOrders;
  cohortTickets: LoadedTickets;
  /** Input of analyzeSlices. */
  sliceTickets: LoadedTickets;
  scope: ReportScope;
}

export function scopeReport(orders: LoadedOrders, tickets: LoadedTickets, week: ReportWeek | null, asOf: Day | null): ScopedData {
  const base = { asOf: asOf === null ? null : isoDay(asOf), laterOrders: 0, laterTickets: 0 };
  if (week === null) {
    const scope = { ...base, week: null, previousWeek: null, ticketPeriod: ticketPeriod(tickets.table) };
    return { cohortOrders: orders, cohortTickets: tickets, sliceTickets: tickets, scope };
  }
  const known = knownOrders(orders, week.end);
  const table = tickets.table;
  const knownTickets = table.filtered((i) => dayOf(table.createdAt[i]!) <= week.end);
  const inWeek = knownTickets.filtered((i) => dayOf(knownTickets.createdAt[i]!) >= week.start);
  const scope: ReportScope = {
    ...base,
    week: isoWeek(week),
    previousWeek: isoWeek(previousWeek(week)),
    ticketPeriod: inWeek.length === 0 ? null : { start: isoDay(week.start), end: isoDay(week.end) },
    laterOrders: orders.table.length - known.table.length,
    laterTickets: table.length - knownTickets.length,
  };
  return {
    cohortOrders: known,
    cohortTickets: { ...tickets, table: knownTickets },
    sliceTickets: { ...tickets, table: inWeek },
    scope,
  };
}

/**
 * The orders dated on or before `end`, as a filtered OrderTable: a weekly report on a
 * 10-million-row export makes no object per row.
 */
function knownOrders(orders: LoadedOrders, end: Day): LoadedOrders {
  const table = orders.table;
  return { ...orders, table: table.filtered((i) => dayOf(table.orderDate[i]!) <= end) };
}

function isoWeek(w: ReportWeek): { label: string; start: string; end: string } {
  return { label: w.label, start: isoDay(w.start), end: isoDay(w.end) };
}

function ticketPeriod(tickets: TicketTable): { start: string; end: string } | null {
  if (tickets.length === 0) return null;
  let first = Infinity;
  let last = -Infinity;
  for (let i = 0; i < tickets.length; i++) {
    const day = dayOf(tickets.createdAt[i]!);
    if (day < first) first = day;
    if (day > last) last = day;
  }
  return { start: isoDay(first), end: isoDay(last) };
}
