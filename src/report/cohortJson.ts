import type { AdjustedAnalysis } from '../analysis/adjustedResult.js';
import type { CohortResult, FollowUpGroup, GroupStats, ProactiveFollowUp } from '../analysis/cohortResult.js';
import type { FileQuality } from '../ingest/records.js';
import { GROUPS, type Group } from '../model/groups.js';

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
    ...adjustedJson(result.adjustment),
    ...(result.monthly === undefined ? {} : { monthly: result.monthly }),
  };
}

/**
 * The adjusted comparison's fields, after every earlier field so those stay as they were:
 * baseline, preWindow, adjusted, diffInDiff, stratified, revenueAtStake, repurchase (the
 * curves themselves go to the chart, not here).
 */
function adjustedJson(a: AdjustedAnalysis | undefined) {
  if (a === undefined) return {};
  return {
    baseline: a.baseline,
    preWindow: a.preWindow,
    adjusted: a.adjusted,
    diffInDiff: a.diffInDiff,
    stratified: a.stratified,
    revenueAtStake: a.revenueAtStake,
    repurchase: a.repurchase === null ? null : { groups: a.repurchase.groups, logRank: a.repurchase.logRank },
    adjustmentCaveats: a.caveats,
  };
}

/** `proactiveFollowUp` as the contract names it: {with, without, difference, ci95, p, adjusted}. */
function followUpJson(f: ProactiveFollowUp) {
  const side = ({ customers, meanSpend, repeatRate, csat }: FollowUpGroup) => ({ customers, meanSpend, repeatRate, csat });
  const raw = f.rawDifference === undefined ? {} : { raw: { difference: f.rawDifference, ci95: f.rawCi95 ?? null, p: f.rawP ?? null } };
  return { with: side(f.with), without: side(f.without), difference: f.difference, ci95: f.ci95, p: f.p, adjusted: f.adjusted, ...raw, ...(f.covariates ? { covariates: f.covariates } : {}) };
}
