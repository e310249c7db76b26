import { ALPHA, pText } from '../analysis/headline.js';
import { MIN_AFTER_WEEKS } from '../analysis/changeEffect.js';
import type { ChangeEffect, PreventionResult, TopReason } from '../analysis/preventionResult.js';
import { count, signedPct } from './format.js';
import { formatMoney } from '../money.js';

/**
 * The plain sentences of the prevention analysis. Every estimate carries its interval and p,
 * "not significant" in the same parentheses when p ≥ 0.05, and an estimate from fewer than
 * two weeks after a change is never stated as a finding. `name` renders a reason for the
 * output at hand (terminal or Markdown escaping).
 */
export function changeSentence(c: ChangeEffect, costPerContact: number | null, currency: string | null, name: (reason: string) => string = (r) => r): string {
  const subject = `${name(c.reason)}, changed ${c.date}`;
  if (c.caveat === 'no-after-week') {
    return `${subject}: no full week after the change yet, so there is nothing to measure; rerun once at least ${MIN_AFTER_WEEKS} full weeks are in.`;
  }
  if (c.relativeChange === null || c.ci95 === null || c.p === null) {
    return `${subject}: the effect cannot be estimated, because the reason or the other reasons have no contacts before or after the change.`;
  }
  const interval = `95% CI ${signedPct(c.ci95[0])} to ${signedPct(c.ci95[1])}`;
  const weeks = `${weeksText(c.beforeWeeks)} before, ${weeksText(c.afterWeeks)} after`;
  const estimate = `${signedPct(c.relativeChange)} contacts relative to the other reasons`;
  if (c.caveat === 'after-too-short') {
    return `${subject}: too early to tell. Only ${weeksText(c.afterWeeks)} after the change; the estimate so far is ${estimate} (${interval}, p ${pText(c.p)}), not a finding until at least ${MIN_AFTER_WEEKS} full weeks are in.`;
  }
  if (c.p >= ALPHA) {
    return `${subject}: no measurable effect, ${estimate} (${interval}; not significant, p ${pText(c.p)}; ${weeks}).`;
  }
  const verb = c.relativeChange < 0 ? 'fell' : 'rose';
  const size = Math.round(Math.abs(c.relativeChange) * 100);
  const avoided = c.avoided! >= 0 ? `about ${count(c.avoided!)} contacts avoided` : `about ${count(-c.avoided!)} more contacts than expected`;
  const cost = c.cost === null || costPerContact === null ? '' : `, ${c.cost >= 0 ? 'saving' : 'costing'} ${formatMoney(Math.abs(c.cost), currency)} at ${formatMoney(costPerContact, currency)} a contact`;
  return `${subject}: contacts ${verb} ${size}% relative to the other reasons (${interval}, p ${pText(c.p)}; ${weeks}): ${avoided} over the ${weeksText(c.afterWeeks)} after${cost}.`;
}

/** "CSAT of order status +8.0 points (95% CI +1.2 to +14.9)", or why there is none. */
export function csatChangeText(c: ChangeEffect): string {
  if (c.csatChange === null || c.csatCi95 === null) return 'no rated tickets of the reason before or after, so no CSAT change';
  const significant = c.csatCi95[0] > 0 || c.csatCi95[1] < 0;
  return `CSAT ${points(c.csatChange)} points (95% CI ${points(c.csatCi95[0])} to ${points(c.csatCi95[1])}${significant ? '' : '; not significant'})`;
}

/** "billing: 12 contacts, −52% vs the 4 weeks before (p = 0.013)". */
export function topSentence(t: TopReason, name: (reason: string) => string = (r) => r): string {
  const change = t.change === null ? 'no earlier week to compare with' : `${signedPct(t.change)} vs the ${weeksText(t.previousWeeks)} before`;
  const p = t.p === null ? '' : t.p < ALPHA ? ` (p ${pText(t.p)})` : ` (not significant, p ${pText(t.p)})`;
  return `${name(t.key)}: ${count(t.contacts)} contacts, ${change}${p}`;
}

/** The report chart's action title: the first change's finding, or the subject when there is none. */
export function preventionChartTitle(result: PreventionResult): string {
  const c = result.changes[0];
  if (c === undefined) return `Weekly contact rate by reason, ${result.firstWeek} to ${result.lastWeek}`;
  const subject = `${c.reason}, changed ${c.date}`;
  if (c.relativeChange === null || c.ci95 === null || c.p === null) return `${subject}: no estimate`;
  const estimate = `${signedPct(c.relativeChange)} contacts vs other reasons (95% CI ${signedPct(c.ci95[0])} to ${signedPct(c.ci95[1])})`;
  if (c.caveat === 'after-too-short') return `${subject}: too early to tell, ${estimate}`;
  return `${subject}: ${estimate}${c.p >= ALPHA ? ', not significant' : ''}`;
}

export function rateUnit(result: PreventionResult): string {
  return result.denominator === 'orders' ? 'contacts per 100 orders' : 'tickets per week';
}

export function weeksText(n: number): string {
  return `${n} ${n === 1 ? 'week' : 'weeks'}`;
}

function points(fraction: number): string {
  const v = (fraction * 100).toFixed(1);
  if (Number(v) === 0) return '0.0';
  return fraction > 0 ? `+${v}` : `−${v.slice(1)}`;
}
