import type { CohortResult } from '../analysis/cohortResult.js';
import { adjustedTable, logRankSentence, repurchaseTable } from './adjustedCells.js';
import { changeSentences, revenueSentence } from './adjustedSentences.js';
import { type Block, heading, list, paragraph, strong, table } from './doc.js';
import { monthlyTable, trendSentence } from './monthlyCohortsText.js';

/**
 * "What resolving a problem is worth": the revenue-at-stake sentence, raw vs adjusted vs
 * difference-in-differences vs stratified gaps, what adjustment changed, and the repurchase
 * curves' medians and log-rank test. Empty for a result without the adjusted analysis.
 */
export function adjustedSection(result: CohortResult, level = 2): Block[] {
  const a = result.adjustment;
  if (a === undefined) return [];
  const gaps = adjustedTable(a);
  const changes = changeSentences(a, a.revenueAtStake.currency);
  const repurchase = repurchaseTable(a);
  const blocks = [
    heading(level, 'What resolving a problem is worth, adjusted for who complains'),
    paragraph(strong(revenueSentence(result, a))),
    table(gaps.columns, gaps.rows),
    paragraph(
      `Later spend per customer over the follow-up, group A − group B, with 95% intervals in brackets. Adjusted: regression on ${a.adjusted.covariates.join(', ') || 'the groups only'} (n = ${a.adjusted.n}, k = ${a.adjusted.k})${a.adjusted.dropped.length > 0 ? `; left out as constant or collinear: ${a.adjusted.dropped.join(', ')}` : ''}. Baseline window ${a.baseline.start}..${a.baseline.end}; pre-window ${a.preWindow.start}..${a.preWindow.end}.`,
    ),
    paragraph(changes.length === 0 ? 'Adjustment does not change any conclusion: every gap keeps its sign and its significance at 0.05.' : changes.join(' ')),
  ];
  if (result.monthly !== undefined) {
    const monthly = monthlyTable(result.monthly, a.revenueAtStake.currency);
    blocks.push(heading(level, 'Monthly cohorts'), table(monthly.columns, monthly.rows), paragraph(trendSentence(result.monthly, a.revenueAtStake.currency)));
  }
  if (a.caveats.length > 0) blocks.push(list(a.caveats.map((c) => `${c.charAt(0).toUpperCase()}${c.slice(1)}.`)));
  if (repurchase !== null) {
    blocks.push(
      heading(level, 'Repurchase'),
      table(repurchase.columns, repurchase.rows),
      paragraph(
        `Days from the follow-up start (${result.followUp.start}) to the first purchase on or after it; members without one by the last counted order (${result.dataRange.end}) are censored there. Kaplan–Meier medians with 95% intervals from the log(−log) Greenwood band. ${logRankSentence(a)}`,
      ),
    );
  }
  return blocks;
}

/** The methods in plain words, and what adjustment cannot fix. */
export function adjustedMethod(result: CohortResult, level = 2, title = 'Method: the adjusted comparison'): Block[] {
  const a = result.adjustment;
  if (a === undefined) return [];
  return [
    heading(level, title),
    list([
      `Per-customer facts: for each member, spend and purchases in the cohort window, in the baseline window ${a.baseline.start}..${a.baseline.end} (--baseline ${result.options.baseline ?? '12m'}, ending the day before the cohort) and in the follow-up; whether they had any counted order before the cohort (new customer); days to their next purchase; their problem tickets. Purchases are counted orders with a positive amount.`,
      'Raw gap: the difference of the groups\' mean later spend, with a Welch 95% interval.',
      "Regression adjustment: a straight-line fit (ordinary least squares) of later spend on the group, cohort spend, prior spend, prior orders and being a new customer, so each gap compares customers who looked alike before the problem. Its uncertainty uses heteroskedasticity-robust HC3 standard errors (big spenders' spend varies more), a t interval on n − k degrees of freedom; resolved − unresolved takes its variance from the covariance of both coefficients. A covariate that is the same for everyone, or an exact combination of others, cannot be used and is listed.",
      `Difference-in-differences: each customer's change, later spend minus spend in the pre-window ${a.preWindow.start}..${a.preWindow.end} (the follow-up's length right before the cohort), compared between groups with Welch's t. A customer's steady spending level cancels out; it assumes the groups would have changed alike without the problem.`,
      'Stratified: the raw gap within fifths (quintiles) of spend known before the problem (prior + cohort spend), averaged with weights by the smaller group in each fifth. A check that needs no straight-line assumption, but it only evens out spend between the quintile cut points.',
      'Revenue at stake: the adjusted resolved − unresolved gap per customer times the number of unresolved customers, over the follow-up window, its interval scaled the same way.',
      'Repurchase curves: the share of each group not yet back, by days since the follow-up start (Kaplan–Meier), using orders to the end of the file; median days with a 95% interval, and the log-rank test of equal curves.',
      'What adjustment cannot fix: it evens out only what is measured (spend and orders before the problem). Anything else that differs between customers whose problems are resolved and those whose are not, such as the kind of problem, how fixable it was or how much the customer cared, remains; these are unmeasured confounders, so the adjusted gap is an estimate of the effect under that assumption, not a proof of it.',
    ]),
  ];
}
