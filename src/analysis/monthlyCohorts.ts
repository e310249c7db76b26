import { DataError } from '../errors.js';
import type { LoadedOrders, LoadedTickets } from '../ingest/records.js';
import { studentTCritical } from '../stats/studentTQuantile.js';
import { weightedTrend } from '../stats/weightedTrend.js';
import { isoDay, lastOfMonth } from '../time/calendar.js';
import type { GapEstimate, MonthlyCohort, MonthlyCohorts } from './adjustedResult.js';
import type { CohortOptions } from './cohortResult.js';
import { cohortAnalysis } from './cohorts.js';
import { countedOrderSpan } from './cohortWindow.js';
import { followUpWindow, parseCohortSpans } from './windows.js';
import type { Day } from '../model/time.js';

/**
 * `--cohort 2014-01..2014-06`: the cohort analysis run for every month of the range on its
 * own (bootstrap skipped: only the gaps are used), complete months only, and the trend of the
 * adjusted resolved − unresolved gap across them.
 */
export function monthlyCohorts(orders: LoadedOrders, tickets: LoadedTickets, options: CohortOptions, months: readonly Day[]): MonthlyCohorts {
  const { follow } = parseCohortSpans(options);
  const span = countedOrderSpan(orders.table);
  // Standard errors of the adjusted gaps, for the trend's weights: the half-width over t(n − k).
  const se: number[] = [];
  const rows: MonthlyCohort[] = months.map((month, i) => {
    const window = { start: month, end: lastOfMonth(month) };
    const cohort = { start: isoDay(window.start), end: isoDay(window.end) };
    const complete = span !== null && followUpWindow(window, follow).end <= span.last;
    if (!complete) return { cohort, complete, members: 0, raw: null, adjusted: null };
    try {
      const { result } = cohortAnalysis(orders, tickets, { ...options, cohort: cohort.start.slice(0, 7), bootstrap: 1 });
      const pick = (list: GapEstimate[]) => list.find((c) => c.a === 'resolved' && c.b === 'unresolved') ?? null;
      const fit = result.adjustment!.adjusted;
      const adjusted = pick(fit.comparisons);
      if (adjusted?.ci95 != null) se[i] = (adjusted.ci95[1] - adjusted.ci95[0]) / (2 * studentTCritical(0.05, fit.n - fit.k));
      return { cohort, complete, members: result.counts.members, raw: pick(result.adjustment!.raw), adjusted };
    } catch (e) {
      if (e instanceof DataError) return { cohort, complete, members: 0, raw: null, adjusted: null };
      throw e;
    }
  });
  const usable = rows.map((r, i) => ({ r, i })).filter(({ r }) => r.adjusted?.ci95 != null);
  const trend = weightedTrend(
    usable.map(({ i }) => i),
    usable.map(({ r }) => r.adjusted!.difference!),
    usable.map(({ i }) => se[i]!),
  );
  return {
    months: rows,
    trend:
      trend === null
        ? null
        : { slope: trend.slope, ci95: trend.ci95, p: trend.p, direction: trend.p >= 0.05 ? 'stable' : trend.slope > 0 ? 'worsening' : 'improving', months: usable.length },
  };
}
