import type { Group } from '../analysis/cohortResult.js';
import type { DayWindow } from '../analysis/windows.js';
import type { OrderRecord, TicketRecord } from '../ingest/records.js';
import type { OrderTable } from '../ingest/orderTable.js';
import { memberSpend } from './memberSpend.js';
import { problemTickets } from './problemTickets.js';

/** Everything the cohort analysis needs to know about one member. */
export interface CustomerFacts {
  customerId: string;
  group: Group;
  baselineSpend: number;
  laterSpend: number;
  laterPurchases: number;
  problemTickets: number;
  unresolvedTickets: number;
}

export interface FactWindows {
  cohort: DayWindow;
  followUp: DayWindow;
  problem: DayWindow;
}

export interface CohortFacts {
  /** Sorted by customer id, so results do not depend on the order of rows in the files. */
  members: CustomerFacts[];
  problemTickets: number;
  linkedByOrderId: number;
  excludedByOrderId: number;
}

/** A member's group: `no_problem` without problem tickets, else `unresolved` if any is unresolved. */
export function memberGroup(problems: number, unresolved: number): Group {
  return problems === 0 ? 'no_problem' : unresolved > 0 ? 'unresolved' : 'resolved';
}

/**
 * Canonical rows → one fact row per cohort member (the cohort analysis itself reads
 * memberSpend's and problemTickets' columns, without an object per member). Two passes, one per file, each a lookup
 * per row: O(orders + tickets + members·log members) for the sort by customer id.
 *
 * Groups: `no_problem` (no problem tickets), `unresolved` (≥1 problem ticket not resolved),
 * `resolved` (≥1 problem ticket, all resolved).
 */
export function customerFacts(
  orders: readonly OrderRecord[] | OrderTable,
  tickets: readonly TicketRecord[],
  windows: FactWindows,
  isResolved: (ticket: TicketRecord) => boolean,
): CohortFacts {
  const spend = memberSpend(orders, windows.cohort, windows.followUp);
  const tally = problemTickets(tickets, spend, windows.problem, isResolved);
  const members: CustomerFacts[] = new Array(spend.count);
  for (let m = 0; m < spend.count; m++) {
    const problems = tally.problems[m];
    const unresolved = tally.unresolved[m];
    members[m] = {
      customerId: spend.id(m),
      group: memberGroup(problems, unresolved),
      baselineSpend: spend.baselineSpend[m],
      laterSpend: spend.laterSpend[m],
      laterPurchases: spend.laterPurchases[m],
      problemTickets: problems,
      unresolvedTickets: unresolved,
    };
  }
  return {
    members,
    problemTickets: tally.problemTickets,
    linkedByOrderId: tally.linkedByOrderId,
    excludedByOrderId: tally.excludedByOrderId,
  };
}
