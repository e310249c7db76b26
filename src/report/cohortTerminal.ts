import type { ChalkInstance } from 'chalk';
import { ALPHA } from '../analysis/headline.js';
import { GROUPS, type CohortResult } from '../analysis/cohortResult.js';
import { groupTable, RESOLUTION_TEXT, windowsLine } from './cohortCells.js';
import { NOT_COUNTED_STATUSES } from '../facts/countedOrder.js';
import { renderTable } from './table.js';

/**
 * `loyalty cohort` on a terminal: the group table, the headline, then the windows and rules
 * in two lines. A lift is coloured (green above, red below no_problem) only when Welch's test
 * calls the gap significant; otherwise it is dimmed, so colour never oversells noise.
 * Warnings are not here: the command writes them to stderr.
 */
export function cohortTerminal(result: CohortResult, color: ChalkInstance): string {
  const { columns, rows } = groupTable(result, false);
  const liftCol = columns.findIndex((c) => c.header === 'vs no problem');
  const style = (text: string, r: number, c: number) => {
    const group = GROUPS[r];
    if (c === 0) return color.bold(text);
    if (c !== liftCol || group === 'no_problem') return text;
    const lift = result.groups[group].liftVsNoProblem;
    const p = result.comparisons.find((x) => x.a === group && x.b === 'no_problem')?.welchP ?? null;
    if (lift === null || p === null || p >= ALPHA) return color.dim(text);
    return lift > 0 ? color.green(text) : color.red(text);
  };
  return [
    renderTable(columns, rows, style),
    '',
    color.bold(result.headline),
    '',
    color.dim(windowsLine(result)),
    color.dim(
      `Later spend = counted orders in the follow-up (refunds subtract; ${NOT_COUNTED_STATUSES.join('/')} orders do not count) · resolved = ${RESOLUTION_TEXT[result.resolutionRule]} · 95% CI: seeded bootstrap`,
    ),
  ].join('\n');
}
