import type { TopLevelSpec } from 'vega-lite';
import type { PreventionResult } from '../../analysis/preventionResult.js';
import { isoDay, isoWeekStart } from '../../time/calendar.js';
import { OKABE_ITO } from '../palette.js';
import { type SliceChartTheme, frame } from './csatChart.js';

/** Reasons drawn as their own line; the rest are summed into one. */
const LINES = 6;
export const OTHER_REASONS = 'all other reasons';

/**
 * contact-rate.vl.json: the weekly contact rate of the most frequent reasons (the rest summed
 * into one line), one line each, with every --change date marked by a vertical rule labelled
 * with its reason. Weeks are placed at their Monday.
 */
export function contactRateSpec(result: PreventionResult, theme?: SliceChartTheme): TopLevelSpec {
  const shown = result.reasons.slice(0, LINES);
  const rest = result.reasons.slice(LINES);
  const monday = (week: string) => isoDay(isoWeekStart(Number(week.slice(0, 4)), Number(week.slice(6))));
  const values = shown.flatMap((r) => r.weeks.map((w) => ({ reason: r.key, week: w.week, monday: monday(w.week), contacts: w.contacts, rate: w.rate })));
  if (rest.length > 0) {
    result.weeks.forEach((w, i) => {
      const contacts = rest.reduce((s, r) => s + r.weeks[i].contacts, 0);
      const rate = w.rate === null ? null : result.denominator === 'orders' ? (contacts / w.orders!) * 100 : contacts;
      values.push({ reason: OTHER_REASONS, week: w.week, monday: monday(w.week), contacts, rate });
    });
  }
  const domain = [...shown.map((r) => r.key), ...(rest.length > 0 ? [OTHER_REASONS] : [])];
  const palette = [OKABE_ITO.blue, OKABE_ITO.orange, OKABE_ITO.bluishGreen, OKABE_ITO.vermillion, OKABE_ITO.reddishPurple, OKABE_ITO.skyBlue, '#999999'];
  const unit = result.denominator === 'orders' ? 'Contacts per 100 orders' : 'Tickets per week';
  const changes = result.changes.map((c) => ({ date: c.date, label: `${c.reason} changed` }));
  const size = theme?.fontSize ?? 11;
  const x = { field: 'monday', type: 'temporal', title: 'Week (Monday)', axis: { format: '%d %b %Y', labelAngle: 0 } };
  const layers: unknown[] = [
    {
      data: { values },
      mark: { type: 'line', point: true, strokeWidth: 2 },
      encoding: {
        x,
        y: { field: 'rate', type: 'quantitative', title: unit },
        color: { field: 'reason', type: 'nominal', title: 'Reason', scale: { domain, range: palette.slice(0, domain.length) } },
        tooltip: [
          { field: 'reason', type: 'nominal', title: 'Reason' },
          { field: 'week', type: 'nominal', title: 'Week' },
          { field: 'contacts', type: 'quantitative', title: 'Contacts' },
          { field: 'rate', type: 'quantitative', title: unit, format: '.2f' },
        ],
      },
    },
  ];
  if (changes.length > 0) {
    layers.push(
      { data: { values: changes }, mark: { type: 'rule', strokeDash: [4, 3], color: '#333333' }, encoding: { x: { field: 'date', type: 'temporal' } } },
      {
        data: { values: changes },
        mark: { type: 'text', align: 'left', baseline: 'top', dx: 4, y: 4, fontSize: Math.round(size * 0.9), color: '#333333' },
        encoding: { x: { field: 'date', type: 'temporal' }, text: { field: 'label', type: 'nominal' } },
      },
    );
  }
  const title = changes.length === 0 ? `Weekly contact rate by reason, ${result.firstWeek} to ${result.lastWeek}` : `Weekly contact rate by reason, change${changes.length > 1 ? 's' : ''} marked`;
  return {
    ...frame(theme, { title, subtitle: `${unit}, ${result.firstWeek} to ${result.lastWeek}; dashed line: the day a fix went live`, width: 720, height: 360 }),
    layer: layers,
  } as TopLevelSpec;
}
