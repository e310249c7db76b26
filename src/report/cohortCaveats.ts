import type { CohortResult } from '../analysis/cohortResult.js';
import { count } from './format.js';
import { GROUP_LABELS } from './cohortCells.js';
import { FOLLOW_UP_CAVEAT } from './followUpSentences.js';
import { GROUPS } from '../model/groups.js';

/** Below this many customers a group's mean and interval rest on too few people to lean on. */
export const SMALL_GROUP = 30;

/**
 * What a reader must know before trusting the numbers, as sentences. `warnings` are the
 * ones loud enough for stderr on every run; the report lists all of them.
 */
export function cohortCaveats(result: CohortResult): { warnings: string[]; notes: string[] } {
  const warnings: string[] = [];
  const c = result.censoring;
  if (c !== null) {
    warnings.push(
      `the follow-up window ${result.followUp.start}..${result.followUp.end} runs ${count(c.missingDays)} days past the last counted order (${c.dataEnd}): ` +
        'later spend and repeat rates are partial and understated. Use an earlier --cohort or a shorter --follow for a complete window.',
    );
  }
  if (result.cohortChoice === 'earliest-partial') {
    warnings.push(
      `no month in the data has a complete ${result.options.follow} follow-up, so the cohort is the earliest month with orders (${result.cohort.start.slice(0, 7)}), whose follow-up is the most observed.`,
    );
  }
  if (result.resolutionRule === 'assumed-all-resolved') {
    warnings.push(
      'the tickets have neither a resolved nor a status column, so every problem ticket counts as resolved and no customer is in the unresolved group; map one with --map tickets.status=Header.',
    );
  }
  const { linkedByOrderId, excludedByOrderId } = result.counts;
  if (excludedByOrderId > 0 && linkedByOrderId === 0) {
    warnings.push(
      `${count(excludedByOrderId)} tickets dated in the problem window name an order_id that matches none of the member's cohort orders, and no ticket matched one: ` +
        'if the two files number orders differently, the linking drops real problem tickets; check both order_id columns.',
    );
  }
  const overflowed = GROUPS.filter((g) => {
    const s = result.groups[g];
    return s.customers > 0 && (s.meanSpend === null || s.totalSpend === null || s.baselineMeanSpend === null || s.ci95 === null);
  });
  if (overflowed.length > 0) {
    warnings.push(
      `the amounts of the ${overflowed.map((g) => `“${GROUP_LABELS[g]}”`).join(', ')} ${overflowed.length === 1 ? 'group are' : 'groups are'} too large to sum in double precision (beyond about 1.8e308), ` +
        'so the statistics that need the sum are shown as n/a (null in JSON) and its tests are not run; check the amount column for a misplaced value.',
    );
  }
  for (const g of GROUPS) {
    const n = result.groups[g].customers;
    if (n > 0 && n < SMALL_GROUP) {
      warnings.push(`the “${GROUP_LABELS[g]}” group has only ${count(n)} ${n === 1 ? 'customer' : 'customers'}; its mean and interval are fragile.`);
    }
  }
  const notes = [
    'The groups are observed, not assigned: customers who contact support may differ from those who do not. Compare the mean cohort spend of the groups; the gaps are associations, not the effect of resolving a problem.',
  ];
  if (result.proactiveFollowUp !== undefined) notes.push(FOLLOW_UP_CAVEAT);
  if (excludedByOrderId > 0 && linkedByOrderId > 0) {
    notes.push(
      `${count(excludedByOrderId)} tickets dated in the problem window were not counted because their order_id names an order outside the cohort window (a later order, or one not in the orders file).`,
    );
  }
  return { warnings, notes };
}
