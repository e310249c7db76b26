import type { TopLevelSpec } from 'vega-lite';
import type { Dimension, SliceResult } from '../../analysis/sliceResult.js';
import { type SliceChartTheme, SLICE_COLORS, STANDING_TITLE, csatDatum, frame, overallNote, statusScale } from './csatChart.js';
import { shownSlices } from '../../analysis/sliceTop.js';

export interface CsatBarsLayout {
  dimension: Dimension;
  /** Axis title for the slice keys. */
  keyTitle: string;
  title: string;
  /** Vertical bars in key order (hours, weekdays) or horizontal bars sorted by CSAT, lowest first. */
  orientation: 'vertical' | 'horizontal';
  width: number;
  height: number;
}

/**
 * CSAT per slice as bars with Wilson intervals, coloured by standing (low / high / no
 * difference / too few ratings), and the overall CSAT as a dashed reference line. Slices
 * without ratings have no bar, but keep their place on a vertical axis (an empty hour shows
 * as a gap, not as a missing hour).
 */
export function csatBarsSpec(result: SliceResult, layout: CsatBarsLayout, theme?: SliceChartTheme): TopLevelSpec {
  const rows = shownSlices(result.dimensions[layout.dimension] ?? [], layout.dimension, result.options.top);
  const minRated = result.options.minRated;
  const values = rows.filter((r) => r.csat !== null).map((r) => csatDatum(r, minRated));
  const vertical = layout.orientation === 'vertical';
  const keyChannel = vertical ? 'x' : 'y';
  const valueChannel = vertical ? 'y' : 'x';
  // Vertical axes keep every key in its natural order (hours, weekdays); horizontal ones list
  // the rated slices lowest CSAT first (ties keep the result's order), so the worst is on top.
  const domain = vertical ? rows.map((r) => r.key) : [...values].sort((a, b) => a.csat! - b.csat!).map((v) => v.key);
  const key = {
    field: 'key',
    type: 'ordinal' as const,
    title: layout.keyTitle,
    scale: { domain },
    ...(vertical ? { axis: { labelAngle: 0 } } : {}),
  };
  const csatScale = { domain: [0, 1] };
  const tooltip = [
    { field: 'key', type: 'nominal' as const, title: layout.keyTitle },
    { field: 'csat', type: 'quantitative' as const, format: '.1%', title: 'CSAT' },
    { field: 'lo', type: 'quantitative' as const, format: '.1%', title: '95% CI low' },
    { field: 'hi', type: 'quantitative' as const, format: '.1%', title: '95% CI high' },
    { field: 'rated', type: 'quantitative' as const, title: 'Rated' },
    { field: 'tickets', type: 'quantitative' as const, title: 'Tickets' },
  ];
  return {
    ...frame(theme, { title: layout.title, subtitle: overallNote(result), width: layout.width, height: layout.height }),
    data: { values },
    layer: [
      {
        mark: { type: 'bar' },
        encoding: {
          [keyChannel]: key,
          [valueChannel]: { field: 'csat', type: 'quantitative', title: 'CSAT', scale: csatScale, axis: { format: '.0%' } },
          color: { field: 'status', type: 'nominal', title: STANDING_TITLE, scale: statusScale(minRated, values.map((v) => v.status)) },
          tooltip,
        },
      },
      {
        mark: { type: 'rule', color: SLICE_COLORS.ink, opacity: 0.6 },
        encoding: {
          [keyChannel]: key,
          [valueChannel]: { field: 'lo', type: 'quantitative', scale: csatScale },
          [`${valueChannel}2`]: { field: 'hi' },
        },
      },
      {
        data: { values: [{ overall: result.overall.csat ?? 0 }] },
        mark: { type: 'rule', color: SLICE_COLORS.ink, strokeDash: [6, 4] },
        encoding: { [valueChannel]: { field: 'overall', type: 'quantitative', scale: csatScale } },
      },
    ],
  } as TopLevelSpec;
}
