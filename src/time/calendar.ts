import type { Day, WallTime } from '../model/time.js';

/** Calendar arithmetic on wall-clock time (WallTime) and whole days (Day), both in src/model/time.ts. */

const MS_PER_DAY = 86_400_000;
export const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export function dayOf(t: WallTime): Day {
  return Math.floor(t / MS_PER_DAY);
}

/**
 * The UTC hour of wall time t, as new Date(t).getUTCHours() gives it (NaN outside the dates
 * Date holds), by arithmetic: a Date per ticket was most of the time slicing 1M tickets took.
 */
export function hourOf(t: WallTime): number {
  const ms = timeClip(t);
  return Math.floor((((ms % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY) / 3_600_000);
}

/** Monday = 0 … Sunday = 6 (ISO order, so Mon–Sun sorts naturally); 1970-01-01 was a Thursday. */
export function weekdayIndex(t: WallTime): number {
  const day = Math.floor(timeClip(t) / MS_PER_DAY);
  return (((day + 3) % 7) + 7) % 7;
}

/** Date's TimeClip: whole milliseconds (toward zero), NaN beyond ±8.64e15 ms. */
function timeClip(t: number): number {
  return Math.abs(t) <= 8.64e15 ? Math.trunc(t) : Number.NaN;
}

export function weekdayOf(t: WallTime): Weekday {
  return WEEKDAYS[weekdayIndex(t)];
}

export function dayFromParts(year: number, month: number, day: number): Day {
  return Math.floor(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

/** "2014-01-31" → Day; null when not a real calendar date. */
export function parseIsoDay(text: string): Day | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const day = dayFromParts(y, mo, d);
  return isoDay(day) === text ? day : null;
}

export function isoDay(day: Day): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function dayStart(day: Day): WallTime {
  return day * MS_PER_DAY;
}

/**
 * Adds calendar months, clamping to the month's last day (Jan 31 + 1m = Feb 28/29),
 * the convention of spreadsheet EDATE and most BI tools.
 */
export function addMonths(day: Day, months: number): Day {
  const d = new Date(day * MS_PER_DAY);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const lastOfTarget = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return dayFromParts(y + Math.floor(m / 12), (((m % 12) + 12) % 12) + 1, Math.min(d.getUTCDate(), lastOfTarget));
}

export function firstOfMonth(day: Day): Day {
  const d = new Date(day * MS_PER_DAY);
  return dayFromParts(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
}

export function lastOfMonth(day: Day): Day {
  return addMonths(firstOfMonth(day), 1) - 1;
}

/** ISO 8601 week: weeks start Monday; week 1 holds the year's first Thursday. */
export function isoWeekOf(day: Day): { year: number; week: number } {
  const weekday = (((day + 3) % 7) + 7) % 7; // 1970-01-01 was a Thursday → index 3
  const thursday = day - weekday + 3;
  const year = new Date(thursday * MS_PER_DAY).getUTCFullYear();
  const week = Math.floor((thursday - dayFromParts(year, 1, 1)) / 7) + 1;
  return { year, week };
}

/** Monday of ISO week `week` of ISO year `year`. */
export function isoWeekStart(year: number, week: number): Day {
  const jan4 = dayFromParts(year, 1, 4);
  const jan4Weekday = (((jan4 + 3) % 7) + 7) % 7;
  return jan4 - jan4Weekday + (week - 1) * 7;
}

export function isoWeekLabel(day: Day): string {
  const { year, week } = isoWeekOf(day);
  return `${year}-W${String(week).padStart(2, '0')}`;
}
