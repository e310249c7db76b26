import type { ChalkInstance } from 'chalk';
import type { DriversResult } from '../analysis/driversResult.js';
import { effectTable, modelLine, patternTable, VERDICT_LEGEND } from './driversCells.js';
import { renderTable } from './table.js';

/**
 * `loyalty drivers` on a terminal: each finding with its verdict first (what a manager acts
 * on), then the adjusted effects per dimension and the service patterns.
 */
export function driversTerminal(result: DriversResult, color: ChalkInstance): string {
  const out: string[] = [color.bold('Findings and their causes')];
  if (result.explanations.length === 0) out.push('  No slice differs significantly, so there is no gap to explain.');
  result.explanations.forEach((e, i) => out.push(`  ${i + 1}. ${e.sentence}`));
  out.push('', VERDICT_LEGEND);
  for (const pair of result.model.collinear) out.push(color.yellow(pair.sentence));
  if (result.model.caveat) out.push(color.yellow(`Caveat: ${result.model.caveat}`));
  out.push('', color.bold('Adjusted effects'), modelLine(result) + '.', '');
  for (const [dimension, effects] of Object.entries(result.effects)) {
    const { columns, rows } = effectTable(effects!);
    const style = (text: string, r: number, c: number) => {
      const e = effects![r];
      if (c === 1 && e.adjP < 0.05) return e.ame < 0 ? color.red(text) : color.cyan(text);
      return text;
    };
    out.push(color.bold(`${dimension} (vs ${result.model.levels[dimension as keyof typeof result.model.levels]!.reference})`), renderTable(columns, rows, style), '');
  }
  if (result.patterns.length > 0) {
    const { columns, rows } = patternTable(result.patterns);
    out.push(color.bold('Service patterns'), renderTable(columns, rows), ...result.patterns.map((p) => `  ${p.sentence}`), '');
  }
  out.push(color.bold(result.headline));
  return out.join('\n');
}
