/**
 * The typed result of the satisfaction-slices analysis (`slices --json`, report sections).
 */
export const DIMENSIONS = ['hour', 'weekday', 'reason', 'channel', 'agent'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export interface SliceRow {
  key: string;
  tickets: number;
  share: number;
  rated: number;
  satisfied: number;
  /** satisfied ÷ rated; null when nothing is rated. */
  csat: number | null;
  /** 95% Wilson score interval; null when nothing is rated. */
  ci95: [number, number] | null;
  /** Mean numeric score (1–5 scales only); null when no numeric scores. */
  meanScore: number | null;
  /** Two-proportion z-test vs all other rated tickets, Benjamini–Hochberg adjusted within the dimension. */
  p: number | null;
  adjP: number | null;
  flag: 'low' | 'high' | null;
  /** Operational columns, null when the column is absent or the slice has no values. */
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
  rated: number;
  csat: number;
  overallCsat: number;
  /** rated × (overall CSAT − slice CSAT): satisfied tickets the slice falls short by. */
  shortfall: number;
  adjP: number;
  sentence: string;
}

export interface SliceOptions {
  by: Dimension[] | null;
  minRated: number;
}

export const DEFAULT_SLICE_OPTIONS: SliceOptions = { by: null, minRated: 30 };

export interface SliceResult {
  options: SliceOptions;
  overall: { tickets: number; rated: number; satisfied: number; csat: number | null };
  dimensions: Partial<Record<Dimension, SliceRow[]>>;
  tests: Partial<Record<Dimension, IndependenceTest | null>>;
  findings: Finding[];
}
