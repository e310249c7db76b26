import { count, money } from '../report/format.js';
import type { Censoring, Comparison, Group, GroupStats } from './cohortResult.js';

/** Below this Welch p-value a gap is called significant; the headline says which side it is on. */
export const ALPHA = 0.05;

/**
 * The one-sentence answer, built from the numbers only. Every gap carries its Welch p-value
 * and, when p ≥ 0.05, the words "not significant" in the same parentheses; a lower mean is
 * written as "less". Resolved customers are the subject when there are any (the question is
 * what a resolution is worth); otherwise the unresolved ones are.
 *
 * @example
 * // "Customers whose problem was resolved spent 6% more than those with no problem
 * //  (not significant, Welch p = 0.41), and 430% more than those left unresolved (p < 0.001)."
 */
export function cohortHeadline(
  groups: Record<Group, GroupStats>,
  comparisons: readonly Comparison[],
  censoring: Censoring | null,
): string {
  const n = (g: Group) => groups[g].customers;
  const find = (a: Group, b: Group) => comparisons.find((c) => c.a === a && c.b === b)!;
  const gap = (a: Group, b: Group, first: boolean) => gapPhrase(groups[a], groups[b], find(a, b), THOSE[b], first);
  const members = n('no_problem') + n('resolved') + n('unresolved');

  let sentence: string;
  if (n('resolved') === 0 && n('unresolved') === 0) {
    sentence = `No cohort member had a problem ticket, so there is nothing to compare; the ${count(members)} members spent ${money(groups.no_problem.meanSpend)} on average in the follow-up`;
  } else if (n('resolved') > 0) {
    const against: string[] = [];
    if (n('no_problem') > 0) against.push(gap('resolved', 'no_problem', true));
    if (n('unresolved') > 0) against.push(gap('resolved', 'unresolved', against.length === 0));
    sentence = `Customers whose problem was resolved spent ${against.join(', and ')}`;
    if (against.length === 1) sentence += n('no_problem') === 0 ? '; every member had a problem ticket' : '; no member was left unresolved';
    else if (against.length === 0) sentence = `All ${count(members)} members had a problem and every one was resolved; they spent ${money(groups.resolved.meanSpend)} on average in the follow-up, with no other group to compare`;
  } else if (n('no_problem') > 0) {
    sentence = `No member's problem was resolved; customers left unresolved spent ${gap('unresolved', 'no_problem', true)}`;
  } else {
    sentence = `All ${count(members)} members had a problem left unresolved; they spent ${money(groups.unresolved.meanSpend)} on average in the follow-up, with no other group to compare`;
  }
  if (censoring !== null) {
    sentence += ` (partial: the orders end ${censoring.dataEnd}, ${count(censoring.missingDays)} days before the follow-up window does)`;
  }
  return sentence + '.';
}

const THOSE: Record<Group, string> = {
  no_problem: 'those with no problem',
  resolved: 'those whose problem was resolved',
  unresolved: 'those left unresolved',
};

function gapPhrase(a: GroupStats, b: GroupStats, c: Comparison, those: string, first: boolean): string {
  let size: string;
  if (c.lift !== null && a.meanSpend !== null && a.meanSpend > 0) {
    const points = Math.round(Math.abs(c.lift) * 100);
    size = points === 0 ? `about the same as ${those}` : `${points}% ${c.lift > 0 ? 'more' : 'less'} than ${those}`;
  } else {
    // No meaningful ratio (a mean at or below zero): compare the amounts themselves.
    size = `${money(a.meanSpend)} on average against ${money(b.meanSpend)} for ${those}`;
  }
  return `${size} (${uncertainty(c.welchP, first)})`;
}

function uncertainty(p: number | null, first: boolean): string {
  if (p === null) return 'too few customers to test';
  const label = first ? 'Welch p' : 'p';
  return p < ALPHA ? `${label} ${pText(p)}` : `not significant, ${label} ${pText(p)}`;
}

/** "= 0.41", "= 0.013", "< 0.001"; never shows a significant p as "0.050". */
export function pText(p: number): string {
  if (p < 0.001) return '< 0.001';
  if (p < ALPHA && p >= 0.0495) return '< 0.05';
  return `= ${p < 0.1 ? p.toFixed(3) : p.toFixed(2)}`;
}
