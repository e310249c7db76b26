import type { TopLevelSpec } from 'vega-lite';
import type { SliceResult } from '../../analysis/sliceResult.js';
import { count, pct } from '../format.js';
import { type SliceChartTheme, SLICE_COLORS, STANDING_TITLE, csatDatum, frame, statusScale } from './csatChart.js';

/**
 * volume-by-weekday.vl.json: tickets per weekday (bars, left axis) with CSAT (line, right
 * axis), so load and satisfaction can be read together: do the busy days score worse?
 * CSAT points are coloured by the weekday's standing, like the CSAT charts.
 */
export function volumeByWeekdaySpec(result: SliceResult, theme?: SliceChartTheme): TopLevelSpec {
  const rows = result.dimensions.weekday ?? [];
  const minRated = result.options.minRated;
  const values = rows.map((r) => ({ ...csatDatum(r, minRated), share: r.share }));
  const weekday = { field: 'key', type: 'ordinal', title: 'Weekday opened', scale: { domain: rows.map((r) => r.key) }, axis: { labelAngle: 0 } };
  const csat = {
    field: 'csat',
    type: 'quantitative',
    title: 'CSAT',
    scale: { domain: [0, 1] },
    axis: { format: '.0%', orient: 'right' },
  };
  const rated = values.filter((v) => v.csat !== null);
  return {
    ...frame(theme, {
      title: 'Ticket volume and CSAT by weekday',
      subtitle: `Bars: tickets (${count(result.overall.tickets)} in all); line: CSAT (overall ${pct(result.overall.csat)})`,
      width: 560,
      height: 360,
    }),
    data: { values },
    layer: [
      {
        mark: { type: 'bar', color: SLICE_COLORS.fewRatings },
        encoding: {
          x: weekday,
          y: { field: 'tickets', type: 'quantitative', title: 'Tickets', axis: { orient: 'left' } },
          tooltip: [
            { field: 'key', type: 'nominal', title: 'Weekday' },
            { field: 'tickets', type: 'quantitative', title: 'Tickets' },
            { field: 'share', type: 'quantitative', format: '.1%', title: 'Share' },
          ],
        },
      },
      {
        layer: [
          { mark: { type: 'line', color: SLICE_COLORS.ink, strokeWidth: 2 }, encoding: { x: weekday, y: csat } },
          {
            mark: { type: 'point', filled: true, size: 90, opacity: 1 },
            encoding: {
              x: weekday,
              y: csat,
              color: { field: 'status', type: 'nominal', title: STANDING_TITLE, scale: statusScale(minRated, rated.map((v) => v.status)) },
              tooltip: [
                { field: 'key', type: 'nominal', title: 'Weekday' },
                { field: 'csat', type: 'quantitative', format: '.1%', title: 'CSAT' },
                { field: 'rated', type: 'quantitative', title: 'Rated' },
              ],
            },
          },
        ],
        transform: rated.length < values.length ? [{ filter: 'datum.csat !== null' }] : [],
      },
    ],
    resolve: { scale: { y: 'independent' } },
  } as TopLevelSpec;
}
