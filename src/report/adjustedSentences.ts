import type { AdjustedAnalysis, GapEstimate } from '../analysis/adjustedResult.js';
import type { CohortResult } from '../analysis/cohortResult.js';
import { ALPHA, pText } from '../analysis/headline.js';
import { moneyIn } from './currencyMoney.js';
import { count } from './format.js';

/** How each regression covariate reads in "adjusted for …". */
const COVARIATE_WORDS: Record<string, string> = {
  cohort_spend: 'cohort spend',
  prior_spend: 'prior spend',
  prior_orders: 'prior orders',
  new_customer: 'being a new customer',
};

/**
 * The headline money figure: revenue at stake with its interval, the word "adjusted" and what
 * it was adjusted for; "not significant" in the same sentence when the interval holds 0.
 *
 * @example
 * // "Resolving the 129 unresolved customers' problems was worth about $11,100 over the
 * //  follow-up 2014-02-01..2014-04-30 (95% CI $8,970–$13,200, p < 0.001), adjusted for cohort spend."
 */
export function revenueSentence(result: CohortResult, a: AdjustedAnalysis): string {
  const stake = a.revenueAtStake;
  const cur = stake.currency;
  const gap = a.adjusted.comparisons.find((c) => c.a === 'resolved' && c.b === 'unresolved')!;
  const period = `over the follow-up ${result.followUp.start}..${result.followUp.end}`;
  if (stake.customers === 0) return `No member's problem was left unresolved, so there is no revenue at stake to estimate ${period}.`;
  if (stake.total === null) {
    return `Revenue at stake cannot be estimated: too few customers in a group for the adjusted comparison (see the caveats).`;
  }
  const adjustedFor = a.adjusted.covariates.filter((c) => c in COVARIATE_WORDS).map((c) => COVARIATE_WORDS[c]!);
  const forText = adjustedFor.length === 0 ? 'adjusted for nothing beyond the groups (every covariate was constant)' : `adjusted for ${listText(adjustedFor)}`;
  const customers = `the ${count(stake.customers)} unresolved customer${stake.customers === 1 ? "'s problem" : "s' problems"}`;
  const ci = stake.ci95 === null ? 'no interval: too few customers' : `95% CI ${moneyIn(round3(stake.ci95[0]), cur, 0)}–${moneyIn(round3(stake.ci95[1]), cur, 0)}`;
  const p = gap.p === null ? '' : gap.p < ALPHA ? `, p ${pText(gap.p)}` : `, not significant, p ${pText(gap.p)}`;
  return `Resolving ${customers} was worth about ${moneyIn(round3(stake.total), cur, 0)} ${period} (${ci}${p}), ${forText}; ${moneyIn(stake.perCustomer, cur)} per customer.`;
}

/**
 * One plain sentence per comparison where adjustment changes the raw conclusion: the sign of
 * the gap, or its significance at 0.05. Empty when nothing changes.
 */
export function changeSentences(a: AdjustedAnalysis, currency: string | null): string[] {
  const out: string[] = [];
  for (const raw of a.raw) {
    const adj = a.adjusted.comparisons.find((c) => c.a === raw.a && c.b === raw.b)!;
    if (raw.difference === null || adj.difference === null || raw.p === null || adj.p === null) continue;
    const signFlip = Math.sign(raw.difference) !== Math.sign(adj.difference);
    const sigFlip = raw.p < ALPHA !== adj.p < ALPHA;
    if (!signFlip && !sigFlip) continue;
    out.push(
      `Adjustment changes the conclusion for ${PAIR[`${raw.a}-${raw.b}`]}: the raw gap of ${gapText(raw, currency)} ${raw.p < ALPHA ? 'is' : 'is not'} significant, the adjusted gap of ${gapText(adj, currency)} ${adj.p < ALPHA ? 'is' : 'is not'}.`,
    );
  }
  return out;
}

export const PAIR: Record<string, string> = {
  'resolved-no_problem': 'resolved vs no problem',
  'unresolved-no_problem': 'unresolved vs no problem',
  'resolved-unresolved': 'resolved vs unresolved',
};

/** "$86.00 (95% CI $69.55–$102.45, p < 0.001)"; "–" parts when not computable. */
export function gapText(g: Pick<GapEstimate, 'difference' | 'ci95' | 'p'>, currency: string | null): string {
  if (g.difference === null) return '– (not computable)';
  const ci = g.ci95 === null ? 'no interval' : `95% CI ${moneyIn(g.ci95[0], currency)}–${moneyIn(g.ci95[1], currency)}`;
  const p = g.p === null ? '' : `, p ${pText(g.p)}`;
  return `${moneyIn(g.difference, currency)} (${ci}${p})`;
}

function listText(items: string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** Three significant digits: "about $11,100", not a false precision of cents. */
function round3(x: number): number {
  if (x === 0) return 0;
  const scale = 10 ** (Math.floor(Math.log10(Math.abs(x))) - 2);
  return Math.round(x / scale) * scale;
}
