import type { CohortResult } from '../analysis/cohortResult.js';
import type { ReportScope } from '../analysis/reportScope.js';
import type { SliceResult } from '../analysis/sliceResult.js';
import type { DriversResult } from '../analysis/driversResult.js';
import { driversMarkdownSection, driversMethod } from './driversMarkdown.js';
import type { FileQuality } from '../ingest/records.js';
import { cohortCaveatsSection, cohortMarkdownSection, cohortMethod } from './cohortMarkdown.js';
import { dataQualitySection } from './cohortQuality.js';
import { adjustedMarkdownSection, adjustedMethod } from './adjustedMarkdown.js';
import { slicesMarkdownSection, slicesMethod } from './slicesMarkdown.js';
import { markdownCell, markdownText, plainText } from './escape.js';
import type { NotComputed } from './notComputed.js';

/**
 * The report as typed blocks, built once from the same section builders `cohort --out` and
 * `slices --out` use: report.md writes every block as Markdown, report.html converts the
 * Markdown blocks and draws the chart block as inline SVG figures.
 */
export type ReportBlock = { kind: 'markdown'; text: string } | { kind: 'charts'; charts: ChartEntry[] };

export interface ChartEntry {
  name: string;
  subject: string;
  title: string;
  png: boolean;
}

export interface ReportDocument {
  title: string;
  blocks: ReportBlock[];
}

export interface ReportInput {
  /** --title, or null for the default. */
  title: string | null;
  scope: ReportScope;
  /** null when the cohort analysis could not run (weekly mode only); `cohortProblem` says why. */
  cohort: CohortResult | null;
  cohortProblem: string | null;
  /** null when the tickets have no satisfaction column, or the report week has no tickets. */
  slices: SliceResult | null;
  /** The drivers analysis of the same tickets; null whenever slices is. */
  drivers?: DriversResult | null;
  quality: { orders: FileQuality; tickets: FileQuality };
  charts: ChartEntry[];
  /** Weekly mode's summary lines and trends section, already rendered; placed after the summary. */
  weekly: { summary: string[]; section: string } | null;
  /** One sentence per --fail-on rule, as evaluated (fired, passed or not evaluated). */
  checks: string[];
  /** The prevention section and its method, already rendered (headed ###); null or absent when not run. */
  prevention?: { summary: string[]; section: string; method: string } | null;
  /** Sections the inputs cannot give (engine and exported-table paths): their sentence stands where they would be. */
  notComputed?: NotComputed;
}

export function reportDocument(input: ReportInput): ReportDocument {
  const { scope, cohort, slices } = input;
  const md = (...parts: string[]): ReportBlock => ({ kind: 'markdown', text: parts.join('\n') });
  const blocks: ReportBlock[] = [md(runLine(input), '')];

  const missing = input.notComputed ?? {};
  const noCohort = markdownText(`Not analysed: ${input.cohortProblem ?? missing.cohort ?? 'no cohort'}.`.replace(/\.\.$/, '.'));
  const summary = [`- **Later spend.** ${cohort === null ? noCohort : markdownText(cohort.headline)}`];
  const noSlices = noSlicesText(input);
  summary.push(`- **Satisfaction${scope.week ? ` in ${scope.week.label}` : ''}.** ${markdownText(slices === null ? noSlices : slices.headline)}`);
  for (const line of input.weekly?.summary ?? []) summary.push(`- ${line}`);
  for (const line of input.prevention?.summary ?? []) summary.push(`- **Prevention.** ${line}`);
  blocks.push(md('## Summary', '', ...summary, ''));
  if (input.checks.length > 0) blocks.push(md('## Checks', '', ...input.checks.map((c) => `- ${markdownText(c)}`), ''));
  if (input.weekly !== null) blocks.push(md(input.weekly.section));
  else if (missing.trends) blocks.push(md('## Weekly trends', '', markdownText(missing.trends), ''));
  // The charts right after the findings: a reader sees the picture before the detailed tables.
  if (input.charts.length > 0) blocks.push(md('## Charts', ''), { kind: 'charts', charts: input.charts });

  blocks.push(md('## Later spend after a support problem', '', cohort === null ? noCohort + '\n' : cohortMarkdownSection(cohort, 3)));
  if (cohort?.adjustment !== undefined) blocks.push(md(adjustedMarkdownSection(cohort, 3)));
  const satisfactionHeading = scope.week ? `## Satisfaction in ${scope.week.label}` : '## Satisfaction';
  blocks.push(md(satisfactionHeading, '', slices === null ? markdownText(noSlices) + '\n' : slicesMarkdownSection(slices, 3)));
  const drivers = input.drivers ?? null;
  if (drivers !== null) {
    const forest = input.charts.find((c) => c.name === 'drivers-forest');
    blocks.push(md('## Drivers: why satisfaction drops', '', driversMarkdownSection(drivers, 3), ...(forest ? [chartLink(forest), ''] : [])));
  } else if (missing.drivers) blocks.push(md('## Drivers: why satisfaction drops', '', markdownText(missing.drivers), ''));
  if (input.prevention) blocks.push(md('## Prevention', '', input.prevention.section));
  else if (missing.prevention) blocks.push(md('## Prevention', '', markdownText(missing.prevention), ''));

  blocks.push(
    md(
      '## Method',
      '',
      ...scopeMethod(scope, cohort !== null),
      '',
      cohort === null ? '' : retitle(cohortMethod(cohort, 3), 'Later spend'),
      cohort?.adjustment === undefined ? '' : adjustedMethod(cohort, 3, 'Adjusted comparison'),
      slices === null ? '' : retitle(slicesMethod(slices, 3), 'Satisfaction'),
      drivers === null ? '' : retitle(driversMethod(drivers, 3), 'Drivers'),
      input.prevention ? retitle(input.prevention.method, 'Prevention') : '',
    ),
  );
  if (cohort !== null) blocks.push(md(cohortCaveatsSection(cohort, 2)));
  blocks.push(md(dataQualitySection([input.quality.orders, input.quality.tickets], 2)));
  return { title: input.title ?? defaultTitle(scope), blocks };
}

/**
 * report.md: the title, then every block. Each chart is embedded as an image of its SVG, with
 * its action title as the alt text, so GitHub and editors show it; the spec and PNG are linked.
 */
export function reportMarkdown(doc: ReportDocument): string {
  const parts = [`# ${markdownText(doc.title)}`, ''];
  for (const block of doc.blocks) {
    if (block.kind === 'markdown') parts.push(block.text);
    else parts.push(...block.charts.map(chartLink), '');
  }
  return parts.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}

export function chartLink(c: ChartEntry): string {
  const png = c.png ? ` · [PNG](${c.name}.png)` : '';
  // The alt text is data text too (a finding names a reason or an agent): one line, escaped.
  return `![${markdownCell(c.title)}](${c.name}.svg)\n\n*${markdownText(c.subject)}* · [SVG](${c.name}.svg) · [Vega-Lite](${c.name}.vl.json)${png}\n`;
}

/** Why there is no satisfaction analysis. */
function noSlicesText(input: ReportInput): string {
  const w = input.scope.week;
  if (input.notComputed?.slices) return input.notComputed.slices;
  if (!input.quality.tickets.columns.satisfaction) {
    return 'The tickets have no satisfaction column, so there is no CSAT to report; map one with --map tickets.satisfaction="Header".';
  }
  return w ? `No tickets were opened in ${w.label} (${w.start}..${w.end}), so there is no CSAT to report for the week.` : 'There are no tickets, so there is no CSAT to report.';
}

function defaultTitle(scope: ReportScope): string {
  return scope.week ? `Weekly support report ${scope.week.label}` : 'Customer support and revenue';
}

function runLine(input: ReportInput): string {
  const { scope, quality } = input;
  const parts = [`Orders: ${code(quality.orders.file)}`, `tickets: ${code(quality.tickets.file)}`];
  if (scope.week) parts.push(`week ${scope.week.label} (${scope.week.start}..${scope.week.end})`);
  if (scope.asOf) parts.push(`as of ${scope.asOf}`);
  return parts.join(' · ') + '.';
}

function scopeMethod(scope: ReportScope, hasCohort: boolean): string[] {
  if (scope.week === null) {
    const period = scope.ticketPeriod ? ` (tickets opened ${scope.ticketPeriod.start}..${scope.ticketPeriod.end})` : '';
    return [`- Scope: all usable rows of both files${period}.`];
  }
  const w = scope.week;
  return [
    `- Scope: the report is written as of the end of ${w.label} (${w.start}..${w.end}), so rerunning it later on a longer export gives the same numbers.`,
    `- Later spend uses only orders and tickets dated on or before ${w.end}; ${scope.laterOrders} orders and ${scope.laterTickets} tickets dated after it are left out.` +
      (hasCohort ? ` The cohort is chosen by the rule below on that data: the latest month with a complete follow-up window as of ${w.end}.` : ''),
    `- Satisfaction covers the tickets opened in ${w.label}. The trends compare ${w.label} with ${scope.previousWeek!.label} (${scope.previousWeek!.start}..${scope.previousWeek!.end}).`,
  ];
}

/** A section builder's "### Method" heading, renamed for its place under the report's Method. */
function retitle(section: string, heading: string): string {
  return section.replace(/^(#+) Method\n/, `$1 ${heading}\n`);
}

/** A file name as a code span: literal in Markdown but for backticks and line breaks. */
function code(text: string): string {
  return '`' + plainText(text).replace(/`/g, "'") + '`';
}
