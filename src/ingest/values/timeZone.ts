/**
 * UTC instant → wall clock in an IANA zone, exact at every instant and fast enough for millions
 * of rows.
 *
 * Intl.DateTimeFormat is slow (microseconds per call), so offsets are cached per UTC hour. An
 * hour is not assumed to have one offset: transitions fall on any minute (St John's changed at
 * 05:30 UTC, Lord Howe's clocks move by 30 minutes, Chatham's at :45), so the offset is read at
 * both ends of the hour, and when they differ the transition instant inside the hour is found by
 * bisection to the second (about 12 more Intl calls, once per transition in the data's span).
 * An hour holding two transitions does not occur in the time-zone database since 1900.
 *
 *   toZoneWallClock('Europe/Berlin')(Date.UTC(2014, 0, 31, 8, 30)) === Date.UTC(2014, 0, 31, 9, 30)
 */
export type ZoneClock = (utcMs: number) => number;

const clocks = new Map<string, ZoneClock>();
const HOUR = 3_600_000;
const SECOND = 1000;

/** One UTC hour: the offset before `switchAt` and the offset from it on (equal when none). */
interface HourOffsets {
  before: number;
  switchAt: number;
  after: number;
}

export function toZoneWallClock(zone: string): ZoneClock {
  const cached = clocks.get(zone);
  if (cached) return cached;
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  const offsetAt = (utcMs: number): number => {
    const parts: Record<string, number> = {};
    for (const p of format.formatToParts(new Date(utcMs))) parts[p.type] = Number(p.value);
    const wall = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
    // Intl works in whole seconds: compare against the instant's own whole second.
    return wall - Math.floor(utcMs / SECOND) * SECOND;
  };
  const hours = new Map<number, HourOffsets>();
  const hourAt = (hourStart: number): HourOffsets => {
    let hour = hours.get(hourStart);
    if (hour === undefined) {
      const before = offsetAt(hourStart);
      const after = offsetAt(hourStart + HOUR - SECOND);
      let switchAt = hourStart + HOUR;
      if (before !== after) {
        // Invariant: offset at lo is `before`, offset at hi is not.
        let lo = hourStart;
        let hi = hourStart + HOUR - SECOND;
        while (hi - lo > SECOND) {
          const mid = lo + Math.floor((hi - lo) / 2 / SECOND) * SECOND;
          if (offsetAt(mid) === before) lo = mid;
          else hi = mid;
        }
        switchAt = hi;
      }
      hour = { before, switchAt, after };
      hours.set(hourStart, hour);
    }
    return hour;
  };
  const clock: ZoneClock = (utcMs) => {
    const hour = hourAt(Math.floor(utcMs / HOUR) * HOUR);
    return utcMs + (utcMs < hour.switchAt ? hour.before : hour.after);
  };
  clocks.set(zone, clock);
  return clock;
}
