/** What the weekly trends report (src/analysis/weeklyTrends.ts), as data: read by the sentences, summary.json and the report. */

/** One week's counts: also what summary.json stores as `trends.week` for next week's report. */
export interface WeekCounts {
  label: string;
  /** ISO dates, Monday and Sunday, inclusive. */
  start: string;
  end: string;
  tickets: number;
  rated: number;
  satisfied: number;
  /** satisfied ÷ rated; null when nothing is rated. */
  csat: number | null;
  /** Every reason of the week, tickets descending then reason; an empty reason is '(none)'. */
  reasons: { reason: string; tickets: number }[];
}

export interface ReasonTrend {
  reason: string;
  thisWeek: number;
  previousWeek: number;
  change: number;
  /** change ÷ previousWeek as a fraction (0.25 = +25%; format with signedPct); null when previousWeek is 0. */
  changePct: number | null;
}

export interface VolumeTrend {
  thisWeek: number;
  previousWeek: number;
  change: number;
  /** A fraction, as in ReasonTrend; null when the previous week had no tickets. */
  changePct: number | null;
  /** Exact two-sided Poisson test of equal weekly rates (src/stats/poissonCountTest.ts); null when both are 0. */
  p: number | null;
  significant: boolean | null;
}

export interface CsatTrend {
  thisWeek: number | null;
  previousWeek: number | null;
  /** (this − previous) × 100; null unless both weeks have rated tickets. */
  changePoints: number | null;
  /** Two-sided pooled two-proportion z-test; null when a week has no rated tickets or all outcomes agree. */
  p: number | null;
  /** p < 0.05; null when p is. */
  significant: boolean | null;
  sentence: string;
}

export interface WeeklyTrends {
  week: WeekCounts;
  previous: WeekCounts;
  previousSource: 'computed' | 'compare-to';
  /** The five most frequent reasons of this week (ties by name), each with last week's count. */
  topReasons: ReasonTrend[];
  csat: CsatTrend;
  volume: VolumeTrend;
  volumeSentence: string;
}

/** How many reasons topReasons lists. */
export const TOP_REASONS = 5;
