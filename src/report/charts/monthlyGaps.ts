import type { TopLevelSpec } from 'vega-lite';
import type { MonthlyCohorts } from '../../analysis/adjustedResult.js';
import { withCurrency } from '../currencyMoney.js';
import { lineChartFrame } from './lineChartFrame.js';

/** monthly-gaps.vl.json: per cohort month the raw and adjusted resolved − unresolved gaps with 95% intervals. */
export function monthlyGapsSpec(m: MonthlyCohorts, currency: string | null, title: string): TopLevelSpec {
  const size = 11;
  const values = m.months.flatMap((r) =>
    (
      [
        ['Raw', r.raw],
        ['Adjusted (OLS, HC3)', r.adjusted],
      ] as const
    ).flatMap(([method, g]) => (g === null || g.difference === null ? [] : [{ month: r.cohort.start.slice(0, 7), method, difference: g.difference, lo: g.ci95?.[0] ?? null, hi: g.ci95?.[1] ?? null }])),
  );
  const x = { field: 'month', type: 'ordinal', title: 'Cohort month', axis: { labelAngle: 0 } } as const;
  const y = withCurrency('Resolved − unresolved later spend', currency);
  const color = { field: 'method', type: 'nominal', scale: { domain: ['Raw', 'Adjusted (OLS, HC3)'], range: ['#999999', '#0072B2'] }, title: null } as const;
  return {
    ...lineChartFrame(size, title, 'Points: gap per customer; lines: 95% intervals', 560, 320),
    data: { values },
    layer: [
      { transform: [{ filter: 'datum.lo != null' }], mark: { type: 'rule' }, encoding: { x, xOffset: { field: 'method' }, y: { field: 'lo', type: 'quantitative', title: y }, y2: { field: 'hi' }, color } },
      { mark: { type: 'point', filled: true }, encoding: { x, xOffset: { field: 'method' }, y: { field: 'difference', type: 'quantitative', title: y }, color } },
    ],
  } as TopLevelSpec;
}
