import type { Dimension } from './sliceResult.js';

/**
 * The typed result of the drivers analysis (`drivers --json`, the report's Drivers section).
 * Field order in these interfaces is the field order of the JSON.
 *
 * Gaps and effects are CSAT as fractions: −0.16 = 16 points lower.
 */

/** What a gap can be adjusted for: another dimension, or how long the customer waited. */
export type Factor = Dimension | 'wait';
/** A finding is explained by one factor, or only by the full model (all factors together). */
export type Explainer = Factor | 'model';

export const PATTERN_NAMES = ['wait', 'transferred', 'reopened', 'repeatContact', 'firstContactResolved'] as const;
export type PatternName = (typeof PATTERN_NAMES)[number];

/** The key of the level that pools every level with fewer than `minRated` rated tickets. */
export const POOLED_KEY = '(other)';

export interface FactorLevels {
  /** The level every other is compared with: the one with the most rated tickets. */
  reference: string;
  /** Every level in the model, reference included, in display order. */
  levels: string[];
}

export interface ModelSummary {
  /** Rated tickets the model was fitted on. */
  n: number;
  /** Per factor in the model: its reference and levels (factors with one level are left out). */
  levels: Partial<Record<Factor, FactorLevels>>;
  /** Rated tickets left out because a column the model uses is empty on them, by column. */
  dropped: { total: number; byColumn: Record<string, number> };
  /** Per factor: the original keys pooled into "(other)" (each had fewer than minRated rated). */
  pooled: Partial<Record<Factor, string[]>>;
  /** The 0/1 patterns in the model besides the factors. */
  flags: PatternName[];
  /** 'converged', or why the model has no numbers ('separation', 'singular', 'not converged'). */
  status: string;
  /** Plain-language caveat when the fit failed, or the model's columns that caused it. */
  caveat: string | null;
  /** Pairs of factors the data cannot tell apart (see collinearity in drivers.ts). */
  collinear: CollinearPair[];
}

export interface CollinearPair {
  a: Factor;
  b: Factor;
  cramersV: number;
  sentence: string;
}

export interface Effect {
  key: string;
  /** Average marginal effect vs the reference level, as a fraction of CSAT. */
  ame: number;
  ci95: [number, number];
  p: number;
  /** Benjamini–Hochberg across every level of every factor and every pattern. */
  adjP: number;
}

/** One adjustment of a finding's gap. */
export interface Check {
  /** The factor stratified by, or 'model' for the full logistic model. */
  by: Explainer;
  /** Adjusted gap (Mantel–Haenszel risk difference, or the model's average marginal effect). */
  gap: number | null;
  ci95: [number, number] | null;
  /** Mantel–Haenszel common odds ratio and its Robins–Breslow–Greenland interval (strata only). */
  oddsRatio: number | null;
  oddsRatioCi95: [number, number] | null;
  /** Cochran–Mantel–Haenszel test (strata) or the Wald test of the AME (model). */
  p: number | null;
  /** Share of the finding's rated tickets in strata that also hold other tickets. */
  overlap: number | null;
  cramersV: number | null;
  /** True when the data cannot separate the finding from this factor (no verdict from it). */
  inseparable: boolean;
  /** Why the check has no numbers, when it has none. */
  note: string | null;
}

export interface Explanation {
  finding: { dimension: Dimension; keys: string[] };
  label: string;
  /** CSAT of the finding's rated tickets minus CSAT of all other rated tickets. */
  rawGap: number;
  rawCi95: [number, number];
  /** The gap after the adjustment that explains it, or after the full model. */
  adjustedGap: number | null;
  ci95: [number, number] | null;
  explainedBy: Explainer | null;
  holds: boolean;
  /** Factors the data cannot separate the finding from. */
  inseparableFrom: Factor[];
  sentence: string;
  checks: Check[];
}

export interface PatternBand {
  key: string;
  share: number;
  effect: number;
  ci95: [number, number];
  p: number;
}

export interface Pattern {
  name: PatternName;
  /** What the pattern is, after "Tickets …": "transferred at least once". */
  label: string;
  /** Share of tickets (with a value for it) the pattern applies to. */
  share: number;
  /** Adjusted CSAT effect (average marginal effect, all else in the model as observed). */
  effect: number;
  ci95: [number, number];
  p: number;
  adjP: number;
  sentence: string;
  /** Wait only: each wait band vs the reference band. */
  bands?: PatternBand[];
}

export interface DriversOptions {
  minRated: number;
}

export const DEFAULT_DRIVERS_OPTIONS: DriversOptions = { minRated: 30 };

export interface DriversResult {
  options: DriversOptions & { dimensions: Dimension[] };
  rated: number;
  csat: number | null;
  model: ModelSummary;
  effects: Partial<Record<Dimension, Effect[]>>;
  explanations: Explanation[];
  patterns: Pattern[];
  headline: string;
}
