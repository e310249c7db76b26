import type { SliceResult } from '../analysis/sliceResult.js';
import type { FileQuality } from '../ingest/records.js';
import { count } from './format.js';
import { DIMENSION_LABELS, flagLegend, overallLine, sliceTable, testLine } from './slicesCells.js';
import { markdownTable } from './table.js';
import { markdownText } from './escape.js';
import { type Block, heading, paragraph } from './doc.js';
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
  const parts = [`# Satisfaction by slice: ${markdownText(quality.file)}`, '', slicesMarkdownSection(result, 2)];
  if (charts.length > 0) {
    parts.push('## Charts', '', ...charts.map((c) => `- [${markdownText(c.title)}](${c.file})`), '');
  }
  parts.push(slicesMethod(result, 2), markdownBlocks(qualitySection(quality, 2)));
  return parts.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}

/**
 * The findings and tables alone, headed at `level` (## by default), for reports that embed
 * the slices analysis as one section among others.
 */
export function slicesMarkdownSection(result: SliceResult, level = 2): string {
  const h = '#'.repeat(level);
  const out: string[] = result.findings.length > 0 ? [`**${markdownText(result.headline)}**`, ''] : [];
  out.push(`${h} Findings`, '');
  if (result.findings.length === 0) out.push(markdownText(result.headline));
  else {
    out.push(...result.findings.map((f, i) => `${i + 1}. ${markdownText(f.sentence)}`));
    out.push(
      '',
      'Ranked by shortfall: rated × (overall CSAT − slice CSAT), the satisfied tickets a slice falls short of the overall rate.',
    );
  }
  out.push('', markdownText(overallLine(result)) + '.', '');
  for (const dimension of result.options.by) {
    const { columns, rows } = sliceTable(result, dimension);
    out.push(`${h} By ${DIMENSION_LABELS[dimension].toLowerCase()}`, '', markdownTable(columns, rows), '', markdownText(testLine(result, dimension)), '');
  }
  out.push(markdownText(flagLegend(result)), '');
  return out.join('\n');
}

/** How the numbers were made; echoes the options so a reader knows exactly what was run. */
export function slicesMethod(result: SliceResult, level = 2): string {
  const h = '#'.repeat(level);
  const n = result.options.minRated;
  return [
    `${h} Method`,
    '',
    `- Options: --by ${result.options.by.join(',')} --min-rated ${n} --top ${result.options.top}.`,
    '- CSAT = satisfied ÷ rated. Satisfied: a score of 4 or 5 on a 1–5 scale, or good/satisfied. Empty, offered and unoffered scores are unrated: those tickets count in volume (tickets, share) but not in CSAT. Rows with any other score are skipped and counted under data quality.',
    "- Hour and weekday are read from created_at's wall clock, as written in the file (or converted with --tz). Rows whose created_at cannot be read are skipped at ingest and counted under data quality.",
    '- All 24 hours and all 7 weekdays are listed, in order, even when empty; other slices are listed by tickets, most first. An empty reason, channel or agent is its own slice, (none).',
    `- Reason, channel and agent tables and charts show the ${result.options.top} slices with the most tickets (--top) and any flagged slice beyond them; the rest are summed in one row, "other (K labels)", which is not tested. --json and summary.json list every slice.`,
    '- 95% confidence intervals are Wilson score intervals.',
    '- Each slice is compared with all other rated tickets by a two-sided two-proportion z-test (pooled). The p-values are adjusted with Benjamini–Hochberg across the slices of the same dimension that have ratings; the chi-square test of independence (satisfied × slice) uses the same slices.',
    `- A slice is flagged low or high when its adjusted p < 0.05 and it has at least ${n} rated tickets; smaller slices are shown but never flagged.`,
    '- Findings list the low slices, largest shortfall first; the first is what to fix first. Adjacent low hours merge into one band (23:00 and 00:00 are adjacent), whose numbers are pooled over its tickets and whose adjusted p is the largest of its hours.',
    '- Median wait uses wait_seconds (or first_response_at − created_at); transfer and reopen rates are the share of tickets with transfers > 0 and reopens > 0; first-contact resolution uses first_contact_resolved when present, else contacts = 1. Each is over the tickets that have the value.',
    '',
  ].join('\n');
}

function qualitySection(q: FileQuality, level: number): Block[] {
  const line = ` (${q.format}): ${count(q.rowsRead)} rows read, ${count(q.rowsUsed)} used, ${count(q.rowsSkipped)} skipped.`;
  return [heading(level, 'Data quality'), paragraph(q.file, line), ...fileQualityDetails(q)];
}
