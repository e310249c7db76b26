import type { TopLevelSpec } from 'vega-lite';
import type { AdjustedAnalysis } from '../../analysis/adjustedResult.js';
import type { CohortResult } from '../../analysis/cohortResult.js';
import { GROUP_LABELS } from '../cohortCells.js';
import { GROUP_COLORS } from '../palette.js';
import type { CohortChartTheme } from './cohorts.js';
import { lineChartFrame } from './lineChartFrame.js';
import { GROUPS } from '../../model/groups.js';

/**
 * repurchase.vl.json: per group the Kaplan–Meier share of members not yet back, by days since
 * the follow-up start, as a step line with its 95% log(−log) band; data to the last counted
 * order, so the chart runs past the follow-up window. Null without repurchase curves.
 */
export function repurchaseChartSpec(result: CohortResult, a: AdjustedAnalysis, theme?: CohortChartTheme): TopLevelSpec | null {
  const r = a.repurchase;
  if (r === null) return null;
  const size = theme?.fontSize ?? 11;
  const values = GROUPS.flatMap((g) => {
    const points = r.curves[g];
    // The last step held to the censoring day, so each curve ends where its data does.
    const tail = points.length > 0 && points.at(-1)!.day < r.observedDays ? [{ ...points.at(-1)!, day: r.observedDays }] : [];
    return [...points, ...tail].map((p) => ({ group: GROUP_LABELS[g], day: p.day, survival: p.survival, lower: p.lower, upper: p.upper }));
  });
  const domain = GROUPS.map((g) => GROUP_LABELS[g]);
  const color = { field: 'group', type: 'nominal', scale: { domain, range: GROUPS.map((g) => GROUP_COLORS[g]) }, title: null } as const;
  const x = { field: 'day', type: 'quantitative', title: `Days since ${result.followUp.start}` } as const;
  return {
    ...lineChartFrame(size, theme?.title ?? 'Share of customers not yet back, by group', theme?.subtitle ?? [
        `Cohort ${result.cohort.start}..${result.cohort.end}; orders to ${result.dataRange.end} (follow-up ends ${result.followUp.end})`,
        'Kaplan–Meier curves with 95% bands (Greenwood, log(−log))',
      ], theme?.width ?? 560, theme?.height ?? 320),
    data: { values },
    layer: [
      {
        transform: [{ filter: 'datum.lower != null && datum.upper != null' }],
        mark: { type: 'area', interpolate: 'step-after', opacity: 0.18 },
        encoding: { x, y: { field: 'lower', type: 'quantitative', title: 'Not yet back', axis: { format: '.0%' }, scale: { domain: [0, 1] } }, y2: { field: 'upper' }, color },
      },
      {
        mark: { type: 'line', interpolate: 'step-after', strokeWidth: Math.max(1.5, size / 7) },
        encoding: {
          x,
          y: { field: 'survival', type: 'quantitative', title: 'Not yet back' },
          color,
          tooltip: [
            { field: 'group', type: 'nominal', title: 'Group' },
            { field: 'day', type: 'quantitative', title: 'Day' },
            { field: 'survival', type: 'quantitative', title: 'Not yet back', format: '.1%' },
          ],
        },
      },
    ],
  } as TopLevelSpec;
}
