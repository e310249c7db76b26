import type { DriversResult } from '../analysis/driversResult.js';
import type { FileQuality } from '../ingest/records.js';
import { effectTable, modelLine, patternTable, VERDICT_LEGEND } from './driversCells.js';
import { type Block, code, heading, link, list, orderedList, paragraph, strong, table } from './doc.js';
import { markdownBlocks } from './docMarkdown.js';

/** drivers.md: why, then the effects and patterns, the method and the data quality. */
export function driversMarkdown(result: DriversResult, quality: FileQuality, chart: { title: string; file: string } | null): string {
  const blocks = [heading(1, 'Satisfaction drivers: ', quality.file), ...driversSection(result, 2)];
  if (chart) blocks.push(paragraph(link(chart.file, chart.title)));
  return markdownBlocks([...blocks, ...driversMethod(result, 2)]);
}

/** The explanations, effects and patterns headed at `level`, for the report's Drivers section. */
export function driversSection(result: DriversResult, level = 2): Block[] {
  const blocks = [paragraph(strong(result.headline)), heading(level, 'Findings and their causes')];
  if (result.explanations.length === 0) blocks.push(paragraph('No slice differs significantly, so there is no gap to explain.'));
  else blocks.push(orderedList(result.explanations.map((e) => e.sentence)));
  blocks.push(paragraph(VERDICT_LEGEND));
  blocks.push(list(result.model.collinear.map((pair) => pair.sentence)));
  if (result.model.caveat) blocks.push(paragraph(strong('Caveat:'), ' ', result.model.caveat));
  blocks.push(heading(level, 'Adjusted effects'), paragraph(modelLine(result), '.'));
  for (const [dimension, effects] of Object.entries(result.effects)) {
    const { columns, rows } = effectTable(effects!);
    const reference = result.model.levels[dimension as keyof typeof result.model.levels]!.reference;
    blocks.push(paragraph(strong(dimension), ' (vs ', reference, ')'), table(columns, rows));
  }
  if (result.patterns.length > 0) {
    const { columns, rows } = patternTable(result.patterns);
    blocks.push(heading(level, 'Service patterns'), list(result.patterns.map((p) => p.sentence)), table(columns, rows));
  }
  return blocks;
}

export function driversMethod(result: DriversResult, level = 2, title = 'Method'): Block[] {
  return [
    heading(level, title),
    list([
      `Options: --by ${result.options.dimensions.join(',')} --min-rated ${result.options.minRated}.`,
      'Model: logistic regression of satisfied (rated tickets) on hour (each hour its own level), weekday, reason, channel, agent, wait band (wait as a multiple of its channel\'s median wait) and, when present, transferred, reopened and repeat contact (same customer within the 7 days before). Levels with fewer than --min-rated rated tickets are pooled into "(other)". Fitted by IRLS; separation or non-convergence is reported, never a number.',
      'Effects: average marginal effect of each level vs its factor\'s largest level, in CSAT points, with a delta-method 95% CI and Wald p; Benjamini–Hochberg across every level and pattern.',
      ['Findings: each ', code('slices'), ' finding\'s gap (its CSAT minus that of all other rated tickets) stratified by every other factor in turn (Mantel–Haenszel risk difference with its Greenland–Robins CI; the odds ratio with the Robins–Breslow–Greenland CI and the Cochran–Mantel–Haenszel test are in the JSON), and in the full model. Explained by X: adjusting for X moves the CI to cover zero and at least halves the gap. The data cannot separate a finding from X when under 10% of its rated tickets share a stratum of X with other tickets, or Cramér\'s V ≥ 0.9: no verdict is drawn from X then.'],
      ['Limits: the data are observational. An adjusted gap is still an association, not an effect of changing the schedule; a cause that is not a column (e.g. experience, product issues) cannot be adjusted for. The findings themselves come from ', code('slices'), ' on the same data (a low band of adjacent hours is merged as ', code('slices'), ' merges it), so their raw gaps are the largest the data offered.'],
    ]),
  ];
}
