import { UsageError } from '../errors.js';
import { DEFAULT_BASELINE, type Censoring, type CohortOptions } from './cohortResult.js';
import { addMonths, dayFromParts, isoDay, lastOfMonth, parseIsoDay } from '../time/calendar.js';
import type { Day, DayWindow } from '../model/time.js';

/** A length of time as the user wrote it: `3m`, `90d`, `12w`. */
export interface Span {
  count: number;
  unit: 'd' | 'w' | 'm';
}

/**
 * `YYYY-MM` (that calendar month) or `YYYY-MM-DD..YYYY-MM-DD` (inclusive).
 *
 * @example
 * parseCohortWindow('2014-01');                // 2014-01-01 .. 2014-01-31
 * parseCohortWindow('2014-01-31..2014-01-31'); // one day
 */
export function parseCohortWindow(text: string): DayWindow {
  const value = text.trim();
  const months = parseMonthRange(value);
  if (months !== null) return { start: months[0]!, end: lastOfMonth(months.at(-1)!) };
  const month = /^(\d{4})-(\d{2})$/.exec(value);
  if (month && Number(month[2]) >= 1 && Number(month[2]) <= 12) {
    const start = dayFromParts(Number(month[1]), Number(month[2]), 1);
    return { start, end: lastOfMonth(start) };
  }
  const range = /^(\S+)\s*\.\.\s*(\S+)$/.exec(value);
  const start = range ? parseIsoDay(range[1]) : null;
  const end = range ? parseIsoDay(range[2]) : null;
  if (start === null || end === null) {
    throw new UsageError(
      `--cohort "${text}" is not a month or a date range; use a month like --cohort 2014-01 or an inclusive range like --cohort 2014-01-01..2014-01-31`,
    );
  }
  if (end < start) {
    throw new UsageError(`--cohort "${text}" ends before it starts; write the earlier date first, e.g. --cohort ${range![2]}..${range![1]}`);
  }
  return { start, end };
}

/**
 * `YYYY-MM..YYYY-MM`: the first day of every month from the first to the second, inclusive;
 * null for any other text. Throws UsageError when the range runs backwards.
 *
 * @example
 * parseMonthRange('2014-01..2014-03'); // [2014-01-01, 2014-02-01, 2014-03-01] as Days
 */
export function parseMonthRange(text: string): Day[] | null {
  const m = /^(\d{4})-(\d{2})\s*\.\.\s*(\d{4})-(\d{2})$/.exec(text.trim());
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12 || Number(m[4]) < 1 || Number(m[4]) > 12) return null;
  const first = dayFromParts(Number(m[1]), Number(m[2]), 1);
  const last = dayFromParts(Number(m[3]), Number(m[4]), 1);
  if (last < first) throw new UsageError(`--cohort "${text}" ends before it starts; write the earlier month first, e.g. --cohort ${m[3]}-${m[4]}..${m[1]}-${m[2]}`);
  const months: Day[] = [];
  for (let month = first; month <= last; month = addMonths(month, 1)) months.push(month);
  return months;
}

/**
 * `3m` (calendar months), `90d` (days) or `12w` (weeks). `minimum` is 1 for --follow (an
 * empty follow-up compares nothing) and 0 for --grace (no grace is a valid choice).
 */
export function parseSpan(text: string, flag: '--follow' | '--grace' | '--baseline', minimum: 0 | 1): Span {
  const m = /^(\d{1,4})\s*([dwm])$/i.exec(text.trim());
  const count = m ? Number(m[1]) : NaN;
  if (!m || count < minimum) {
    const example =
      flag === '--grace' ? '--grace 14d, --grace 2w or --grace 0d' : `${flag} ${flag === '--baseline' ? '12m' : '3m'}, ${flag} 90d or ${flag} 12w`;
    const least = minimum === 1 ? 'a whole number of at least 1' : 'a whole number';
    throw new UsageError(`${flag} "${text}" is not ${least} followed by d (days), w (weeks) or m (months); e.g. ${example}`);
  }
  return { count, unit: m[2].toLowerCase() as Span['unit'] };
}

/**
 * The follow-up window: from the day after the cohort ends, for `follow`. Months run to the
 * day before the same day-of-month `count` months later, so a window starting on the 1st
 * covers whole calendar months (Feb 1 + 3m → Feb 1..Apr 30, Mar 1 + 1m → Mar 1..Mar 31);
 * a start late in a month clamps like EDATE (Jan 31 + 1m → Jan 31..Feb 27).
 */
export function followUpWindow(cohort: DayWindow, follow: Span): DayWindow {
  const start = cohort.end + 1;
  return { start, end: afterSpan(start, follow) - 1 };
}

/**
 * The problem window: cohort start through cohort end + grace (grace in months adds
 * calendar months to the cohort's last day, EDATE-style).
 */
export function problemWindow(cohort: DayWindow, grace: Span): DayWindow {
  return { start: cohort.start, end: afterSpan(cohort.end, grace) };
}

function afterSpan(day: Day, span: Span): Day {
  if (span.unit === 'm') return addMonths(day, span.count);
  return day + span.count * (span.unit === 'w' ? 7 : 1);
}

export function windowDays(w: DayWindow): number {
  return w.end - w.start + 1;
}

export function isoWindow(w: DayWindow): { start: string; end: string } {
  return { start: isoDay(w.start), end: isoDay(w.end) };
}

/**
 * Checks every window option without reading data, so a command can fail on a typo before
 * loading large files. Throws UsageError with an example of valid syntax.
 */
export function parseCohortSpans(options: CohortOptions): { follow: Span; grace: Span; baseline: Span } {
  if (options.cohort !== null) parseCohortWindow(options.cohort);
  if (!Number.isSafeInteger(options.bootstrap) || options.bootstrap < 1) {
    throw new UsageError(`--bootstrap "${options.bootstrap}" is not a whole number of at least 1, e.g. --bootstrap 2000`);
  }
  if (!Number.isSafeInteger(options.seed)) {
    throw new UsageError(`--seed "${options.seed}" is not a whole number, e.g. --seed 1`);
  }
  return {
    follow: parseSpan(options.follow, '--follow', 1),
    grace: parseSpan(options.grace, '--grace', 0),
    baseline: parseSpan(options.baseline ?? DEFAULT_BASELINE, '--baseline', 1),
  };
}

/** The follow-up window runs past the last counted order: that part of later spend is unobserved. */
export function censoringOf(followUp: DayWindow, dataEnd: number): Censoring | null {
  if (followUp.end <= dataEnd) return null;
  return { dataEnd: isoDay(dataEnd), missingDays: followUp.end - Math.max(dataEnd, followUp.start - 1) };
}
