import type { WallTime } from '../../model/time.js';

/**
 * The window of dates a row can plausibly carry: from 1970-01-01 to one year after the run
 * (`now`). A date outside it is a typo (2099 for 2019, 0019 for 2019) or a placeholder
 * (1900-01-01); kept, it would move the default cohort and the follow-up window, so the row
 * is skipped and counted instead.
 *
 *   plausibleDates(Date.UTC(2026, 5, 1)).has(Date.UTC(2099, 0, 1)) → false
 */
export interface PlausibleDates {
  from: WallTime;
  until: WallTime;
  has(ms: WallTime): boolean;
  /** Why a date is outside, for the skip's reason. */
  why(ms: WallTime): string;
}

const YEAR_MS = 366 * 86_400_000;
const EPOCH = 0;

export function plausibleDates(now: number): PlausibleDates {
  const until = now + YEAR_MS;
  return {
    from: EPOCH,
    until,
    has: (ms) => ms >= EPOCH && ms <= until,
    why: (ms) => (ms < EPOCH ? 'before 1970' : 'more than a year after the run date'),
  };
}
