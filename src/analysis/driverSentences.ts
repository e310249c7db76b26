import type { Explainer, Factor } from './driversResult.js';

/**
 * The plain-language sentences of the drivers analysis. Numbers are CSAT points (a fraction
 * × 100), rounded to whole points; intervals are signed ("−2 to +4") so a reader sees at once
 * whether they cover zero.
 */

/** "16 points lower", "3 points higher", "0 points different". */
export function gapWords(gap: number): string {
  const n = Math.round(Math.abs(gap) * 100);
  const unit = n === 1 ? 'point' : 'points';
  if (n === 0) return `about the same (${signedPoints(gap, 1)} points)`;
  return `${n} ${unit} ${gap < 0 ? 'lower' : 'higher'}`;
}

/** "−2 to +4" (points). */
export function ciWords(ci: readonly [number, number]): string {
  return `${signedPoints(ci[0])} to ${signedPoints(ci[1])}`;
}

export function signedPoints(x: number, digits = 0): string {
  const v = Number((x * 100).toFixed(digits));
  if (v === 0) return (0).toFixed(digits);
  return `${v < 0 ? '−' : '+'}${Math.abs(v).toFixed(digits)}`;
}

/** "within each agent", "among tickets with similar waits", "with everything else held fixed". */
export function withinWords(by: Explainer): string {
  switch (by) {
    case 'wait':
      return 'among tickets with similar waits';
    case 'model':
      return 'with every other factor held fixed (full model)';
    default:
      return `within each ${by}`;
  }
}

/** What a factor stands for, with its JSON name: "who answers (agent)". */
export function causeWords(by: Explainer): string {
  switch (by) {
    case 'hour':
      return 'the hour the ticket was opened (hour)';
    case 'weekday':
      return 'the weekday (weekday)';
    case 'reason':
      return 'the contact reason (reason)';
    case 'channel':
      return 'the channel (channel)';
    case 'agent':
      return 'who answers (agent)';
    case 'wait':
      return 'how long customers waited (wait)';
    case 'model':
      return 'all factors together (full model)';
  }
}

/** "hour, weekday and wait". */
export function listWords(items: readonly (Factor | string)[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** A p-value as a sentence shows it: "p < 0.001", "p = 0.03". */
export function pWords(p: number): string {
  if (p < 0.001) return 'p < 0.001';
  return `p = ${p < 0.01 ? p.toFixed(3) : p.toFixed(2)}`;
}
