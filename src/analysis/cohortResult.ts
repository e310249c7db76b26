/**
 * The typed result of the cohort analysis: what `cohort --json` prints (together with
 * dataQuality) and what every report renders. Dates are ISO `YYYY-MM-DD`, windows inclusive.
 */
import type { ResolutionRule } from '../model/customerFacts.js';
import type { Group } from '../model/groups.js';
import type { AdjustedAnalysis, MonthlyCohorts } from './adjustedResult.js';

export interface GroupStats {
  customers: number;
  /** All statistics are null (never NaN) when the group is empty. */
  meanSpend: number | null;
  medianSpend: number | null;
  /** Share of members with ≥1 counted order in the follow-up window. */
  repeatRate: number | null;
  /** Null when the sum overflows double precision (as every statistic that cannot be computed). */
  totalSpend: number | null;
  /** Mean spend inside the cohort window: were the groups alike before the problem? */
  baselineMeanSpend: number | null;
  /** Seeded percentile-bootstrap 95% interval of meanSpend. */
  ci95: [number, number] | null;
  /** meanSpend / no_problem.meanSpend − 1; null for no_problem itself or when undefined. */
  liftVsNoProblem: number | null;
}

export interface Comparison {
  a: Group;
  b: Group;
  /** meanA / meanB − 1. */
  lift: number | null;
  welchP: number | null;
  mannWhitneyP: number | null;
}

export interface Censoring {
  /** Last counted order date in the data. */
  dataEnd: string;
  /** Days of the follow-up window after dataEnd (spend there is unobserved). */
  missingDays: number;
}

export type { ResolutionRule };

export interface CohortOptions {
  /** 'YYYY-MM' or 'YYYY-MM-DD..YYYY-MM-DD'; null = latest month with a complete follow-up. */
  cohort: string | null;
  follow: string;
  grace: string;
  seed: number;
  bootstrap: number;
  /** Length of the baseline window before the cohort (`12m`, `365d`); absent = DEFAULT_BASELINE. */
  baseline?: string;
}

export const DEFAULT_BASELINE = '12m';

export const DEFAULT_COHORT_OPTIONS: CohortOptions = {
  cohort: null,
  follow: '3m',
  grace: '14d',
  seed: 1,
  bootstrap: 2000,
};

/** One side of the proactive follow-up comparison (resolved members only). */
export interface FollowUpGroup {
  customers: number;
  meanSpend: number | null;
  repeatRate: number | null;
  /** satisfied ÷ rated over these members' problem tickets; null when none is rated. */
  csat: number | null;
  rated: number;
}

/** Resolved members with a proactive follow-up against those without (tickets' follow_up column). */
export interface ProactiveFollowUp {
  with: FollowUpGroup;
  without: FollowUpGroup;
  /**
   * Later spend with − without: adjusted (OLS with HC3, the covariates below) when `adjusted`,
   * else the raw Welch difference; 95% interval and two-sided p; null when not computable.
   */
  difference: number | null;
  ci95: [number, number] | null;
  p: number | null;
  /** true: regression-adjusted (followUpAdjustment.ts); false: raw Welch only. */
  adjusted: boolean;
  /** The raw Welch difference of means, its interval and p, whatever `adjusted` says. */
  rawDifference?: number | null;
  rawCi95?: [number, number] | null;
  rawP?: number | null;
  /** The covariates the adjusted difference holds fixed. */
  covariates?: string[];
}

export interface CohortResult {
  cohort: { start: string; end: string };
  /** How the cohort window was picked: --cohort, or the default rule (see cohortWindow.ts). */
  cohortChoice: 'given' | 'latest-complete' | 'earliest-partial';
  /** First and last counted order date in the data. */
  dataRange: { start: string; end: string };
  followUp: { start: string; end: string };
  /** Ticket window for problem tickets: cohort start through cohort end + grace. */
  problemWindow: { start: string; end: string };
  options: CohortOptions;
  resolutionRule: ResolutionRule;
  /** Set when the data ends before the follow-up window does: the comparison is partial. */
  censoring: Censoring | null;
  /** ISO code of every money figure (the orders' currency), null when the data names none. */
  currency: string | null;
  groups: Record<Group, GroupStats>;
  comparisons: Comparison[];
  /** One plain sentence, uncertainty included. */
  headline: string;
  /** Members' problem tickets that could not be linked etc., for the method section. */
  counts: {
    members: number;
    problemTickets: number;
    linkedByOrderId: number;
    /** Members' tickets dated in the problem window but about an order outside the cohort window. */
    excludedByOrderId: number;
  };
  /** Present only when the tickets have a follow_up column. */
  proactiveFollowUp?: ProactiveFollowUp;
  /** The confounder-adjusted comparison, revenue at stake and repurchase curves (absent in hand-built results). */
  adjustment?: AdjustedAnalysis;
  /** With a month range (--cohort 2014-01..2014-06): each complete month's gaps and their trend. */
  monthly?: MonthlyCohorts;
}
