import type { CohortResult } from '../analysis/cohortResult.js';
import type { FileQuality } from '../ingest/records.js';

/**
 * The `cohort --json` document: the fields the issue names first (cohort, followUp, groups,
 * comparisons), then the headline and everything needed to reproduce and judge it, then the
 * data quality of both files. Serialise with stableJson.
 */
export function cohortJson(result: CohortResult, quality: { orders: FileQuality; tickets: FileQuality }) {
  return {
    cohort: result.cohort,
    followUp: result.followUp,
    groups: result.groups,
    comparisons: result.comparisons,
    headline: result.headline,
    censoring: result.censoring,
    resolutionRule: result.resolutionRule,
    cohortChoice: result.cohortChoice,
    problemWindow: result.problemWindow,
    dataRange: result.dataRange,
    counts: result.counts,
    options: result.options,
    dataQuality: { orders: quality.orders, tickets: quality.tickets },
  };
}
