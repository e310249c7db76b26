import type { TopLevelSpec } from 'vega-lite';
import type { SliceResult } from '../../analysis/sliceResult.js';
import { HOUR_KEYS } from '../../analysis/sliceKeys.js';
import { WEEKDAYS } from '../../time/calendar.js';
import { pct } from '../format.js';
import { type SliceChartTheme, SLICE_COLORS, frame } from './csatChart.js';

/**
 * csat-heatmap.vl.json: CSAT per weekday × hour. A diverging orange–blue scale centred on the
 * overall CSAT (orange below, blue above, matching the low/high colours elsewhere). Cells with
 * fewer than min-rated ratings are faded and labelled with their number of ratings, so a vivid
 * cell is never just three unhappy customers; cells with no ratings are light grey.
 */
export function csatHeatmapSpec(result: SliceResult, theme?: SliceChartTheme): TopLevelSpec {
  const minRated = result.options.minRated;
  const byCell = new Map(result.heatmap.map((c) => [`${c.weekday} ${c.hour}`, c]));
  const values = WEEKDAYS.flatMap((weekday) =>
    HOUR_KEYS.map((hour) => {
      const c = byCell.get(`${weekday} ${hour}`);
      return { weekday, hour, tickets: c?.tickets ?? 0, rated: c?.rated ?? 0, csat: c?.csat ?? null };
    }),
  );
  const x = { field: 'hour', type: 'ordinal', title: 'Hour opened', scale: { domain: [...HOUR_KEYS] }, axis: { labelAngle: 0 } };
  const y = { field: 'weekday', type: 'ordinal', title: null, scale: { domain: [...WEEKDAYS] } };
  const mid = result.overall.csat ?? 0.5;
  return {
    ...frame(theme, {
      title: 'CSAT by weekday and hour opened',
      subtitle: [
        `Orange below, blue above the overall CSAT of ${pct(result.overall.csat)}.`,
        `Faded cells with a number have fewer than ${minRated} ratings (the number is how many); grey cells have none.`,
      ],
      width: 820,
      height: 320,
    }),
    data: { values },
    encoding: { x, y },
    layer: [
      { mark: { type: 'rect', color: SLICE_COLORS.empty } },
      {
        transform: [{ filter: 'datum.rated > 0' }],
        mark: { type: 'rect' },
        encoding: {
          color: {
            field: 'csat',
            type: 'quantitative',
            title: 'CSAT',
            scale: { scheme: 'blueorange', reverse: true, domain: [0, 1], domainMid: mid },
            legend: { format: '.0%', orient: 'bottom', direction: 'horizontal', gradientLength: 200 },
          },
          opacity: { condition: { test: `datum.rated >= ${minRated}`, value: 1 }, value: 0.35 },
          tooltip: [
            { field: 'weekday', type: 'nominal', title: 'Weekday' },
            { field: 'hour', type: 'nominal', title: 'Hour' },
            { field: 'csat', type: 'quantitative', format: '.1%', title: 'CSAT' },
            { field: 'rated', type: 'quantitative', title: 'Rated' },
            { field: 'tickets', type: 'quantitative', title: 'Tickets' },
          ],
        },
      },
      {
        transform: [{ filter: `datum.rated > 0 && datum.rated < ${minRated}` }],
        mark: { type: 'text', color: SLICE_COLORS.ink, fontSize: Math.round((theme?.fontSize ?? 11) * 0.75) },
        encoding: { text: { field: 'rated', type: 'quantitative' } },
      },
    ],
  } as TopLevelSpec;
}
