import { DataError } from '../errors.js';
import type { OrderTable } from '../model/orderTable.js';
import { isCountedOrder } from '../facts/countedOrder.js';
import { dayOf, firstOfMonth, isoDay, lastOfMonth } from '../time/calendar.js';
import { followUpWindow, parseCohortWindow, type Span } from './windows.js';
import type { Day, DayWindow } from '../model/time.js';

/**
 * How the cohort window was chosen:
 * - `given`: --cohort.
 * - `latest-complete`: the default, the latest calendar month with counted orders whose whole
 *   follow-up window ends on or before the last counted order date.
 * - `earliest-partial`: no month has a complete follow-up window, so the earliest month with
 *   counted orders is used, being the one whose follow-up is most observed; the result is
 *   censored and says so.
 */
export type CohortChoice = 'given' | 'latest-complete' | 'earliest-partial';

/** The dates the counted orders cover, and the months that have any. */
export interface OrderSpan {
  first: Day;
  last: Day;
  /** First day of every month holding ≥1 counted order. */
  months: ReadonlySet<Day>;
}

const NEAR_DAYS = 32_768;
const MS_PER_DAY = 86_400_000;

export function countedOrderSpan(table: OrderTable): OrderSpan | null {
  const counted = table.statuses.map(isCountedOrder);
  let first = Infinity;
  let last = -Infinity;
  // Days with counted orders: a flag per day within ~90 years of the first one (a Set.add per
  // row cost most of this pass at millions of rows), a Set for any day beyond.
  const near = new Uint8Array(2 * NEAR_DAYS);
  let origin = NaN;
  const far = new Set<Day>();
  // The wall times of the last day flagged: a row inside it changes nothing, and an export
  // sorted by date has thousands of such rows in a row.
  let dayFrom = Infinity;
  let dayTo = -Infinity;
  const { status, orderDate } = table;
  for (let i = 0; i < table.length; i++) {
    if (!counted[status[i]]) continue;
    const time = orderDate[i];
    if (time >= dayFrom && time < dayTo) continue;
    const day = dayOf(time);
    dayFrom = day * MS_PER_DAY;
    dayTo = dayFrom + MS_PER_DAY;
    if (origin !== origin) origin = day - NEAR_DAYS;
    const at = day - origin;
    if (at >= 0 && at < near.length) near[at] = 1;
    else far.add(day);
    if (day < first) first = day;
    if (day > last) last = day;
  }
  if (first === Infinity) return null;
  const months = new Set<Day>();
  for (let at = 0; at < near.length; at++) if (near[at] === 1) months.add(firstOfMonth(origin + at));
  for (const day of far) months.add(firstOfMonth(day));
  return { first, last, months };
}

export function chooseCohortWindow(
  spec: string | null,
  span: OrderSpan,
  follow: Span,
): { window: DayWindow; choice: CohortChoice } {
  if (spec !== null) return { window: parseCohortWindow(spec), choice: 'given' };
  let latestComplete: DayWindow | null = null;
  for (let month = firstOfMonth(span.last); month >= firstOfMonth(span.first); month = firstOfMonth(month - 1)) {
    if (!span.months.has(month)) continue;
    const window = { start: month, end: lastOfMonth(month) };
    if (followUpWindow(window, follow).end <= span.last) {
      latestComplete = window;
      break;
    }
  }
  if (latestComplete !== null) return { window: latestComplete, choice: 'latest-complete' };

  const earliest = firstOfMonth(span.first);
  const window = { start: earliest, end: lastOfMonth(earliest) };
  if (followUpWindow(window, follow).start > span.last) {
    throw new DataError(
      `the counted orders cover only ${isoDay(span.first)}..${isoDay(span.last)}, one month, so no cohort month has any follow-up; ` +
        'use an orders export that runs past the cohort month, or choose a shorter window with --cohort YYYY-MM-DD..YYYY-MM-DD',
    );
  }
  return { window, choice: 'earliest-partial' };
}
