/**
 * UTC instant → wall clock in an IANA zone, fast enough for millions of rows.
 *
 * Intl.DateTimeFormat is slow (microseconds per call), so the zone's offset is looked up once per
 * UTC hour and cached: real-world offset changes (DST, zone redefinitions) happen on whole UTC
 * hours, and the exceptions (pre-1970 local mean time) are irrelevant to order data.
 *
 *   toZoneWallClock('Europe/Berlin')(Date.UTC(2014, 0, 31, 8, 30)) === Date.UTC(2014, 0, 31, 9, 30)
 */
export type ZoneClock = (utcMs: number) => number;

const clocks = new Map<string, ZoneClock>();
const HOUR = 3_600_000;

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
  const offsets = new Map<number, number>();
  const offsetAt = (hourStart: number): number => {
    let offset = offsets.get(hourStart);
    if (offset === undefined) {
      const parts: Record<string, number> = {};
      for (const p of format.formatToParts(new Date(hourStart))) parts[p.type] = Number(p.value);
      const wall = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
      offset = wall - hourStart;
      offsets.set(hourStart, offset);
    }
    return offset;
  };
  const clock: ZoneClock = (utcMs) => {
    const hourStart = Math.floor(utcMs / HOUR) * HOUR;
    return utcMs + offsetAt(hourStart);
  };
  clocks.set(zone, clock);
  return clock;
}
