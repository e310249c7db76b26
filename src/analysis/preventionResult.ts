/**
 * The typed result of the prevention analysis (`loyalty prevention`, and the Prevention section
 * of `report`): weekly contact rates, last week's top reasons, root causes and the measured
 * effect of each fix. Relative changes are fractions (−0.28 = 28% fewer); dates ISO.
 */
export const ROOT_CAUSE_CATEGORIES = ['explanation', 'customer-mistake', 'process', 'tooling', 'other'] as const;
export type RootCauseCategory = (typeof ROOT_CAUSE_CATEGORIES)[number];
/** Reasons the config does not map are listed under this category. */
export const UNMAPPED = 'unmapped';

/** One fix to evaluate: --change "REASON@YYYY-MM-DD". */
export interface ChangeSpec {
  reason: string;
  /** ISO day the fix went live. */
  date: string;
}

export interface PreventionOptions {
  changes: ChangeSpec[];
  /** --cost-per-contact, in the data's currency; null when not given. */
  costPerContact: number | null;
  /** Reason → category, from "rootCauses" in the config. */
  rootCauses: Record<string, RootCauseCategory>;
}

export const DEFAULT_PREVENTION_OPTIONS: PreventionOptions = { changes: [], costPerContact: null, rootCauses: {} };

/** Contacts per 100 counted orders, or tickets per week when there is no orders file. */
export type Denominator = 'orders' | 'tickets';

export interface WeekRate {
  /** ISO week, "2014-W07". */
  week: string;
  /** Counted orders that week; null without an orders file. */
  orders: number | null;
  contacts: number;
  /** contacts ÷ orders × 100, or contacts without orders; null when the week has no counted order. */
  rate: number | null;
}

export interface ReasonWeeks {
  key: string;
  weeks: WeekRate[];
}

export interface TopReason {
  key: string;
  /** Last week's contacts and rate. */
  contacts: number;
  rate: number | null;
  /** rate ÷ previous weeks' mean rate − 1; null when there is no earlier week or it had no contact. */
  change: number | null;
  /** Exact Poisson test of last week's rate against the previous weeks' (exposure: orders or weeks). */
  p: number | null;
  /** The previous weeks' mean rate (orders-weighted) and how many weeks it spans (up to 4). */
  previousRate: number | null;
  previousWeeks: number;
}

export interface RootCauseRow {
  category: RootCauseCategory | typeof UNMAPPED;
  /** Its reasons, most contacts first. */
  reasons: string[];
  contacts: number;
  /** Of all contacts in the analysed weeks. */
  share: number;
  /** satisfied ÷ rated; null when nothing is rated. */
  csat: number | null;
}

export interface ChangeEffect {
  reason: string;
  date: string;
  /** exp(δ) − 1: the change of the reason's contact rate relative to the other reasons. */
  relativeChange: number | null;
  ci95: [number, number] | null;
  p: number | null;
  /** Expected − observed contacts of the reason over the after period (negative: more contacts). */
  avoided: number | null;
  /** avoided × --cost-per-contact; null without the flag. */
  cost: number | null;
  /** CSAT of the reason after minus before (a fraction), with Newcombe's 95% interval. */
  csatChange: number | null;
  csatCi95: [number, number] | null;
  /** Full ISO weeks before and after the change (the week the date falls in is left out unless the date is its Monday). */
  beforeWeeks: number;
  afterWeeks: number;
  /** Contacts of the reason and of the other reasons, before and after. */
  counts: { reasonBefore: number; reasonAfter: number; othersBefore: number; othersAfter: number };
  /** Pearson χ²/df of the week-effects model, ≥ 1: the factor the variance was scaled by. */
  dispersion: number | null;
  /** Why the estimate is not to be read as settled, or null. */
  caveat: 'after-too-short' | 'no-after-week' | 'no-contacts' | null;
}

export interface PreventionResult {
  denominator: Denominator;
  /** First and last analysed ISO week (the weeks the tickets span). */
  firstWeek: string;
  lastWeek: string;
  weeks: WeekRate[];
  reasons: ReasonWeeks[];
  top: TopReason[];
  rootCauses: RootCauseRow[];
  /** Reasons the config does not map, most contacts first (also the reasons of the "unmapped" row). */
  unmapped: string[];
  changes: ChangeEffect[];
  options: PreventionOptions;
  /** ISO code of the orders' amounts (the cost's currency); null when none is named or no orders. */
  currency: string | null;
}
