import type { ChalkInstance } from 'chalk';
import type { SliceResult } from '../analysis/sliceResult.js';
import { DIMENSION_LABELS, flagLegend, overallLine, sliceTable, testLine } from './slicesCells.js';
import { renderTable } from './table.js';
import { shownSlices } from '../analysis/sliceTop.js';
import { terminalText } from './escape.js';

/**
 * `loyalty slices` on a terminal: the overall line, a table per dimension with its test, and
 * the ranked findings. Flags carry a symbol (▼ low, ▲ high) as well as a colour, so they
 * read the same with NO_COLOR or in a log file.
 */
export function slicesTerminal(result: SliceResult, color: ChalkInstance): string {
  const out: string[] = [color.bold(overallLine(result)), ''];
  for (const dimension of result.options.by) {
    const rows = shownSlices(result.dimensions[dimension] ?? [], dimension, result.options.top);
    const { columns, rows: cells } = sliceTable(result, dimension);
    const flagCol = columns.findIndex((c) => c.header === 'Flag');
    const csatCol = columns.findIndex((c) => c.header === 'CSAT');
    const style = (text: string, r: number, c: number) => {
      const row = rows[r];
      if (row.flag && (c === flagCol || c === csatCol)) return row.flag === 'low' ? color.red(text) : color.cyan(text);
      return row.rated < result.options.minRated ? color.dim(text) : text;
    };
    out.push(color.bold(`By ${DIMENSION_LABELS[dimension].toLowerCase()}`));
    out.push(renderTable(columns, cells, style));
    out.push(testLine(result, dimension), '');
  }
  out.push(flagLegend(result), '');
  out.push(color.bold('Findings (largest shortfall in satisfied tickets first)'));
  // Sentences name labels from the data: plain text before any colour is added (with colour
  // on, the terminal gate keeps SGR sequences, so the data's own must be gone by then).
  if (result.findings.length === 0) out.push(`  ${terminalText(result.headline)}`);
  result.findings.forEach((f, i) => out.push(`  ${i + 1}. ${terminalText(f.sentence)}`));
  if (result.findings.length > 0) out.push('', color.bold(terminalText(result.headline)));
  return out.join('\n');
}
