import type { ChalkInstance } from 'chalk';
import type { CohortResult } from '../analysis/cohortResult.js';
import { adjustedTable, logRankSentence, repurchaseTable } from './adjustedCells.js';
import { changeSentences, revenueSentence } from './adjustedSentences.js';
import { renderTable } from './table.js';
import { monthlyTable, trendSentence } from './monthlyCohortsText.js';

/**
 * The adjusted comparison on a terminal, printed after the existing cohort output: the
 * revenue-at-stake sentence, the side-by-side gaps, what adjustment changed, repurchase
 * medians and the log-rank test, and the caveats (dimmed). Empty without the analysis.
 */
export function adjustedTerminal(result: CohortResult, color: ChalkInstance): string {
  const a = result.adjustment;
  if (a === undefined) return '';
  const table = adjustedTable(a);
  const lines = ['', color.bold(revenueSentence(result, a)), '', renderTable(table.columns, table.rows, (t, _r, c) => (c === 0 ? color.bold(t) : t)), ''];
  const changes = changeSentences(a, a.revenueAtStake.currency);
  lines.push(changes.length === 0 ? 'Adjustment does not change any conclusion (sign and significance at 0.05 kept).' : changes.join('\n'));
  const repurchase = repurchaseTable(a);
  if (repurchase !== null) lines.push('', renderTable(repurchase.columns, repurchase.rows, (t, _r, c) => (c === 0 ? color.bold(t) : t)), logRankSentence(a));
  const notes = [
    `Adjusted: OLS of later spend on ${a.adjusted.covariates.join(', ') || 'the groups only'}, HC3 95% CI; diff-in-diff: later minus pre-window spend (${a.preWindow.start}..${a.preWindow.end}); stratified: within quintiles of prior + cohort spend.`,
    'Adjustment evens out only what is measured (spend before the problem); unmeasured confounders remain.',
    ...a.caveats.map((c) => `Caveat: ${c}.`),
  ];
  if (result.monthly !== undefined) {
    const monthly = monthlyTable(result.monthly, a.revenueAtStake.currency);
    lines.push('', renderTable(monthly.columns, monthly.rows, (t, _r, c) => (c === 0 ? color.bold(t) : t)), trendSentence(result.monthly, a.revenueAtStake.currency));
  }
  lines.push('', ...notes.map((n) => color.dim(n)));
  return lines.join('\n');
}
