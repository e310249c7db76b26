import type { Dimension, SliceResult, SliceRow } from '../../analysis/sliceResult.js';
import { sliceSubject } from '../../analysis/sliceSentences.js';
import { count, pct } from '../format.js';
import { OKABE_ITO } from '../palette.js';
import type { ChartTheme } from '../theme.js';
import { WEEKDAYS, type Weekday } from '../../time/calendar.js';

/**
 * What a caller may change about a slices chart: the report's ChartTheme (src/report/theme.ts),
 * every field optional. Size is the whole canvas (padding included); `loyalty report --theme
 * slide` passes SLIDE_THEME with an action title. The footer is left to applyTheme.
 */
export type SliceChartTheme = Partial<ChartTheme>;

/** Okabe–Ito: readable with every common colour-vision deficiency. */
export const SLICE_COLORS = {
  low: OKABE_ITO.vermillion,
  high: OKABE_ITO.blue,
  neutral: '#999999',
  fewRatings: '#DDDDDD',
  ink: OKABE_ITO.black,
  empty: '#F2F2F2',
} as const;

/**
 * Legend entries for a slice's standing against the other tickets, in legend order. Short on
 * purpose: headless vega sizes text by estimate (0.8 em a character), so long labels get
 * truncated or push the plot aside.
 */
export const STANDING_TITLE = 'vs other tickets';
export const STATUS_LOW = 'lower';
export const STATUS_HIGH = 'higher';
export const STATUS_NONE = 'no difference';
export const statusFewRatings = (minRated: number) => `< ${minRated} rated`;

export function statusOf(row: SliceRow, minRated: number): string {
  if (row.flag === 'low') return STATUS_LOW;
  if (row.flag === 'high') return STATUS_HIGH;
  return row.rated < minRated ? statusFewRatings(minRated) : STATUS_NONE;
}

/**
 * Colour scale of slice standings, listing only the standings that occur (in a fixed order),
 * so the legend explains what is on the chart and nothing else.
 */
export function statusScale(minRated: number, present: readonly string[]): { domain: string[]; range: string[] } {
  const all: [string, string][] = [
    [STATUS_LOW, SLICE_COLORS.low],
    [STATUS_HIGH, SLICE_COLORS.high],
    [STATUS_NONE, SLICE_COLORS.neutral],
    [statusFewRatings(minRated), SLICE_COLORS.fewRatings],
  ];
  const shown = all.filter(([status]) => present.includes(status));
  return { domain: shown.map(([s]) => s), range: shown.map(([, c]) => c) };
}

/** The data row every CSAT chart plots for a slice (only slices with ratings have a CSAT to plot). */
export function csatDatum(row: SliceRow, minRated: number) {
  return {
    key: row.key,
    tickets: row.tickets,
    rated: row.rated,
    csat: row.csat,
    lo: row.ci95 ? row.ci95[0] : null,
    hi: row.ci95 ? row.ci95[1] : null,
    status: statusOf(row, minRated),
  };
}

/** "95% intervals; dashed line: overall CSAT 84.0% (1,234 rated)". */
export function overallNote(result: SliceResult): string {
  return `Bars: CSAT with 95% Wilson intervals; dashed line: overall CSAT ${pct(result.overall.csat)} (${count(result.overall.rated)} rated)`;
}

/**
 * Common frame of every slices chart: schema, title, size and type sizes. The size is the
 * whole canvas (autosize fit, padding included) so a 1600×900 slide is exactly that.
 */
export function frame(
  theme: SliceChartTheme | undefined,
  defaults: { title: string; subtitle: string | string[]; width: number; height: number },
): Record<string, unknown> {
  const size = theme?.fontSize ?? 11;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: theme?.title ?? defaults.title,
      subtitle: theme?.subtitle ?? defaults.subtitle,
      anchor: 'start',
      fontSize: theme?.titleFontSize ?? Math.round(size * 1.45),
      subtitleFontSize: size,
      subtitleColor: '#555555',
    },
    width: theme?.width ?? defaults.width,
    height: theme?.height ?? defaults.height,
    autosize: { type: 'fit', contains: 'padding' },
    padding: Math.round(size * 0.9),
    config: {
      font: theme?.font ?? 'Inter',
      axis: { labelFontSize: size, titleFontSize: size, grid: false },
      axisQuantitative: { tickCount: 5 },
      legend: { labelFontSize: size, titleFontSize: size, labelLimit: 16 * size, titleLimit: 16 * size, orient: 'right' },
      view: { stroke: null },
    },
  };
}

/**
 * An action title for a dimension's chart when a finding is in it ("Tickets opened 16:00–19:59:
 * 61% CSAT vs 84% overall"), else null: for callers that title charts with the finding. Low
 * weekdays are named together in week order ("Tickets opened on Mon and Tue: 64% and 63% CSAT"):
 * a weekday pattern is rarely one day, and naming only the worst would hide the rest.
 */
export function findingTitle(result: SliceResult, dimension: Dimension): string | null {
  const found = findingsOf(result, dimension);
  if (found.length === 0) return null;
  const shown = dimension === 'weekday' ? found : found.slice(0, 1);
  const subject = sliceSubject(dimension, andList(shown.map((f) => f.label)));
  return `${subject}: ${andList(shown.map((f) => pct(f.csat, 0)))} CSAT vs ${pct(found[0].overallCsat, 0)} overall`;
}

/**
 * The volume chart's action title: the low weekdays with their share of all tickets ("Mon and
 * Tue: 70% of tickets, 64% and 63% CSAT vs 67% overall"), else null.
 */
export function volumeTitle(result: SliceResult): string | null {
  const days = findingsOf(result, 'weekday');
  if (days.length === 0) return null;
  const labels = new Set(days.map((f) => f.label));
  const share = (result.dimensions.weekday ?? []).filter((r) => labels.has(r.key)).reduce((s, r) => s + r.share, 0);
  return `${andList(days.map((f) => f.label))}: ${pct(share, 0)} of tickets, ${andList(days.map((f) => pct(f.csat, 0)))} CSAT vs ${pct(days[0].overallCsat, 0)} overall`;
}

/** A dimension's findings, weekdays in week order, others in rank order. */
function findingsOf(result: SliceResult, dimension: Dimension) {
  const found = result.findings.filter((x) => x.dimension === dimension);
  return dimension === 'weekday' ? [...found].sort((a, b) => WEEKDAYS.indexOf(a.label as Weekday) - WEEKDAYS.indexOf(b.label as Weekday)) : found;
}

/** "Mon", "Mon and Tue", "Mon, Tue and Wed". */
function andList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
