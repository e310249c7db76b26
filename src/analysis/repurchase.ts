import { observedDays, type CustomerFactsTable } from '../model/customerFacts.js';
import { kaplanMeier } from '../stats/kaplanMeier.js';
import { logRank } from '../stats/logRank.js';
import { survivalMedian } from '../stats/survivalMedian.js';
import type { RepurchaseResult } from './adjustedResult.js';
import { groupRows } from './gapEstimates.js';
import { GROUPS, type Group } from '../model/groups.js';

/**
 * Repurchase curves: per group the Kaplan–Meier estimate of the share not yet back, days
 * from the follow-up start to the first purchase on or after it, censored at the last
 * counted order date (so the curve uses the data to the file's end, not only the follow-up
 * window). Medians with their intervals, and the log-rank test across the groups. Null when
 * the data ends before the follow-up starts (nothing observed).
 */
export function repurchaseCurves(facts: CustomerFactsTable): RepurchaseResult | null {
  const observed = observedDays(facts);
  if (observed < 0) return null;
  const rows = groupRows(facts);
  const samples = {} as Record<Group, { times: Float64Array; events: Uint8Array }>;
  for (const g of GROUPS) {
    const days = rows[g].map((m) => facts.daysToNextOrder[m]!);
    const times = new Float64Array(days.length);
    const events = new Uint8Array(days.length);
    for (let i = 0; i < days.length; i++) {
      const d = days[i]!;
      times[i] = Number.isNaN(d) ? observed : d;
      events[i] = Number.isNaN(d) ? 0 : 1;
    }
    samples[g] = { times, events };
  }
  const groups = {} as RepurchaseResult['groups'];
  const curves = {} as RepurchaseResult['curves'];
  for (const g of GROUPS) {
    const curve = kaplanMeier(samples[g].times, samples[g].events);
    const median = survivalMedian(curve);
    groups[g] = { events: curve.events, censored: curve.censored, medianDays: median.median, ci95: median.ci95 };
    curves[g] = curve.n === 0 ? [] : [{ day: 0, survival: 1, lower: 1, upper: 1 }, ...curve.steps.map((s) => ({ day: s.time, survival: s.survival, lower: s.lower, upper: s.upper }))];
  }
  const test = logRank(GROUPS.map((g) => samples[g]));
  return { groups, logRank: test === null ? null : { chi2: test.chi2, df: test.df, p: test.p }, curves, observedDays: observed };
}
