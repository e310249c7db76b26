import { GROUPS, type CohortResult, type FollowUpGroup, type Group, type GroupStats, type ProactiveFollowUp } from '../analysis/cohortResult.js';
import type { FileQuality } from '../ingest/records.js';

/**
 * The `cohort --json` document: the fields the issue names first (cohort, followUp, groups,
 * comparisons), then the headline and everything needed to reproduce and judge it, then the
 * data quality of both files. Serialise with stableJson. Every object holding money figures
 * carries `currency` (ISO code, null when the data named none) beside them.
 */
export function cohortJson(result: CohortResult, quality: { orders: FileQuality; tickets: FileQuality }) {
  return {
    cohort: result.cohort,
    followUp: result.followUp,
    groups: Object.fromEntries(GROUPS.map((g) => [g, { ...result.groups[g], currency: result.currency }])) as Record<
      Group,
      GroupStats & { currency: string | null }
    >,
    comparisons: result.comparisons,
    currency: result.currency,
    headline: result.headline,
    censoring: result.censoring,
    resolutionRule: result.resolutionRule,
    cohortChoice: result.cohortChoice,
    problemWindow: result.problemWindow,
    dataRange: result.dataRange,
    counts: result.counts,
    ...(result.proactiveFollowUp === undefined ? {} : { proactiveFollowUp: followUpJson(result.proactiveFollowUp) }),
    options: result.options,
    dataQuality: { orders: quality.orders, tickets: quality.tickets },
  };
}

/** `proactiveFollowUp` as the contract names it: {with, without, difference, ci95, p, adjusted}. */
function followUpJson(f: ProactiveFollowUp) {
  const side = ({ customers, meanSpend, repeatRate, csat }: FollowUpGroup) => ({ customers, meanSpend, repeatRate, csat });
  return { with: side(f.with), without: side(f.without), difference: f.difference, ci95: f.ci95, p: f.p, adjusted: f.adjusted };
}
