/**
 * Time is "wall-clock milliseconds": the date and time as written in the file (or, with --tz,
 * as seen in that zone), encoded as if it were UTC. Calendar arithmetic on it is then plain
 * UTC arithmetic, and hours/weekdays read with getUTCHours()/getUTCDay() are the local ones.
 * See src/time/calendar.ts for days and weeks on it, and src/ingest/values/timeZone.ts for --tz.
 */
export type WallTime = number;

/**
 * A "day" is an integer count of days since 1970-01-01 in the wall clock; working in whole
 * days keeps window rules exact (no DST hours, no half-open confusion).
 */
export type Day = number;

/**
 * A window of whole wall-clock days, inclusive at both ends: the cohort window (who is in),
 * the follow-up window (when later spend counts), the problem window (when a ticket counts as
 * a problem with a cohort purchase), the baseline and pre windows.
 */
export interface DayWindow {
  start: Day;
  end: Day;
}
