import { withCurrency } from '../currencyMoney.js';
import type { TopLevelSpec } from 'vega-lite';
import type { CohortResult } from '../../analysis/cohortResult.js';
import { GROUP_LABELS } from '../cohortCells.js';
import { currencyAffixes, currencySymbol } from '../../money.js';
import { count } from '../format.js';
import { GROUP_COLORS } from '../palette.js';
import { GROUPS } from '../../model/groups.js';

export type VegaLiteSpec = TopLevelSpec;

/**
 * What a caller may change: the whole canvas size (padding included), base type size and the
 * title lines. `loyalty report --theme slide` passes 1600×900 and an action title.
 */
export interface CohortChartTheme {
  width?: number;
  height?: number;
  fontSize?: number;
  title?: string;
  subtitle?: string | string[];
}

/**
 * cohorts.vl.json: mean later spend per group as bars with their 95% bootstrap intervals as
 * error bars, data inlined. Groups keep a fixed order and their palette colours; an empty
 * group keeps its slot (labelled n = 0) with no bar.
 */
export function cohortChartSpec(result: CohortResult, theme?: CohortChartTheme): VegaLiteSpec {
  const size = theme?.fontSize ?? 11;
  const values = GROUPS.map((g) => {
    const s = result.groups[g];
    return {
      group: g,
      label: `${GROUP_LABELS[g]} (n = ${count(s.customers)})`,
      customers: s.customers,
      meanSpend: s.meanSpend,
      lo: s.ci95 ? s.ci95[0] : null,
      hi: s.ci95 ? s.ci95[1] : null,
    };
  });
  const labels = values.map((v) => v.label);
  const yTitle = withCurrency('Mean later spend', result.currency);
  const x = { field: 'label', type: 'nominal', sort: labels, title: null, axis: { labelAngle: 0, labelLimit: 20 * size } } as const;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: theme?.title ?? 'Mean later spend by group',
      subtitle: theme?.subtitle ?? [
        `Cohort ${result.cohort.start}..${result.cohort.end}, follow-up ${result.followUp.start}..${result.followUp.end}`,
        'Bars: mean spend per customer; lines: 95% bootstrap intervals',
      ],
      anchor: 'start',
      fontSize: Math.round(size * 1.45),
      subtitleFontSize: size,
      subtitleColor: '#555555',
    },
    width: theme?.width ?? 480,
    height: theme?.height ?? 320,
    autosize: { type: 'fit', contains: 'padding' },
    padding: Math.round(size * 0.9),
    data: { values },
    encoding: { x },
    layer: [
      {
        mark: { type: 'bar', width: { band: 0.6 } },
        encoding: {
          y: { field: 'meanSpend', type: 'quantitative', title: yTitle, axis: { format: ',.0f', labelExpr: moneyLabel(result.currency) } },
          color: { field: 'label', type: 'nominal', scale: { domain: labels, range: GROUPS.map((g) => GROUP_COLORS[g]) }, legend: null },
          tooltip: [
            { field: 'label', type: 'nominal', title: 'Group' },
            { field: 'meanSpend', type: 'quantitative', title: withCurrency('Mean', result.currency), format: ',.2f' },
            { field: 'lo', type: 'quantitative', title: withCurrency('95% CI low', result.currency), format: ',.2f' },
            { field: 'hi', type: 'quantitative', title: withCurrency('95% CI high', result.currency), format: ',.2f' },
          ],
        },
      },
      {
        // Ticks a quarter of the bar wide: vega-lite's default spans the whole band at slide size.
        mark: { type: 'errorbar', ticks: { size: Math.round(size * 2) }, color: '#000000', thickness: Math.max(1, Math.round(size / 11)) },
        // The same axis title as the bars, so vega-lite does not merge "…, lo" into it.
        encoding: { y: { field: 'lo', type: 'quantitative', title: yTitle }, y2: { field: 'hi' } },
      },
    ],
    config: {
      font: 'Inter, Helvetica, Arial, sans-serif',
      axis: { labelFontSize: size, titleFontSize: size, grid: false },
      axisQuantitative: { tickCount: 5 },
      view: { stroke: null },
    },
  } as VegaLiteSpec;
}

/**
 * The axis label expression: the currency's symbol around vega's own number format, the minus
 * in front of both ("−€40", as d3's "$" format writes "−$40").
 */
function moneyLabel(currency: string | null): string {
  const { prefix, suffix } = currencyAffixes(currency);
  const number = "format(abs(datum.value), ',.0f')";
  return `(datum.value < 0 ? '−' : '') + ${JSON.stringify(prefix)} + ${number} + ${JSON.stringify(suffix)}`;
}
