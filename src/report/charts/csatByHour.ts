import type { TopLevelSpec } from 'vega-lite';
import type { SliceResult } from '../../analysis/sliceResult.js';
import { csatBarsSpec } from './csatBars.js';
import type { SliceChartTheme } from './csatChart.js';

/** csat-by-hour.vl.json: CSAT per hour opened, 00–23. */
export function csatByHourSpec(result: SliceResult, theme?: SliceChartTheme): TopLevelSpec {
  return csatBarsSpec(
    result,
    { dimension: 'hour', keyTitle: 'Hour opened', title: 'CSAT by hour opened', orientation: 'vertical', width: 760, height: 360 },
    theme,
  );
}
