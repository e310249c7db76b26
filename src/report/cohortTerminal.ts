import type { ChalkInstance } from 'chalk';
import { ALPHA, pText } from '../analysis/headline.js';
import type { CohortResult } from '../analysis/cohortResult.js';
import { currencyLine, groupTable, RESOLUTION_TEXT, windowsLines } from './cohortCells.js';
import { count } from './format.js';
import { NOT_COUNTED_STATUSES } from '../facts/countedOrder.js';
import { renderTable } from './table.js';
import { FOLLOW_UP_CAVEAT, followUpSentence } from './followUpSentences.js';
import { adjustedTerminal } from './adjustedTerminal.js';
import { GROUPS, type Group } from '../model/groups.js';

/**
 * `loyalty cohort` on a terminal: the group table, the headline, then the windows and rules,
 * one per line, so a new reader can tell what each number counts. Each lift carries its Welch
 * p-value (a gap is never shown without its uncertainty, colour or not) and is coloured (green
 * above, red below no_problem) only when the test calls it significant; otherwise it is
 * dimmed, so colour never oversells noise. Warnings are not here: the command writes them to
 * stderr.
 */
export function cohortTerminal(result: CohortResult, color: ChalkInstance): string {
  const { columns, rows } = groupTable(result, false);
  const liftCol = columns.findIndex((c) => c.header === 'vs no problem');
  const welchP = (group: Group) => result.comparisons.find((x) => x.a === group && x.b === 'no_problem')?.welchP ?? null;
  GROUPS.forEach((group, r) => {
    const p = welchP(group);
    if (group === 'no_problem' || result.groups[group].liftVsNoProblem === null) return;
    rows[r][liftCol] += p === null ? ' (too few to test)' : ` (p ${pText(p)})`;
  });
  const style = (text: string, r: number, c: number) => {
    const group = GROUPS[r];
    if (c === 0) return color.bold(text);
    if (c !== liftCol || group === 'no_problem') return text;
    const lift = result.groups[group].liftVsNoProblem;
    const p = welchP(group);
    if (lift === null || p === null || p >= ALPHA) return color.dim(text);
    return lift > 0 ? color.green(text) : color.red(text);
  };
  const o = result.options;
  const footer = [
    ...windowsLines(result),
    `Later spend: counted orders in the follow-up; refunds subtract, ${NOT_COUNTED_STATUSES.join('/')} orders do not count.`,
    `Resolved: ${RESOLUTION_TEXT[result.resolutionRule]}.`,
    `95% CI: bootstrap of the mean (${count(o.bootstrap)} resamples, seed ${o.seed}). The groups are observed, not assigned: a gap is an association, not an effect.`,
  ];
  // A known currency shows in every figure; an unknown one is said, not guessed.
  if (result.currency === null) footer.push(currencyLine(result));
  const followUp = result.proactiveFollowUp === undefined ? [] : [color.bold('Proactive follow-up'), followUpSentence(result.proactiveFollowUp, result.currency), color.dim(FOLLOW_UP_CAVEAT), ''];
  const lines = [renderTable(columns, rows, style), '', color.bold(result.headline), '', ...followUp, ...footer.map((line) => color.dim(line))];
  const adjusted = adjustedTerminal(result, color);
  return (adjusted === '' ? lines : [...lines, adjusted]).join('\n');
}
