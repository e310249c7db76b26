import type { TopLevelSpec } from 'vega-lite';
import type { SliceResult } from '../../analysis/sliceResult.js';
import { csatBarsSpec } from './csatBars.js';
import type { SliceChartTheme } from './csatChart.js';

/** csat-by-weekday.vl.json: CSAT per weekday opened, Mon–Sun. */
export function csatByWeekdaySpec(result: SliceResult, theme?: SliceChartTheme): TopLevelSpec {
  return csatBarsSpec(
    result,
    { dimension: 'weekday', keyTitle: 'Weekday opened', title: 'CSAT by weekday opened', orientation: 'vertical', width: 560, height: 360 },
    theme,
  );
}
