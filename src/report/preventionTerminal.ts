import type { ChalkInstance } from 'chalk';
import type { PreventionResult } from '../analysis/preventionResult.js';
import { rootCauseTable, topTable, weeksTable } from './preventionCells.js';
import { changeSentence, csatChangeText, rateUnit, weeksText } from './preventionSentences.js';
import { terminalText } from './escape.js';
import { renderTable } from './table.js';

/** Weeks of the rate table shown on a terminal. */
export const TERMINAL_WEEKS = 16;

/** `loyalty prevention` on a terminal: weekly rate, last week's top reasons, root causes, and each change's effect. */
export function preventionTerminal(result: PreventionResult, color: ChalkInstance): string {
  const out: string[] = [color.bold(`Contact rate (${rateUnit(result)}) by ISO week, ${result.firstWeek} to ${result.lastWeek}`)];
  // The last weeks only: a two-year export would scroll the rest off the screen.
  const weeks = weeksTable(result);
  const hidden = Math.max(0, weeks.rows.length - TERMINAL_WEEKS);
  out.push(renderTable(weeks.columns, weeks.rows.slice(hidden)));
  if (hidden > 0) out.push(color.dim(`${hidden} earlier weeks not shown; every week is in --json and --out.`));
  out.push('');
  const top = topTable(result, terminalText);
  const before = Math.max(0, ...result.top.map((t) => t.previousWeeks));
  out.push(color.bold(`Top reasons of ${result.lastWeek}, against the mean of the ${weeksText(before)} before (exact Poisson test)`));
  out.push(result.top.length === 0 ? '  no contacts in the last week' : renderTable(top.columns, top.rows), '');
  const causes = rootCauseTable(result, terminalText);
  out.push(color.bold(`Root causes, ${result.firstWeek} to ${result.lastWeek}`), renderTable(causes.columns, causes.rows));
  if (result.unmapped.length > 0) out.push(color.dim(`${result.unmapped.length} reasons have no root cause; map them in the config: "rootCauses": {"REASON": "tooling", …}`));
  out.push('');
  if (result.changes.length > 0) {
    out.push(color.bold('Changes (difference in differences against the other reasons)'));
    for (const c of result.changes) {
      out.push(`  ${changeSentence(c, result.options.costPerContact, result.currency, terminalText)}`);
      out.push(`    ${csatChangeText(c)}`);
    }
    out.push(color.dim('  Assumes the other reasons would have moved like the changed one without the change; something else changed for that reason alone at the same time would be counted as the effect.'));
  }
  return out.join('\n').trimEnd();
}
