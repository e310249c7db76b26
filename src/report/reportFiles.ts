import type { CohortResult } from '../analysis/cohortResult.js';
import type { ReportScope } from '../analysis/reportScope.js';
import type { SliceResult } from '../analysis/sliceResult.js';
import type { DriversResult } from '../analysis/driversResult.js';
import type { WeeklyTrends } from '../analysis/weeklyTrends.js';
import type { PreventionResult } from '../analysis/preventionResult.js';
import { preventionMethod, preventionSection } from './preventionMarkdown.js';
import { changeSentence } from './preventionSentences.js';
import type { FileQuality } from '../ingest/records.js';
import type { NotComputed } from './notComputed.js';
import { stableJson } from './format.js';
import { REPORT_CHART_NAMES, reportCharts } from './reportCharts.js';
import { reportDocument, reportMarkdown } from './reportDocument.js';
import { reportHtml } from './reportHtml.js';
import { summaryJson } from './summaryJson.js';
import type { ThemeName } from './theme.js';
import { trendsSection, trendsSummary } from './trendsMarkdown.js';
import type { OutputFile } from './write.js';

/**
 * Every file of a report, in memory: the charts (themed spec, SVG, PNG), report.md,
 * report.html and summary.json. Nothing is written here (see writeOutputSet), nothing is
 * computed beyond what the analyses returned.
 */
export interface ReportParts {
  title: string | null;
  theme: ThemeName;
  png: boolean;
  scope: ReportScope;
  cohort: CohortResult | null;
  cohortProblem: string | null;
  slices: SliceResult | null;
  /** null when there is no satisfaction analysis. */
  drivers: DriversResult | null;
  trends: WeeklyTrends | null;
  /** The prevention analysis of the same tickets (and orders); null when it was not run. */
  prevention?: PreventionResult | null;
  quality: { orders: FileQuality; tickets: FileQuality };
  checks: readonly { rule: string; value: number | null; fired: boolean; message: string }[];
  /** Sections left out because the inputs cannot give them (the engine and exported-table paths); absent in process. */
  notComputed?: NotComputed;
}

/** What the report's files are drawn from, in process or from an engine's tables: everything but the presentation flags and the checks. */
export type ReportSections = Omit<ReportParts, 'title' | 'theme' | 'png' | 'checks'>;

/** A file name a report writes: one of its documents, or a chart as .vl.json, .svg or .png. */
export function isReportFile(name: string): boolean {
  const m = /^(.+)\.(vl\.json|svg|png)$/.exec(name);
  return (DOCUMENTS as readonly string[]).includes(name) || (m !== null && REPORT_CHART_NAMES.includes(m[1]));
}

/** The documents, renamed after the charts they link to (see writeOutputSet). */
export const DOCUMENTS = ['summary.json', 'report.html', 'report.md'] as const;

export async function reportFiles(parts: ReportParts): Promise<{ files: OutputFile[]; warnings: string[] }> {
  const { scope } = parts;
  // Exported tables do not carry the days their tickets were opened.
  const period = scope.ticketPeriod === null ? (parts.notComputed ? 'period not known' : 'no tickets') : scope.week ? `${scope.week.label} (${scope.week.start}..${scope.week.end})` : `${scope.ticketPeriod.start}..${scope.ticketPeriod.end}`;
  const sources = [parts.quality.orders.file, parts.quality.tickets.file].map(baseName);
  const prevention = parts.prevention ?? null;
  const charts = reportCharts(parts.cohort, parts.slices, parts.trends, { theme: parts.theme, ticketPeriod: period, sources }, parts.drivers, prevention);
  // vega, vega-lite and resvg load only when a report is drawn, so other commands start fast.
  const { renderReportCharts } = await import('./reportRender.js');
  const rendered = await renderReportCharts(charts, parts.png);

  const doc = reportDocument({
    title: parts.title,
    scope,
    cohort: parts.cohort,
    cohortProblem: parts.cohortProblem,
    slices: parts.slices,
    drivers: parts.drivers,
    quality: parts.quality,
    charts: charts.map((c) => ({ name: c.name, subject: c.subject, title: c.title, png: parts.png })),
    weekly: parts.trends === null ? null : { summary: trendsSummary(parts.trends), section: trendsSection(parts.trends, 2) },
    checks: parts.checks.map((c) => c.message),
    notComputed: parts.notComputed,
    prevention: prevention === null ? null : { summary: prevention.changes.map((c) => [changeSentence(c, prevention.options.costPerContact, prevention.currency)]), section: preventionSection(prevention, 3, null), method: preventionMethod(prevention, 3, 'Prevention') },
  });
  const summary = summaryJson({
    title: doc.title,
    theme: parts.theme,
    scope,
    cohort: parts.cohort,
    cohortProblem: parts.cohortProblem,
    slices: parts.slices,
    drivers: parts.drivers,
    quality: parts.quality,
    trends: parts.trends,
    checks: parts.checks,
    charts: charts.map((c) => c.name),
    prevention,
    notComputed: parts.notComputed,
  });
  const files: OutputFile[] = [
    ...rendered.files,
    { name: 'report.md', content: reportMarkdown(doc) },
    { name: 'report.html', content: reportHtml(doc, new Map(rendered.charts.map((c) => [c.name, c.svg]))) },
    { name: 'summary.json', content: stableJson(summary) },
  ];
  const warnings = rendered.charts.flatMap((c) => c.warnings.map((w) => `${c.name}: ${w}`));
  return { files, warnings };
}

function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}
