import { welchDifference } from '../stats/welchDifference.js';
import type { ProactiveFollowUp, FollowUpGroup } from './cohortResult.js';

/** What the comparison reads of the members, one entry per member number (MemberSpend and ProblemTicketTally columns). */
export interface FollowUpColumns {
  laterSpend: ArrayLike<number>;
  laterPurchases: ArrayLike<number>;
  problems: ArrayLike<number>;
  unresolved: ArrayLike<number>;
  followedUp: ArrayLike<number>;
  rated: ArrayLike<number>;
  satisfied: ArrayLike<number>;
}

/**
 * Resolved members (≥1 problem ticket, all resolved) with a proactive follow-up (a problem
 * ticket with follow_up = true) against those without one (false or empty on every problem
 * ticket): mean later spend, repeat rate and CSAT of their problem tickets, and the difference
 * of mean later spend with Welch's 95% interval and p. Raw, not adjusted for anything:
 * follow-ups are chosen by agents, not assigned at random (`adjusted: false`).
 */
export function proactiveFollowUp(members: FollowUpColumns): ProactiveFollowUp {
  const spend: [number[], number[]] = [[], []];
  const repeaters = [0, 0];
  const rated = [0, 0];
  const satisfied = [0, 0];
  for (let m = 0; m < members.laterSpend.length; m++) {
    if (members.problems[m]! === 0 || members.unresolved[m]! > 0) continue;
    const g = members.followedUp[m]! > 0 ? 0 : 1;
    spend[g].push(members.laterSpend[m]!);
    if (members.laterPurchases[m]! > 0) repeaters[g] += 1;
    rated[g] += members.rated[m]!;
    satisfied[g] += members.satisfied[m]!;
  }
  const group = (g: number): FollowUpGroup => {
    const n = spend[g].length;
    return {
      customers: n,
      meanSpend: n === 0 ? null : spend[g].reduce((a, b) => a + b, 0) / n,
      repeatRate: n === 0 ? null : repeaters[g] / n,
      csat: rated[g] === 0 ? null : satisfied[g] / rated[g],
      rated: rated[g],
    };
  };
  const welch = welchDifference(spend[0], spend[1]);
  return {
    with: group(0),
    without: group(1),
    difference: welch?.difference ?? null,
    ci95: welch?.ci95 ?? null,
    p: welch?.p ?? null,
    adjusted: false,
  };
}
