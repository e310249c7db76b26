import type { CustomerFactsTable, FactsRun } from '../model/customerFacts.js';
import { memberGroup } from './customerFacts.js';
import { memberHistory } from './memberHistory.js';
import type { MemberSpend } from './memberSpend.js';
import type { ProblemTicketTally } from './problemTickets.js';

/**
 * The cohort's facts (spend sums and problem-ticket tally) and one more pass over the orders
 * → the per-customer facts table. days_to_next_order counts from the follow-up start to the
 * first purchase dated on or after it, when that is on or before the last counted order
 * date; otherwise it is NaN (censored there). `run` is carried along as the table's context.
 */
export function customerFactsTable(spend: MemberSpend, tally: ProblemTicketTally, run: FactsRun): CustomerFactsTable {
  const count = spend.count;
  const { cohort, followUp, baseline, pre } = run.windows;
  const origin = followUp.start;
  const history = memberHistory(spend, { cohort, baseline, pre, nextFrom: origin });
  const daysToNextOrder = new Float64Array(count);
  const group = new Array<CustomerFactsTable['group'][number]>(count);
  for (let m = 0; m < count; m++) {
    const day = history.nextPurchaseDay[m]!;
    daysToNextOrder[m] = day <= run.dataLastDay ? day - origin : NaN;
    group[m] = memberGroup(tally.problems[m]!, tally.unresolved[m]!);
  }
  return {
    count,
    customerId: spend.id,
    group,
    cohortSpend: spend.baselineSpend,
    cohortOrders: history.cohortOrders,
    priorSpend: history.priorSpend,
    priorOrders: history.priorOrders,
    newCustomer: history.newCustomer,
    laterSpend: spend.laterSpend,
    laterOrders: spend.laterPurchases,
    daysToNextOrder,
    problemTickets: tally.problems,
    unresolvedTickets: tally.unresolved,
    firstProblemAt: tally.firstProblemAt,
    preSpend: history.preSpend,
    lastProblemAt: tally.lastProblemAt,
    linkedTickets: tally.linked,
    excludedTickets: tally.excluded,
    run,
  };
}
