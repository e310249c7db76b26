/**
 * The typed result of the satisfaction-slices analysis (`slices --json`, report sections).
 *
 * Field order in these interfaces is the field order of the JSON (objects are built in this
 * order), so `slices --json` reads overall → dimensions → tests → findings.
 */
export { DIMENSIONS, type Dimension, type SliceCounts } from '../model/sliceTable.js';
import type { Dimension } from '../model/sliceTable.js';

/** Dimensions read from a ticket column of the same name (hour and weekday come from created_at). */
export const COLUMN_DIMENSIONS = ['reason', 'channel', 'agent'] as const;

/** The key of tickets whose reason/channel/agent cell is empty while the column exists. */
export const NONE_KEY = '(none)';

/** Volume, satisfaction and operational measures of any set of tickets. */
export interface SliceStats {
  tickets: number;
  rated: number;
  satisfied: number;
  /** satisfied ÷ rated; null when nothing is rated. */
  csat: number | null;
  /** 95% Wilson score interval; null when nothing is rated. */
  ci95: [number, number] | null;
  /** Mean numeric score (1–5 scales only); null when no numeric scores. */
  meanScore: number | null;
  /** Operational columns, null when the column is absent or the tickets have no values. */
  medianWaitSeconds: number | null;
  /** Share of tickets with a transfers value that were transferred at least once. */
  transferRate: number | null;
  /** Share of tickets with a reopens value that were reopened at least once. */
  reopenRate: number | null;
  /** Share resolved on first contact (first_contact_resolved flag, else contacts = 1). */
  fcrRate: number | null;
}

export interface SliceRow {
  key: string;
  tickets: number;
  /** tickets ÷ all tickets. */
  share: number;
  rated: number;
  satisfied: number;
  csat: number | null;
  ci95: [number, number] | null;
  meanScore: number | null;
  /** Two-sided two-proportion z-test vs all other rated tickets; null when untestable. */
  p: number | null;
  /** p adjusted with Benjamini–Hochberg across the dimension's slices that have rated tickets. */
  adjP: number | null;
  /** adjP < 0.05 and rated ≥ minRated; direction from the slice's CSAT vs the other tickets'. */
  flag: 'low' | 'high' | null;
  medianWaitSeconds: number | null;
  transferRate: number | null;
  reopenRate: number | null;
  fcrRate: number | null;
}

export interface IndependenceTest {
  chi2: number;
  df: number;
  p: number;
}

export interface Finding {
  dimension: Dimension;
  /** Keys merged into this finding (adjacent low hours become one band). */
  keys: string[];
  /** Human label: "16:00–19:59", "Mon", "order status". */
  label: string;
  tickets: number;
  rated: number;
  satisfied: number;
  /** Recomputed over all tickets of the merged keys. */
  csat: number;
  ci95: [number, number];
  overallCsat: number;
  /** rated × (overall CSAT − slice CSAT): satisfied tickets the slice falls short by. */
  shortfall: number;
  /** The largest adjusted p among the merged keys (each key is significant on its own). */
  adjP: number;
  sentence: string;
}

/** One weekday × hour cell, for the heatmap; only cells with at least one ticket are listed. */
export interface HeatCell {
  weekday: string;
  hour: string;
  tickets: number;
  rated: number;
  satisfied: number;
  csat: number | null;
}

export interface SliceOptions {
  /** Dimensions to slice by, in any order; null = every dimension whose column is present. */
  by: Dimension[] | null;
  /** A slice needs this many rated tickets to be flagged. */
  minRated: number;
  /** Tables and charts show this many reason, channel and agent slices, then "other (K labels)" (see sliceTop.ts). */
  top?: number;
}

export const DEFAULT_TOP = 25;

export const DEFAULT_SLICE_OPTIONS: Required<Omit<SliceOptions, 'by'>> & SliceOptions = { by: null, minRated: 30, top: DEFAULT_TOP };

export interface SliceResult {
  options: { by: Dimension[]; minRated: number; top: number };
  overall: SliceStats;
  /** In DIMENSIONS order. */
  dimensions: Partial<Record<Dimension, SliceRow[]>>;
  /** Chi-square test of independence (satisfied × slice); null when untestable. */
  tests: Partial<Record<Dimension, IndependenceTest | null>>;
  /** Flagged-low slices, largest shortfall first: the first is what to fix first. */
  findings: Finding[];
  /** One sentence: what to fix first, or that nothing differs significantly. */
  headline: string;
  heatmap: HeatCell[];
}

