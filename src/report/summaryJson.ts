import { DEFAULT_TOP } from '../analysis/sliceResult.js';
import type { CohortResult } from '../analysis/cohortResult.js';
import type { ReportScope } from '../analysis/reportScope.js';
import type { SliceResult } from '../analysis/sliceResult.js';
import type { DriversResult } from '../analysis/driversResult.js';
import { driversJson } from './driversJson.js';
import type { WeeklyTrends } from '../analysis/weeklyTrends.js';
import type { FileQuality } from '../ingest/records.js';
import { cohortJson } from './cohortJson.js';
import { slicesJson } from './slicesJson.js';
import type { PreventionResult } from '../analysis/preventionResult.js';
import { preventionJson } from './preventionJson.js';
import type { NotComputed } from './notComputed.js';

/**
 * summary.json: the machine-readable report. `cohort` is exactly the `cohort --json` document
 * and `slices` the `slices --json` document of the same data (`drivers` the `drivers --json` one), `trends` the weekly trends (its
 * `trends.week` is what next week's `--compare-to` reads back), `checks` the --fail-on rules
 * as evaluated. Serialise with stableJson; no run date unless --as-of gave one.
 */
export interface SummaryInput {
  title: string;
  theme: string;
  scope: ReportScope;
  cohort: CohortResult | null;
  cohortProblem: string | null;
  slices: SliceResult | null;
  /** The drivers analysis of the same tickets; null (or absent) when there is no slices analysis. */
  drivers?: DriversResult | null;
  quality: { orders: FileQuality; tickets: FileQuality };
  trends: WeeklyTrends | null;
  checks: readonly { rule: string; value: number | null; fired: boolean; message: string }[];
  /** File stems of the charts written next to it. */
  charts: string[];
  /** `prevention --json` of the same data, without its dataQuality (the report's files are above). */
  prevention?: PreventionResult | null;
  /** The sections the inputs could not give, with why: under report.notComputed, the sections null. */
  notComputed?: NotComputed;
}

export function summaryJson(input: SummaryInput) {
  const { scope } = input;
  return {
    report: {
      title: input.title,
      week: scope.week,
      previousWeek: scope.previousWeek,
      asOf: scope.asOf,
      ticketPeriod: scope.ticketPeriod,
      leftOut: { laterOrders: scope.laterOrders, laterTickets: scope.laterTickets },
      cohortProblem: input.cohortProblem,
      theme: input.theme,
      charts: input.charts,
      ...(input.notComputed === undefined ? {} : { notComputed: input.notComputed }),
    },
    cohort: input.cohort === null ? null : cohortJson(input.cohort, input.quality),
    slices: input.slices === null ? null : slicesJson(input.slices, input.quality.tickets),
    drivers: input.drivers ? driversJson(input.drivers, input.quality.tickets) : null,
    trends: input.trends,
    checks: input.checks,
    ...(input.prevention === undefined && input.notComputed?.prevention === undefined ? {} : { prevention: input.prevention == null ? null : boundedPrevention(withoutQuality(preventionJson(input.prevention, input.quality))) }),
  };
}

function withoutQuality<T extends { dataQuality: unknown }>(doc: T): Omit<T, 'dataQuality'> {
  const { dataQuality: _, ...rest } = doc;
  return rest;
}

/**
 * The prevention document in summary.json, bounded like the report's tables: the weekly series
 * of the DEFAULT_TOP reasons with the most contacts (`reasonsLeftOut` counts the rest), and the
 * first DEFAULT_TOP names of each reason list. With 100,000 distinct reasons the whole series
 * was 36 MB of a summary that must stay readable; `loyalty prevention --json` keeps everything.
 */
function boundedPrevention<T extends { reasons: { key: string; weeks: { contacts: number }[] }[]; rootCauses: { reasons: string[] }[]; unmapped: string[] }>(doc: T): T & { reasonsLeftOut: number; unmappedLeftOut: number } {
  const total = (r: T['reasons'][number]) => r.weeks.reduce((s, w) => s + w.contacts, 0);
  const kept = new Set([...doc.reasons].sort((a, b) => total(b) - total(a) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).slice(0, DEFAULT_TOP));
  return {
    ...doc,
    reasons: doc.reasons.filter((r) => kept.has(r)),
    reasonsLeftOut: doc.reasons.length - kept.size,
    rootCauses: doc.rootCauses.map((c) => ({ ...c, reasons: c.reasons.slice(0, DEFAULT_TOP), reasonsLeftOut: Math.max(0, c.reasons.length - DEFAULT_TOP) })),
    unmapped: doc.unmapped.slice(0, DEFAULT_TOP),
    unmappedLeftOut: Math.max(0, doc.unmapped.length - DEFAULT_TOP),
  };
}
