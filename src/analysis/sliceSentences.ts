import { count, pValue } from '../numberText.js';
import { NONE_KEY, type Dimension } from './sliceResult.js';

/**
 * The plain-language sentences of the slices analysis. Kept apart from the ranking so the
 * wording can change without touching the statistics.
 */

/** "Tickets opened 16:00–19:59", "Contacts about order status", … (sentence-initial). */
export function sliceSubject(dimension: Dimension, label: string): string {
  const none = label === NONE_KEY;
  switch (dimension) {
    case 'hour':
      return `Tickets opened ${label}`;
    case 'weekday':
      return `Tickets opened on ${label}`;
    case 'reason':
      return none ? 'Contacts with no reason' : `Contacts about ${label}`;
    case 'channel':
      return none ? 'Contacts with no channel' : `Contacts via ${label}`;
    case 'agent':
      return none ? 'Tickets with no agent' : `Tickets handled by ${label}`;
  }
}

export interface SentenceNumbers {
  csat: number;
  ci95: [number, number];
  overallCsat: number;
  rated: number;
  adjP: number;
  /** Number of hours merged into a band (1 for any other slice). */
  merged: number;
}

/**
 * "Tickets opened 16:00–19:59 have 61% CSAT (95% CI 57–65%) vs 84% overall (412 rated;
 * adjusted p < 0.001 in each hour)." A merged band reports its pooled numbers and the
 * largest of its hours' adjusted p-values, since each hour was tested on its own.
 */
export function findingSentence(subject: string, n: SentenceNumbers): string {
  const digits = wholePercent(n.csat) === wholePercent(n.overallCsat) ? 1 : 0;
  const ci = `95% CI ${percentNumber(n.ci95[0], digits)}–${percentNumber(n.ci95[1], digits)}%`;
  const p = pValue(n.adjP);
  const pText = p.startsWith('<') ? `p < ${p.slice(1)}` : n.merged > 1 ? `p ≤ ${p}` : `p = ${p}`;
  const where = n.merged > 1 ? ' in each hour' : '';
  return (
    `${subject} have ${percent(n.csat, digits)} CSAT (${ci}) vs ${percent(n.overallCsat, digits)} overall ` +
    `(${count(n.rated)} rated; adjusted ${pText}${where}).`
  );
}

/** The first finding, as what to fix first. */
export function fixFirstSentence(subject: string, shortfall: number): string {
  const short = Math.round(shortfall);
  const lowered = subject.charAt(0).toLowerCase() + subject.slice(1);
  return (
    `Fix first: ${lowered}, which fall ${count(short)} satisfied ${short === 1 ? 'ticket' : 'tickets'} ` +
    'short of the overall CSAT.'
  );
}

export function nothingFlaggedSentence(overallCsat: number | null, rated: number): string {
  if (overallCsat === null) return 'No ticket has a satisfaction score, so there is no CSAT to compare slices on.';
  return `No slice differs significantly from the overall CSAT of ${percent(overallCsat, 0)} (n = ${count(rated)} rated).`;
}

function wholePercent(x: number): string {
  return (x * 100).toFixed(0);
}

function percentNumber(x: number, digits: number): string {
  return (x * 100).toFixed(digits);
}

function percent(x: number, digits: number): string {
  return `${percentNumber(x, digits)}%`;
}
