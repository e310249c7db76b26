import type { TopLevelSpec } from 'vega-lite';
import type { SliceResult } from '../../analysis/sliceResult.js';
import { csatByHourSpec } from './csatByHour.js';
import { csatByReasonSpec } from './csatByReason.js';
import { csatByWeekdaySpec } from './csatByWeekday.js';
import type { SliceChartTheme } from './csatChart.js';
import { csatHeatmapSpec } from './csatHeatmap.js';
import { volumeByWeekdaySpec } from './volumeByWeekday.js';

export interface NamedChart {
  /** File stem: the chart is written as `${name}.vl.json`. */
  name: string;
  /** What the chart shows, for links and alt text. */
  title: string;
  spec: TopLevelSpec;
}

/**
 * Every slices chart the result supports: a chart needs its dimension(s) in the result
 * (the heatmap needs both hour and weekday). Listed in a fixed order.
 */
export function slicesCharts(result: SliceResult, theme?: SliceChartTheme): NamedChart[] {
  const has = (d: keyof SliceResult['dimensions']) => result.dimensions[d] !== undefined;
  const charts: NamedChart[] = [];
  if (has('hour')) charts.push({ name: 'csat-by-hour', title: 'CSAT by hour opened', spec: csatByHourSpec(result, theme) });
  if (has('weekday')) charts.push({ name: 'csat-by-weekday', title: 'CSAT by weekday opened', spec: csatByWeekdaySpec(result, theme) });
  if (has('weekday')) charts.push({ name: 'volume-by-weekday', title: 'Ticket volume and CSAT by weekday', spec: volumeByWeekdaySpec(result, theme) });
  if (has('reason')) charts.push({ name: 'csat-by-reason', title: 'CSAT by contact reason', spec: csatByReasonSpec(result, theme) });
  if (has('hour') && has('weekday')) charts.push({ name: 'csat-heatmap', title: 'CSAT by weekday and hour opened', spec: csatHeatmapSpec(result, theme) });
  return charts;
}
