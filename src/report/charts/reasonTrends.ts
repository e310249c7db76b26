import type { TopLevelSpec } from 'vega-lite';
import type { WeeklyTrends } from '../../analysis/weeklyTrends.js';
import { OKABE_ITO } from '../palette.js';
import { type SliceChartTheme, frame } from './csatChart.js';

/** The previous week in grey, this week in the palette's blue: the eye goes to this week. */
export const WEEK_COLORS = { thisWeek: OKABE_ITO.blue, previousWeek: '#BBBBBB' } as const;

/**
 * reason-trends.vl.json: this week's top contact reasons, most tickets first, each as a pair of
 * bars (the week before, this week) with the counts written at the bar ends, so the Monday list
 * reads at a glance. No test is made per reason, so the chart shows counts, not verdicts.
 */
export function reasonTrendsSpec(trends: WeeklyTrends, theme?: SliceChartTheme): TopLevelSpec {
  const [now, before] = [trends.week.label, trends.previous.label];
  const reasons = trends.topReasons.map((r) => r.reason);
  const values = trends.topReasons.flatMap((r) => [
    { reason: r.reason, week: before, tickets: r.previousWeek },
    { reason: r.reason, week: now, tickets: r.thisWeek },
  ]);
  const size = theme?.fontSize ?? 11;
  // The order is the scale's domain, not a custom sort array: vega-lite compiles a sort array
  // into an object keyed by the values, and a reason named "constructor" or "toString" then
  // breaks the dataflow ("Operator not defined").
  const y = { field: 'reason', type: 'nominal', title: null, sort: null, scale: { domain: reasons }, axis: { labelLimit: 16 * size } };
  const yOffset = { field: 'week', type: 'nominal', sort: [before, now] };
  const x = { field: 'tickets', type: 'quantitative', title: 'Tickets' };
  return {
    ...frame(theme, {
      title: `Top contact reasons, ${now} vs ${before}`,
      subtitle: `Bars: tickets per reason in ${before} (grey) and ${now} (blue)`,
      width: 640,
      height: Math.max(200, 90 + 44 * reasons.length),
    }),
    data: { values },
    encoding: { y, yOffset, x },
    layer: [
      {
        mark: { type: 'bar' },
        encoding: {
          color: { field: 'week', type: 'nominal', title: null, scale: { domain: [before, now], range: [WEEK_COLORS.previousWeek, WEEK_COLORS.thisWeek] } },
          tooltip: [
            { field: 'reason', type: 'nominal', title: 'Reason' },
            { field: 'week', type: 'nominal', title: 'Week' },
            { field: 'tickets', type: 'quantitative', title: 'Tickets' },
          ],
        },
      },
      { mark: { type: 'text', align: 'left', dx: Math.round(size * 0.4), fontSize: Math.round(size * 0.9) }, encoding: { text: { field: 'tickets', type: 'quantitative' } } },
    ],
  } as TopLevelSpec;
}
