import type { TopLevelSpec } from 'vega-lite';
import type { AdjustedAnalysis, GapEstimate } from '../../analysis/adjustedResult.js';
import type { CohortResult } from '../../analysis/cohortResult.js';
import { PAIR } from '../adjustedSentences.js';
import { withCurrency } from '../currencyMoney.js';
import type { CohortChartTheme } from './cohorts.js';
import { lineChartFrame } from './lineChartFrame.js';

const METHODS = ['Raw', 'Adjusted (OLS, HC3)', 'Diff-in-diff'] as const;
const METHOD_COLORS = ['#999999', '#0072B2', '#009E73'];

/**
 * adjusted-vs-raw.vl.json: each comparison's gap in later spend per customer, raw, adjusted
 * and difference-in-differences, as points with 95% intervals, and a rule at 0. Gaps that
 * could not be computed are left out.
 */
export function adjustedVsRawSpec(result: CohortResult, a: AdjustedAnalysis, theme?: CohortChartTheme): TopLevelSpec | null {
  const size = theme?.fontSize ?? 11;
  const lists: GapEstimate[][] = [a.raw, a.adjusted.comparisons, a.diffInDiff.comparisons];
  const values = a.raw.flatMap((raw) =>
    lists.flatMap((list, i) => {
      const g = list.find((c) => c.a === raw.a && c.b === raw.b)!;
      if (g.difference === null) return [];
      const comparison = PAIR[`${raw.a}-${raw.b}`]!;
      return [{ row: `${comparison} · ${METHODS[i]}`, comparison, method: METHODS[i], difference: g.difference, lo: g.ci95?.[0] ?? null, hi: g.ci95?.[1] ?? null }];
    }),
  );
  // No gap could be estimated (a group too small): no chart, rather than an empty one with
  // infinite scales; the sections say why.
  if (values.length === 0) return null;
  const order = values.map((v) => v.row);
  const y = { field: 'row', type: 'nominal', sort: order, title: null, axis: { labelLimit: 30 * size } } as const;
  const money = withCurrency('Gap in later spend per customer', a.revenueAtStake.currency);
  const color = { field: 'method', type: 'nominal', scale: { domain: [...METHODS], range: METHOD_COLORS }, title: null } as const;
  return {
    ...lineChartFrame(size, theme?.title ?? 'Raw and adjusted gaps in later spend', theme?.subtitle ?? [`Cohort ${result.cohort.start}..${result.cohort.end}, follow-up ${result.followUp.start}..${result.followUp.end}`, 'Points: gap A − B; lines: 95% intervals'], theme?.width ?? 560, theme?.height ?? 320),
    layer: [
      { data: { values: [{ zero: 0 }] }, mark: { type: 'rule', color: '#555555' }, encoding: { x: { field: 'zero', type: 'quantitative' } } },
      {
        data: { values },
        layer: [
          { transform: [{ filter: 'datum.lo != null' }], mark: { type: 'rule', strokeWidth: Math.max(1, size / 8) }, encoding: { y, x: { field: 'lo', type: 'quantitative', title: money }, x2: { field: 'hi' }, color } },
          {
            mark: { type: 'point', filled: true, size: size * size * 0.8 },
            encoding: {
              y,
              x: { field: 'difference', type: 'quantitative', title: money },
              color,
              tooltip: [
                { field: 'comparison', type: 'nominal', title: 'Comparison' },
                { field: 'method', type: 'nominal', title: 'Method' },
                { field: 'difference', type: 'quantitative', title: 'Gap', format: ',.2f' },
              ],
            },
          },
        ],
      },
    ],
  } as TopLevelSpec;
}
