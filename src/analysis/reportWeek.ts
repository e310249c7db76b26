import { UsageError } from '../errors.js';
import { dayFromParts, isoWeekLabel, isoWeekOf, isoWeekStart, parseIsoDay } from '../time/calendar.js';
import type { Day } from '../model/time.js';

/**
 * The week a weekly report covers: one ISO 8601 week, Monday through Sunday inclusive, in the
 * wall clock of the data (a ticket belongs to the week of its created_at day).
 *
 * `--week` takes either an explicit ISO week, `YYYY-Www` (2026-W47), or `last`: the last full
 * ISO week before the as-of day. A week is full when its Sunday is before the as-of day, so
 * `last` is always the week before the one containing as-of: a report scheduled for Monday
 * 2026-11-23 covers 2026-W47 (Mon 11-16 … Sun 11-22), and so does one run on any day up to
 * Sunday 2026-11-29 (that Sunday's own week is not over yet while the day lasts).
 */
export interface ReportWeek {
  label: string;
  start: Day;
  end: Day;
}

const WEEK_SPEC = /^(\d{4})-W(\d{2})$/;
const WEEK_EXAMPLE = 'use YYYY-Www, e.g. --week 2026-W47, or --week last';

/** `--week 2026-W47` or `--week last`, resolved against the as-of day (today unless --as-of). */
export function resolveReportWeek(spec: string, asOf: Day): ReportWeek {
  const text = spec.trim();
  if (text === 'last') return previousWeek(weekContaining(asOf));
  const m = WEEK_SPEC.exec(text);
  if (!m) throw new UsageError(`--week "${spec}" is not an ISO week; ${WEEK_EXAMPLE}`);
  const year = Number(m[1]);
  const week = Number(m[2]);
  // Date.UTC reads years 0–99 as 1900–1999; no ticket data is that old, so refuse rather than misplace.
  if (year < 1000) throw new UsageError(`--week "${spec}" is before the year 1000; ${WEEK_EXAMPLE}`);
  const weeks = weeksInIsoYear(year);
  if (week < 1 || week > weeks) {
    throw new UsageError(
      `--week "${spec}" does not exist: ISO year ${year} has ${weeks} weeks (${weekText(year, 1)} to ${weekText(year, weeks)}); ${WEEK_EXAMPLE}`,
    );
  }
  return weekContaining(isoWeekStart(year, week));
}

/** The ISO week containing a day. */
export function weekContaining(day: Day): ReportWeek {
  const { year, week } = isoWeekOf(day);
  const start = isoWeekStart(year, week);
  return { label: isoWeekLabel(start), start, end: start + 6 };
}

export function previousWeek(w: ReportWeek): ReportWeek {
  return weekContaining(w.start - 7);
}

/** True once the week's Sunday is before the as-of day: the report can use all of its tickets. */
export function isWeekComplete(w: ReportWeek, asOf: Day): boolean {
  return w.end < asOf;
}

/**
 * 52 or 53. An ISO year has 53 weeks exactly when its 28 December (always in the year's last
 * week) falls in week 53: years starting on a Thursday, and leap years starting on a Wednesday.
 */
export function weeksInIsoYear(year: number): number {
  return isoWeekOf(dayFromParts(year, 12, 28)).week;
}

/** `--as-of 2026-11-23`: the day the report is run for (it decides what `--week last` means). */
export function parseAsOf(text: string): Day {
  const day = parseIsoDay(text.trim());
  if (day === null) {
    throw new UsageError(`--as-of "${text}" is not a date; use YYYY-MM-DD, e.g. --as-of 2026-11-23`);
  }
  return day;
}

function weekText(year: number, week: number): string {
  return `${year}-W${String(week).padStart(2, '0')}`;
}
