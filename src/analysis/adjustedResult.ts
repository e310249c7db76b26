import type { Group } from '../model/groups.js';

/**
 * The confounder-adjusted part of the cohort result: what `cohort --json` adds (baseline,
 * preWindow, adjusted, diffInDiff, stratified, revenueAtStake, repurchase) and what the
 * reports render beside the raw gaps. Money is in the data's currency units, unrounded;
 * every statistic that cannot be computed is null, never NaN.
 */
export interface GapEstimate {
  a: Group;
  b: Group;
  difference: number | null;
  ci95: [number, number] | null;
  p: number | null;
}

export interface AdjustedRegression {
  /** Regressors kept besides the intercept, in model order. */
  covariates: string[];
  /** Regressors left out as constant or exactly collinear. */
  dropped: string[];
  n: number;
  /** Coefficients estimated, the intercept included (0 when no regression was possible). */
  k: number;
  comparisons: GapEstimate[];
}

export interface RepurchaseGroup {
  events: number;
  censored: number;
  medianDays: number | null;
  ci95: [number | null, number | null];
}

/** One group's Kaplan–Meier curve for the chart: days since the follow-up start. */
export interface RepurchaseCurvePoint {
  day: number;
  /** Share of the group not yet back: 1 − share repurchased. */
  survival: number;
  lower: number | null;
  upper: number | null;
}

export interface RepurchaseResult {
  groups: Record<Group, RepurchaseGroup>;
  logRank: { chi2: number; df: number; p: number } | null;
  /** Not in the JSON contract: the curves behind the chart. */
  curves: Record<Group, RepurchaseCurvePoint[]>;
  /** Days from the follow-up start to the last counted order date (the censoring time). */
  observedDays: number;
}

export interface RevenueAtStake {
  /** Unresolved members whose problems the figure is about. */
  customers: number;
  /** Adjusted resolved − unresolved later spend per customer. */
  perCustomer: number | null;
  total: number | null;
  ci95: [number, number] | null;
  /** ISO code of the data's currency; null when the amounts name none. */
  currency: string | null;
}

export interface AdjustedAnalysis {
  baseline: { start: string; end: string };
  preWindow: { start: string; end: string };
  /** Raw gaps of mean later spend with Welch intervals, for the side-by-side table. */
  raw: GapEstimate[];
  adjusted: AdjustedRegression;
  diffInDiff: { comparisons: GapEstimate[] };
  stratified: { comparisons: { a: Group; b: Group; difference: number | null }[] };
  revenueAtStake: RevenueAtStake;
  repurchase: RepurchaseResult | null;
  /** What limits these numbers: unknown history, tiny groups, dropped covariates. */
  caveats: string[];
}

/** One monthly cohort's resolved − unresolved gap in later spend, raw (Welch) and adjusted (OLS, HC3). */
export interface MonthlyCohort {
  cohort: { start: string; end: string };
  /** The whole follow-up window is inside the data; incomplete months get no gaps. */
  complete: boolean;
  members: number;
  raw: GapEstimate | null;
  adjusted: GapEstimate | null;
}

export interface MonthlyCohorts {
  months: MonthlyCohort[];
  /**
   * Inverse-variance weighted slope of the adjusted gap per month (fixed-effect
   * meta-regression): `worsening` when significantly growing (leaving a problem unresolved
   * costs more each month), `improving` when significantly shrinking, else `stable`. Null
   * with fewer than 3 months that have an adjusted interval.
   */
  trend: { slope: number; ci95: [number, number]; p: number; direction: 'stable' | 'improving' | 'worsening'; months: number } | null;
}
