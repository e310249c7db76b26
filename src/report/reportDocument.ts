import type { CohortResult } from '../analysis/cohortResult.js';
import type { ReportScope } from '../analysis/reportScope.js';
import type { SliceResult } from '../analysis/sliceResult.js';
import type { DriversResult } from '../analysis/driversResult.js';
import { driversMethod, driversSection } from './driversMarkdown.js';
import type { FileQuality } from '../ingest/records.js';
import { cohortCaveatsSection, cohortMethod, cohortSection } from './cohortMarkdown.js';
import { dataQualitySection } from './cohortQuality.js';
import { adjustedMethod, adjustedSection } from './adjustedMarkdown.js';
import { slicesMethod, slicesSection } from './slicesMarkdown.js';
import { type Block, type ChartEntry, chartReference, code, heading, type Inline, list, paragraph, strong } from './doc.js';
import { markdownBlocks } from './docMarkdown.js';
import type { NotComputed } from './notComputed.js';

/**
 * The report as one document, built once from the same section builders `cohort --out`,
 * `slices --out`, `drivers` and `prevention` use: report.md and report.html are two
 * renderings of its blocks (docMarkdown.ts, docHtml.ts); neither is parsed from the other.
 */
export type { ChartEntry };

export interface ReportDocument {
  title: string;
  blocks: Block[];
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
  /** Weekly mode's summary lines and trends section; placed after the summary. */
  weekly: { summary: Inline[][]; section: Block[] } | null;
  /** One sentence per --fail-on rule, as evaluated (fired, passed or not evaluated). */
  checks: string[];
  /** The prevention summary lines, section and method (headed ###); null or absent when not run. */
  prevention?: { summary: Inline[][]; section: Block[]; method: Block[] } | null;
  /** Sections the inputs cannot give (engine and exported-table paths): their sentence stands where they would be. */
  notComputed?: NotComputed;
}

export function reportDocument(input: ReportInput): ReportDocument {
  const { scope, cohort, slices } = input;
  const blocks: Block[] = [paragraph(...runLine(input))];

  const missing = input.notComputed ?? {};
  const noCohort = `Not analysed: ${input.cohortProblem ?? missing.cohort ?? 'no cohort'}.`.replace(/\.\.$/, '.');
  const noSlices = noSlicesText(input);
  const summary: Inline[][] = [
    [strong('Later spend.'), ' ', cohort === null ? noCohort : cohort.headline],
    [strong(`Satisfaction${scope.week ? ` in ${scope.week.label}` : ''}.`), ' ', slices === null ? noSlices : slices.headline],
    ...(input.weekly?.summary ?? []),
    ...(input.prevention?.summary ?? []).map((line) => [strong('Prevention.'), ' ', ...line]),
  ];
  blocks.push(heading(2, 'Summary'), list(summary));
  if (input.checks.length > 0) blocks.push(heading(2, 'Checks'), list(input.checks));
  if (input.weekly !== null) blocks.push(...input.weekly.section);
  else if (missing.trends) blocks.push(heading(2, 'Weekly trends'), paragraph(missing.trends));
  // The charts right after the findings: a reader sees the picture before the detailed tables.
  if (input.charts.length > 0) blocks.push(heading(2, 'Charts'), { kind: 'charts', charts: input.charts });

  blocks.push(heading(2, 'Later spend after a support problem'), ...(cohort === null ? [paragraph(noCohort)] : cohortSection(cohort, 3)));
  if (cohort !== null) blocks.push(...adjustedSection(cohort, 3));
  blocks.push(heading(2, scope.week ? `Satisfaction in ${scope.week.label}` : 'Satisfaction'), ...(slices === null ? [paragraph(noSlices)] : slicesSection(slices, 3)));
  const drivers = input.drivers ?? null;
  if (drivers !== null) {
    const forest = input.charts.find((c) => c.name === 'drivers-forest');
    blocks.push(heading(2, 'Drivers: why satisfaction drops'), ...driversSection(drivers, 3), ...(forest ? chartReference(forest) : []));
  } else if (missing.drivers) blocks.push(heading(2, 'Drivers: why satisfaction drops'), paragraph(missing.drivers));
  if (input.prevention) blocks.push(heading(2, 'Prevention'), ...input.prevention.section);
  else if (missing.prevention) blocks.push(heading(2, 'Prevention'), paragraph(missing.prevention));

  blocks.push(heading(2, 'Method'), list(scopeMethod(scope, cohort !== null)));
  if (cohort !== null) blocks.push(...cohortMethod(cohort, 3, 'Later spend'));
  if (cohort !== null) blocks.push(...adjustedMethod(cohort, 3, 'Adjusted comparison'));
  if (slices !== null) blocks.push(...slicesMethod(slices, 3, 'Satisfaction'));
  if (drivers !== null) blocks.push(...driversMethod(drivers, 3, 'Drivers'));
  if (input.prevention) blocks.push(...input.prevention.method);
  if (cohort !== null) blocks.push(...cohortCaveatsSection(cohort, 2));
  blocks.push(...dataQualitySection([input.quality.orders, input.quality.tickets], 2));
  return { title: input.title ?? defaultTitle(scope), blocks };
}

/**
 * report.md: the title, then every block. Each chart is embedded as an image of its SVG, with
 * its action title as the alt text, so GitHub and editors show it; the spec and PNG are linked.
 */
export function reportMarkdown(doc: ReportDocument): string {
  return markdownBlocks([heading(1, doc.title), ...doc.blocks]);
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

function runLine(input: ReportInput): Inline[] {
  const { scope, quality } = input;
  const line: Inline[] = ['Orders: ', code(quality.orders.file), ' · tickets: ', code(quality.tickets.file)];
  if (scope.week) line.push(` · week ${scope.week.label} (${scope.week.start}..${scope.week.end})`);
  if (scope.asOf) line.push(` · as of ${scope.asOf}`);
  return [...line, '.'];
}

function scopeMethod(scope: ReportScope, hasCohort: boolean): string[] {
  if (scope.week === null) {
    const period = scope.ticketPeriod ? ` (tickets opened ${scope.ticketPeriod.start}..${scope.ticketPeriod.end})` : '';
    return [`Scope: all usable rows of both files${period}.`];
  }
  const w = scope.week;
  return [
    `Scope: the report is written as of the end of ${w.label} (${w.start}..${w.end}), so rerunning it later on a longer export gives the same numbers.`,
    `Later spend uses only orders and tickets dated on or before ${w.end}; ${scope.laterOrders} orders and ${scope.laterTickets} tickets dated after it are left out.` +
      (hasCohort ? ` The cohort is chosen by the rule below on that data: the latest month with a complete follow-up window as of ${w.end}.` : ''),
    `Satisfaction covers the tickets opened in ${w.label}. The trends compare ${w.label} with ${scope.previousWeek!.label} (${scope.previousWeek!.start}..${scope.previousWeek!.end}).`,
  ];
}
