import type { TopLevelSpec } from 'vega-lite';
import type { SliceResult } from '../../analysis/sliceResult.js';
import { csatBarsSpec } from './csatBars.js';
import type { SliceChartTheme } from './csatChart.js';
import { shownSlices } from '../../analysis/sliceTop.js';

/** csat-by-reason.vl.json: CSAT per contact reason, lowest first. */
export function csatByReasonSpec(result: SliceResult, theme?: SliceChartTheme): TopLevelSpec {
  const reasons = shownSlices(result.dimensions.reason ?? [], 'reason', result.options.top).filter((r) => r.csat !== null).length;
  return csatBarsSpec(
    result,
    {
      dimension: 'reason',
      keyTitle: 'Contact reason',
      title: 'CSAT by contact reason',
      orientation: 'horizontal',
      width: 640,
      height: Math.max(200, 120 + 28 * reasons),
    },
    theme,
  );
}
