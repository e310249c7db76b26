import type { SliceResult } from '../analysis/sliceResult.js';
import type { FileQuality } from '../ingest/records.js';
import { count } from './format.js';
import { DIMENSION_LABELS, flagLegend, overallLine, sliceTable, testLine } from './slicesCells.js';
import { type Block, heading, link, list, orderedList, paragraph, strong, table } from './doc.js';
import { markdownBlocks } from './docMarkdown.js';
import { fileQualityDetails } from './cohortQuality.js';

/** A chart written next to the report, for the links section. */
export interface ChartLink {
  title: string;
  file: string;
}

/**
 * slices.md: the findings first (what to fix first), then the table per dimension, the
 * method and the data quality, so the document stands on its own.
 */
export function slicesMarkdown(result: SliceResult, quality: FileQuality, charts: ChartLink[] = []): string {
  const blocks = [heading(1, 'Satisfaction by slice: ', quality.file), ...slicesSection(result, 2)];
  if (charts.length > 0) blocks.push(heading(2, 'Charts'), list(charts.map((c) => link(c.file, c.title))));
  blocks.push(...slicesMethod(result, 2), ...qualitySection(quality, 2));
  return markdownBlocks(blocks);
}

/**
 * The findings and tables alone, headed at `level` (## by default), for reports that embed
 * the slices analysis as one section among others.
 */
export function slicesSection(result: SliceResult, level = 2): Block[] {
  const blocks: Block[] = result.findings.length > 0 ? [paragraph(strong(result.headline))] : [];
  blocks.push(heading(level, 'Findings'));
  if (result.findings.length === 0) blocks.push(paragraph(result.headline));
  else {
    blocks.push(
      orderedList(result.findings.map((f) => f.sentence)),
      paragraph('Ranked by shortfall: rated × (overall CSAT − slice CSAT), the satisfied tickets a slice falls short of the overall rate.'),
    );
  }
  blocks.push(paragraph(overallLine(result), '.'));
  for (const dimension of result.options.by) {
    const { columns, rows } = sliceTable(result, dimension);
    blocks.push(heading(level, `By ${DIMENSION_LABELS[dimension].toLowerCase()}`), table(columns, rows), paragraph(testLine(result, dimension)));
  }
  blocks.push(paragraph(flagLegend(result)));
  return blocks;
}

/** How the numbers were made; echoes the options so a reader knows exactly what was run. */
export function slicesMethod(result: SliceResult, level = 2, title = 'Method'): Block[] {
  const n = result.options.minRated;
  return [
    heading(level, title),
    list([
      `Options: --by ${result.options.by.join(',')} --min-rated ${n} --top ${result.options.top}.`,
      'CSAT = satisfied ÷ rated. Satisfied: a score of 4 or 5 on a 1–5 scale, or good/satisfied. Empty, offered and unoffered scores are unrated: those tickets count in volume (tickets, share) but not in CSAT. Rows with any other score are skipped and counted under data quality.',
      "Hour and weekday are read from created_at's wall clock, as written in the file (or converted with --tz). Rows whose created_at cannot be read are skipped at ingest and counted under data quality.",
      'All 24 hours and all 7 weekdays are listed, in order, even when empty; other slices are listed by tickets, most first. An empty reason, channel or agent is its own slice, (none).',
      `Reason, channel and agent tables and charts show the ${result.options.top} slices with the most tickets (--top) and any flagged slice beyond them; the rest are summed in one row, "other (K labels)", which is not tested. --json and summary.json list every slice.`,
      '95% confidence intervals are Wilson score intervals.',
      'Each slice is compared with all other rated tickets by a two-sided two-proportion z-test (pooled). The p-values are adjusted with Benjamini–Hochberg across the slices of the same dimension that have ratings; the chi-square test of independence (satisfied × slice) uses the same slices.',
      `A slice is flagged low or high when its adjusted p < 0.05 and it has at least ${n} rated tickets; smaller slices are shown but never flagged.`,
      'Findings list the low slices, largest shortfall first; the first is what to fix first. Adjacent low hours merge into one band (23:00 and 00:00 are adjacent), whose numbers are pooled over its tickets and whose adjusted p is the largest of its hours.',
      'Median wait uses wait_seconds (or first_response_at − created_at); transfer and reopen rates are the share of tickets with transfers > 0 and reopens > 0; first-contact resolution uses first_contact_resolved when present, else contacts = 1. Each is over the tickets that have the value.',
    ]),
  ];
}

function qualitySection(q: FileQuality, level: number): Block[] {
  const line = ` (${q.format}): ${count(q.rowsRead)} rows read, ${count(q.rowsUsed)} used, ${count(q.rowsSkipped)} skipped.`;
  return [heading(level, 'Data quality'), paragraph(q.file, line), ...fileQualityDetails(q)];
}
