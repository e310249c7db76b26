import type { OrderTable } from '../model/orderTable.js';
import { memberSpend, type MemberSpend } from './memberSpend.js';
import { problemTickets, type ProblemTicketTally } from './problemTickets.js';
import type { DayWindow } from '../model/time.js';
import type { Group } from '../model/groups.js';
import type { TicketTable } from '../model/ticketTable.js';

export interface FactWindows {
  cohort: DayWindow;
  followUp: DayWindow;
  problem: DayWindow;
}

/**
 * The cohort's members by column, sorted by customer id (so results do not depend on the
 * order of rows in the files): member m's spend is spend.laterSpend[m] …, its problem tickets
 * tally.problems[m] and tally.unresolved[m]. No object per member: at 490k members those
 * would be ~60 MB alive at the analysis' memory peak.
 */
export interface CohortFacts {
  spend: MemberSpend;
  tally: ProblemTicketTally;
}

/** A member's group: `no_problem` without problem tickets, else `unresolved` if any is unresolved. */
export function memberGroup(problems: number, unresolved: number): Group {
  return problems === 0 ? 'no_problem' : unresolved > 0 ? 'unresolved' : 'resolved';
}

/**
 * Canonical rows → the cohort members' facts. Two passes, one per file, each a lookup per
 * row: O(orders + tickets + members·log members) for the sort by customer id.
 *
 * Groups (memberGroup): `no_problem` (no problem tickets), `unresolved` (≥1 problem ticket
 * not resolved), `resolved` (≥1 problem ticket, all resolved).
 */
export function customerFacts(
  orders: OrderTable,
  tickets: TicketTable,
  windows: FactWindows,
  isResolved: (tickets: TicketTable, i: number) => boolean,
): CohortFacts {
  const spend = memberSpend(orders, windows.cohort, windows.followUp);
  return { spend, tally: problemTickets(tickets, spend, windows.problem, isResolved) };
}
