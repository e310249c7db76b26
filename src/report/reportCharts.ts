import type { TopLevelSpec } from 'vega-lite';
import type { CohortResult } from '../analysis/cohortResult.js';
import type { Dimension, SliceResult } from '../analysis/sliceResult.js';
import type { WeeklyTrends } from '../analysis/weeklyTrends.js';
import type { PreventionResult } from '../analysis/preventionResult.js';
import { contactRateSpec } from './charts/contactRate.js';
import { preventionChartTitle } from './preventionSentences.js';
import type { DriversResult } from '../analysis/driversResult.js';
import { forestPlotSpec, forestTitle } from './charts/forestPlot.js';
import { pText } from '../analysis/headline.js';
import { adjustedVsRawSpec } from './charts/adjustedVsRaw.js';
import { cohortChartSpec } from './charts/cohorts.js';
import { repurchaseChartSpec } from './charts/repurchase.js';
import { monthlyGapsSpec } from './charts/monthlyGaps.js';
import { moneyIn } from './currencyMoney.js';
import { findingTitle, volumeTitle } from './charts/csatChart.js';
import { slicesCharts } from './charts/csatCharts.js';
import { reasonTrendsSpec } from './charts/reasonTrends.js';
import { cohortSample, cohortTitle } from './cohortTitle.js';
import { count, pct } from './format.js';
import { themeNamed, withTitles, type ChartTheme, type ThemeName } from './theme.js';

/**
 * Which charts a report carries and how each is titled. Every chart gets an action title (the
 * finding, with its uncertainty) and a first subtitle line with the sample size and period;
 * the chart's own subtitle (what the marks mean) follows. The slide theme adds a source footer.
 * Pure: the specs are rendered by reportRender.ts.
 */
export interface ReportChart {
  /** File stem: NAME.vl.json, NAME.svg, NAME.png. */
  name: string;
  /** What the chart shows ("CSAT by hour opened"), the link text in the report. */
  subject: string;
  /** The action title: the finding, with its uncertainty. */
  title: string;
  spec: TopLevelSpec;
  /** What themeChart applies (type, size, footer); titles are already in the spec. */
  theme: ChartTheme;
}

export interface ChartContext {
  theme: ThemeName;
  /** "2014-01-01..2014-04-30" or "week 2014-W17 (2014-04-21..2014-04-27)": when the tickets were opened. */
  ticketPeriod: string;
  /** Input files as named on the command line, for the footer. */
  sources: string[];
}

/** The chart of each slices dimension whose finding titles it (the heatmap takes hour's, else weekday's). */
const CHART_DIMENSION: Record<string, Dimension[]> = {
  'csat-by-hour': ['hour'],
  'csat-by-weekday': ['weekday'],
  'volume-by-weekday': ['weekday'],
  'csat-by-reason': ['reason'],
  'csat-heatmap': ['hour', 'weekday'],
};

/** Every chart a report can draw, for clearing an earlier run's charts out of DIR. */
export const REPORT_CHART_NAMES: readonly string[] = ['cohorts', 'adjusted-vs-raw', 'repurchase', 'monthly-gaps', 'reason-trends', ...Object.keys(CHART_DIMENSION), 'drivers-forest', 'contact-rate'];

/** The adjusted comparison's charts, titled with the revenue figure and the log-rank finding. */
function adjustedCharts(cohort: CohortResult, size: { width?: number; height?: number; fontSize?: number }, theme: ChartTheme): ReportChart[] {
  const a = cohort.adjustment;
  if (a === undefined) return [];
  const sample = cohortSample(cohort);
  const gap = a.adjusted.comparisons.find((c) => c.a === 'resolved' && c.b === 'unresolved')!;
  const gapTitle =
    gap.difference === null
      ? 'Raw and adjusted gaps in later spend'
      : `Resolved vs unresolved: ${moneyIn(gap.difference, a.revenueAtStake.currency)} a customer, adjusted${gap.p !== null && gap.p >= 0.05 ? ' (not significant)' : ''}`;
  const charts: ReportChart[] = [];
  const gaps = adjustedVsRawSpec(cohort, a, { ...size, title: gapTitle, subtitle: [sample, 'Points: gap A − B per customer; lines: 95% intervals'] });
  if (gaps !== null) charts.push({ name: 'adjusted-vs-raw', subject: 'Raw and adjusted gaps in later spend', title: gapTitle, spec: gaps, theme });
  const test = a.repurchase?.logRank ?? null;
  const curveTitle = test === null ? 'Share of customers not yet back' : `Time to the next order: ${test.p < 0.05 ? 'the groups differ' : 'no significant difference'} (log-rank p ${pText(test.p)})`;
  const curves = repurchaseChartSpec(cohort, a, { ...size, title: curveTitle, subtitle: [sample, 'Kaplan–Meier share not yet back, 95% bands; orders to the end of the file'] });
  if (curves !== null) charts.push({ name: 'repurchase', subject: 'Share of customers not yet back, by group', title: curveTitle, spec: curves, theme });
  if (cohort.monthly !== undefined) {
    const t = cohort.monthly.trend;
    const monthlyTitle = t === null ? 'Resolved − unresolved gap by cohort month' : `Resolved − unresolved gap by cohort month: ${t.direction} (trend p ${pText(t.p)})`;
    charts.push({ name: 'monthly-gaps', subject: 'Resolved − unresolved gap by cohort month', title: monthlyTitle, spec: monthlyGapsSpec(cohort.monthly, a.revenueAtStake.currency, monthlyTitle), theme });
  }
  return charts;
}

export function reportCharts(
  cohort: CohortResult | null,
  slices: SliceResult | null,
  trends: WeeklyTrends | null,
  ctx: ChartContext,
  drivers: DriversResult | null = null,
  prevention: PreventionResult | null = null,
): ReportChart[] {
  const base = themeNamed(ctx.theme);
  const theme = ctx.theme === 'slide' ? withTitles(base, { footer: `Source: ${ctx.sources.join(', ')} · loyalty report` }) : base;
  const charts: ReportChart[] = [];

  if (cohort !== null) {
    const title = cohortTitle(cohort);
    // The cohort chart's own 480 px leaves its three long group labels overlapping; 640 fits them.
    const size = ctx.theme === 'slide' ? { width: base.width, height: base.height, fontSize: base.fontSize } : { width: 640, height: 360 };
    const spec = cohortChartSpec(cohort, { ...size, title, subtitle: [cohortSample(cohort), 'Bars: mean later spend per customer; lines: 95% bootstrap intervals'] });
    charts.push({ name: 'cohorts', subject: 'Mean later spend by group', title, spec, theme });
    charts.push(...adjustedCharts(cohort, ctx.theme === 'slide' ? { width: base.width, height: base.height, fontSize: base.fontSize } : { width: 640, height: 360 }, theme));
  }

  if (trends !== null && trends.topReasons.length > 0) {
    const top = trends.topReasons[0];
    const action = `Top contact reason in ${trends.week.label}: ${top.reason} (${count(top.thisWeek)} of ${count(trends.week.tickets)} tickets)`;
    const spec = reasonTrendsSpec(trends, ctx.theme === 'slide' ? { ...base } : {});
    charts.push({ name: 'reason-trends', subject: 'Top contact reasons, this week and the week before', title: action, spec: retitled(spec, action, trends.volumeSentence), theme });
  }

  if (slices !== null) {
    const sample = `${count(slices.overall.tickets)} tickets, ${count(slices.overall.rated)} rated, opened ${ctx.ticketPeriod}`;
    const sized = ctx.theme === 'slide' ? { ...base } : {};
    for (const chart of slicesCharts(slices, sized)) {
      const dims = CHART_DIMENSION[chart.name] ?? [];
      const found = chart.name === 'volume-by-weekday' ? volumeTitle(slices) : (dims.map((d) => findingTitle(slices, d)).find((t) => t !== null) ?? null);
      const action = found ?? noFindingTitle(chart.title, dims, slices);
      charts.push({ name: chart.name, subject: chart.title, title: action, spec: retitled(chart.spec, action, sample), theme });
    }
  }
  if (drivers !== null && Object.keys(drivers.effects).length > 0) {
    const title = forestTitle(drivers);
    const spec = forestPlotSpec(drivers, ctx.theme === 'slide' ? { ...base } : {});
    charts.push({ name: 'drivers-forest', subject: 'Adjusted CSAT effects (forest plot)', title, spec: retitled(spec, title, `${count(drivers.model.n)} rated tickets, opened ${ctx.ticketPeriod}`), theme });
  }
  if (prevention !== null) {
    const title = preventionChartTitle(prevention);
    const spec = contactRateSpec(prevention, ctx.theme === 'slide' ? { ...base } : {});
    const sample = `${count(prevention.weeks.reduce((s, w) => s + w.contacts, 0))} tickets in ${prevention.weeks.length} ISO weeks, ${prevention.firstWeek} to ${prevention.lastWeek}`;
    charts.push({ name: 'contact-rate', subject: 'Weekly contact rate by reason', title, spec: retitled(spec, title, sample), theme });
  }
  return charts;
}

/** Honest when nothing was flagged: the chart's subject and that none of its slices differs. */
function noFindingTitle(subject: string, dims: Dimension[], slices: SliceResult): string {
  if (slices.overall.csat === null) return `${subject}: no ratings`;
  const what = dims.length === 0 ? 'slice' : dims.join(' or ');
  return `${subject}: no ${what} differs significantly from ${pct(slices.overall.csat, 0)} overall`;
}

/** The spec with the action title and the sample line above the chart's own subtitle. */
function retitled(spec: TopLevelSpec, title: string, sample: string): TopLevelSpec {
  const own = (spec as { title?: { subtitle?: string | string[] } }).title ?? {};
  const subtitle = own.subtitle === undefined ? [] : Array.isArray(own.subtitle) ? own.subtitle : [own.subtitle];
  return { ...spec, title: { ...own, text: title, subtitle: [sample, ...subtitle] } } as TopLevelSpec;
}
