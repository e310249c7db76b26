import type { CohortResult } from '../analysis/cohortResult.js';
import { ALPHA, pText } from '../analysis/headline.js';
import { count, signedPct } from './format.js';
import type { Group } from '../model/groups.js';

/**
 * The cohort chart's action title: the finding in words a slide can carry, honest about
 * uncertainty. The gap named is the one the headline leads with (resolved vs no problem when
 * both groups have members, else the groups that do); a gap with Welch p ≥ 0.05 says
 * "(not significant)" in the title itself, a significant one gives its p-value.
 *
 * @example
 * cohortTitle(result) // "Resolved problems: +6% later spend vs no problem (not significant)"
 */
export function cohortTitle(result: CohortResult): string {
  const pair = comparedPair(result);
  const c = pair && result.comparisons.find((x) => x.a === pair[0] && x.b === pair[1]);
  if (!pair || !c || c.lift === null) return 'Mean later spend by group';
  const verdict = c.welchP === null ? 'too few customers to test' : c.welchP < ALPHA ? `p ${pText(c.welchP)}` : 'not significant';
  const partial = result.censoring === null ? '' : ', partial follow-up';
  return `${SUBJECT[pair[0]]}: ${signedPct(c.lift)} later spend vs ${AGAINST[pair[1]]} (${verdict}${partial})`;
}

/** "1,234 customers who bought 2014-01-01..2014-01-31; later spend 2014-02-01..2014-04-30" */
export function cohortSample(result: CohortResult): string {
  const w = (x: { start: string; end: string }) => `${x.start}..${x.end}`;
  return `${count(result.counts.members)} customers who bought ${w(result.cohort)}; later spend ${w(result.followUp)}`;
}

const SUBJECT: Record<Group, string> = {
  no_problem: 'No problem',
  resolved: 'Resolved problems',
  unresolved: 'Unresolved problems',
};

const AGAINST: Record<Group, string> = {
  no_problem: 'no problem',
  resolved: 'resolved',
  unresolved: 'unresolved',
};

function comparedPair(result: CohortResult): [Group, Group] | null {
  const has = (g: Group) => result.groups[g].customers > 0;
  if (has('resolved') && has('no_problem')) return ['resolved', 'no_problem'];
  if (has('unresolved') && has('no_problem')) return ['unresolved', 'no_problem'];
  if (has('resolved') && has('unresolved')) return ['resolved', 'unresolved'];
  return null;
}
