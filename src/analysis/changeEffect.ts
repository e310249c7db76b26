import { normalTwoSidedP } from '../stats/normal.js';
import { poissonRegression } from '../stats/poissonRegression.js';
import { proportionDifferenceCi } from '../stats/proportionDifferenceCi.js';
import { Z_95 } from '../stats/wilson.js';
import type { ContactWeeks } from './contactWeeks.js';
import type { ChangeEffect } from './preventionResult.js';
import type { Day } from '../model/time.js';

/** Fewer full weeks after the change than this, and the estimate carries a caveat. */
export const MIN_AFTER_WEEKS = 2;

/**
 * The effect of a fix to one contact reason, by difference in differences on the log weekly
 * contact rate with the other reasons (pooled) as control. The Poisson model
 *
 *   log E[contacts(g, w)] = log orders(w) + week(w) + reason(g) + δ · [g = changed, w after]
 *
 * has one effect per week, so whatever moves every reason alike (orders, season, a holiday)
 * cancels, as does the common denominator: the model is fitted on counts, week effects
 * absorbing log orders(w). exp(δ) is the changed reason's rate after ÷ before, relative to the
 * same ratio of the other reasons; with week effects its estimate equals that ratio of rate
 * ratios on the pooled counts (test/stats/poissonRegression.test.ts shows both).
 *
 * Weeks are full ISO weeks: the week the date falls in is left out unless the date is its
 * Monday (it is partly before and partly after). Extra-Poisson variation between weeks is
 * allowed for as in quasi-Poisson: the variance is scaled by the Pearson χ²/df of the model
 * when that exceeds 1. The 95% interval and p are Wald's on the log scale.
 *
 * Contacts avoided = expected − observed over the after weeks, the expected count being what
 * the reason would have had at its old rate relative to the others: observed · (1/exp(δ) − 1).
 * The CSAT change is the reason's own CSAT after minus before (not a difference in
 * differences), with Newcombe's interval.
 */
export function changeEffect(
  table: ContactWeeks,
  reasonIndex: number,
  changeDay: Day,
  date: string,
  costPerContact: number | null,
): ChangeEffect {
  const weeks = table.labels.length;
  const period = table.mondays.map((monday) => (monday >= changeDay ? 'after' : monday + 6 < changeDay ? 'before' : 'transition'));
  const treated = table.contacts[reasonIndex];
  const control = new Array<number>(weeks).fill(0);
  table.contacts.forEach((row, r) => {
    if (r !== reasonIndex) row.forEach((c, w) => (control[w] += c));
  });
  const sumOver = (v: number[], which: string) => v.reduce((s, c, w) => s + (period[w] === which ? c : 0), 0);
  const counts = {
    reasonBefore: sumOver(treated, 'before'),
    reasonAfter: sumOver(treated, 'after'),
    othersBefore: sumOver(control, 'before'),
    othersAfter: sumOver(control, 'after'),
  };
  const beforeWeeks = period.filter((p) => p === 'before').length;
  const afterWeeks = period.filter((p) => p === 'after').length;
  const csat = csatChange(table, reasonIndex, period);
  const base = {
    reason: table.reasons[reasonIndex],
    date,
    beforeWeeks,
    afterWeeks,
    counts,
    csatChange: csat?.difference ?? null,
    csatCi95: csat?.ci95 ?? null,
  };
  const none = { relativeChange: null, ci95: null, p: null, avoided: null, cost: null, dispersion: null };
  if (afterWeeks === 0) return { ...base, ...none, caveat: 'no-after-week' };
  if (Object.values(counts).some((c) => c === 0)) return { ...base, ...none, caveat: 'no-contacts' };

  const fit = fitWeekEffects(treated, control, period);
  if (fit === null) return { ...base, ...none, caveat: 'no-contacts' };
  const se = fit.se * Math.sqrt(fit.dispersion);
  const avoided = counts.reasonAfter * (Math.exp(-fit.delta) - 1);
  return {
    ...base,
    relativeChange: Math.exp(fit.delta) - 1,
    ci95: [Math.exp(fit.delta - Z_95 * se) - 1, Math.exp(fit.delta + Z_95 * se) - 1],
    p: normalTwoSidedP(fit.delta / se),
    avoided,
    cost: costPerContact === null ? null : avoided * costPerContact,
    dispersion: fit.dispersion,
    caveat: afterWeeks < MIN_AFTER_WEEKS ? 'after-too-short' : null,
  };
}

/** Fits the model over the before and after weeks with any contact; δ, its model SE and the dispersion. */
function fitWeekEffects(treated: number[], control: number[], period: string[]): { delta: number; se: number; dispersion: number } | null {
  const used = period.map((p, w) => (p !== 'transition' && treated[w] + control[w] > 0 ? w : -1)).filter((w) => w >= 0);
  const columns = used.length + 2;
  const y: number[] = [];
  const x: number[][] = [];
  used.forEach((w, i) => {
    for (const isTreated of [0, 1]) {
      const row = new Array<number>(columns).fill(0);
      row[i] = 1;
      row[used.length] = isTreated;
      row[used.length + 1] = isTreated && period[w] === 'after' ? 1 : 0;
      y.push(isTreated ? treated[w] : control[w]);
      x.push(row);
    }
  });
  const fit = poissonRegression(y, x);
  if (fit === null) return null;
  const dispersion = fit.df > 0 ? Math.max(1, fit.pearsonChi2 / fit.df) : 1;
  return { delta: fit.coefficients[columns - 1], se: fit.standardErrors[columns - 1], dispersion };
}

function csatChange(table: ContactWeeks, r: number, period: string[]): { difference: number; ci95: [number, number] } | null {
  const sum = (v: number[], which: string) => v.reduce((s, c, w) => s + (period[w] === which ? c : 0), 0);
  return proportionDifferenceCi(sum(table.satisfied[r], 'after'), sum(table.rated[r], 'after'), sum(table.satisfied[r], 'before'), sum(table.rated[r], 'before'));
}
