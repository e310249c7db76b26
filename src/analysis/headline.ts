import { formatMoney as money } from '../money.js';
import { count } from '../numberText.js';
import type { Censoring, Comparison, GroupStats } from './cohortResult.js';
import type { Group } from '../model/groups.js';

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
  currency: string | null = null,
): string {
  const n = (g: Group) => groups[g].customers;
  const find = (a: Group, b: Group) => comparisons.find((c) => c.a === a && c.b === b)!;
  const gap = (a: Group, b: Group, first: boolean) => gapPhrase(groups[a], groups[b], find(a, b), THOSE[b], first, currency);
  const members = n('no_problem') + n('resolved') + n('unresolved');

  let sentence: string;
  if (n('resolved') === 0 && n('unresolved') === 0) {
    sentence = `No cohort member had a problem ticket, so there is nothing to compare; ${membersText(members, 'the')} spent ${amount(groups.no_problem.meanSpend, currency)} on average in the follow-up`;
  } else if (n('no_problem') === 0 && (n('resolved') === 0 || n('unresolved') === 0)) {
    const only: Group = n('resolved') > 0 ? 'resolved' : 'unresolved';
    const how = only === 'resolved' ? 'resolved' : 'left unresolved';
    sentence = `${membersText(members, 'all')} had a problem ${how}, so there is no other group to compare; they spent ${amount(groups[only].meanSpend, currency)} on average in the follow-up`;
  } else if (n('resolved') > 0) {
    const against: string[] = [];
    if (n('no_problem') > 0) against.push(gap('resolved', 'no_problem', true));
    if (n('unresolved') > 0) against.push(gap('resolved', 'unresolved', against.length === 0));
    sentence = `Customers whose problem was resolved spent ${against.join(', and ')}`;
    if (n('no_problem') === 0) sentence += '; every member had a problem ticket';
    if (n('unresolved') === 0) sentence += '; no member was left unresolved';
  } else {
    sentence = `No member's problem was resolved; customers left unresolved spent ${gap('unresolved', 'no_problem', true)}`;
  }
  if (censoring !== null) {
    sentence += ` (partial: the orders end ${censoring.dataEnd}, ${count(censoring.missingDays)} days before the follow-up window does)`;
  }
  return sentence + '.';
}

/** A mean in a sentence; n/a when it could not be computed (an overflow: see the caveats). */
function amount(x: number | null, currency: string | null): string {
  return x === null ? 'n/a' : money(x, currency);
}

function membersText(n: number, article: 'the' | 'all'): string {
  if (n === 1) return article === 'the' ? 'the one member' : 'The one member';
  return article === 'the' ? `the ${count(n)} members` : `All ${count(n)} members`;
}

const THOSE: Record<Group, string> = {
  no_problem: 'those with no problem',
  resolved: 'those whose problem was resolved',
  unresolved: 'those left unresolved',
};

function gapPhrase(a: GroupStats, b: GroupStats, c: Comparison, those: string, first: boolean, currency: string | null): string {
  let size: string;
  if (c.lift !== null && a.meanSpend !== null && a.meanSpend > 0) {
    const points = Math.round(Math.abs(c.lift) * 100);
    size = points === 0 ? `about the same as ${those}` : `${points}% ${c.lift > 0 ? 'more' : 'less'} than ${those}`;
  } else {
    // No meaningful ratio (a mean at or below zero): compare the amounts themselves.
    size = `${amount(a.meanSpend, currency)} on average against ${amount(b.meanSpend, currency)} for ${those}`;
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
