import { ALPHA, pText } from '../analysis/headline.js';
import type { ProactiveFollowUp } from '../analysis/cohortResult.js';
import { count, money, pct } from './format.js';

/** The caveat that goes with the comparison wherever it is shown. */
export const FOLLOW_UP_CAVEAT =
  'Follow-ups were not randomly assigned: agents choose whom to call back, so the gap mixes the effect of the call with who was called; adjusting for spend and orders before the problem evens out only what is measured, and unmeasured differences remain.';

/**
 * "Resolved customers with a proactive follow-up (120) spent $85.10 later, against $70.02
 * without (300): raw +$15.08 (95% CI −$2.10 to +$32.26; not significant, Welch p = 0.085);
 * adjusted for spend and orders before the problem +$12.40 (95% CI …; not significant, p = 0.16).
 * Repeat rate 62% vs 50%; CSAT 86% vs 74%."
 */
export function followUpSentence(f: ProactiveFollowUp, currency: string | null): string {
  const w = f.with;
  const wo = f.without;
  if (w.customers === 0 || wo.customers === 0) {
    const none = w.customers === 0 ? 'with a proactive follow-up' : 'without a proactive follow-up';
    return `No resolved customer ${none} in the cohort (${count(w.customers)} with, ${count(wo.customers)} without), so there is nothing to compare.`;
  }
  const spent = `Resolved customers with a proactive follow-up (${count(w.customers)}) spent ${money(w.meanSpend, currency)} later, against ${money(wo.meanSpend, currency)} without (${count(wo.customers)})`;
  const interval = (d: number, ci: [number, number], p: number, test: string) =>
    `${signedMoney(d, currency)} (95% CI ${signedMoney(ci[0], currency)} to ${signedMoney(ci[1], currency)}; ${p < ALPHA ? '' : 'not significant, '}${test} ${pText(p)})`;
  let gap: string;
  if (f.difference === null || f.ci95 === null || f.p === null) gap = 'too few customers to test the gap';
  else if (!f.adjusted) gap = `${interval(f.difference, f.ci95, f.p, 'Welch p')}, raw (not adjusted)`;
  else {
    const raw = f.rawDifference != null && f.rawCi95 != null && f.rawP != null ? `raw ${interval(f.rawDifference, f.rawCi95, f.rawP, 'Welch p')}; ` : '';
    gap = `${raw}adjusted for spend and orders before the problem ${interval(f.difference, f.ci95, f.p, 'p')}`;
  }
  return `${spent}: ${gap}. Repeat rate ${pct(w.repeatRate, 0)} vs ${pct(wo.repeatRate, 0)}; CSAT ${pct(w.csat, 0)} vs ${pct(wo.csat, 0)} (${count(w.rated)} and ${count(wo.rated)} rated problem tickets).`;
}

function signedMoney(x: number, currency: string | null): string {
  if (Number(Math.abs(x).toFixed(2)) === 0) return money(0, currency);
  return x > 0 ? `+${money(x, currency)}` : `−${money(-x, currency)}`;
}
