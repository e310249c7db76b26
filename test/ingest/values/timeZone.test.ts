import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toZoneWallClock } from '../../../src/ingest/values/timeZone.js';

const utc = Date.UTC;
const DAY = 86_400_000;

/**
 * The reference: the zone's offset as Intl names it ("GMT+05:45"), a different Intl path from the
 * formatToParts reading the code under test uses, applied to the instant directly with no cache.
 */
const referenceFormats = new Map<string, Intl.DateTimeFormat>();
function referenceWallClock(zone: string, utcMs: number): number {
  let format = referenceFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
    referenceFormats.set(zone, format);
  }
  const name = format.formatToParts(new Date(utcMs)).find((p) => p.type === 'timeZoneName')!.value;
  const m = /^GMT(?:([+-])(\d\d):(\d\d))?$/.exec(name);
  if (!m) throw new Error(`unexpected offset name ${name}`);
  const offset = m[1] ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) * 60_000 : 0;
  return utcMs + offset;
}

describe('toZoneWallClock', () => {
  it('applies standard and daylight offsets', () => {
    const berlin = toZoneWallClock('Europe/Berlin');
    expect(berlin(utc(2014, 0, 31, 8, 30))).toBe(utc(2014, 0, 31, 9, 30));
    expect(berlin(utc(2014, 6, 1, 8, 30))).toBe(utc(2014, 6, 1, 10, 30));
  });

  it('switches exactly at the DST transition (2014-03-30 01:00 UTC in Berlin)', () => {
    const berlin = toZoneWallClock('Europe/Berlin');
    expect(berlin(utc(2014, 2, 30, 0, 59, 59))).toBe(utc(2014, 2, 30, 1, 59, 59));
    expect(berlin(utc(2014, 2, 30, 1, 0, 0))).toBe(utc(2014, 2, 30, 3, 0, 0));
  });

  it('handles half-hour zones', () => {
    expect(toZoneWallClock('Asia/Kolkata')(utc(2014, 0, 1, 0, 0))).toBe(utc(2014, 0, 1, 5, 30));
  });

  // The three instants the per-hour cache got an hour or half an hour wrong (wall clock from Intl).
  it('honours a transition in the middle of a UTC hour: St John\'s 2014-03-09 05:30 UTC', () => {
    const stJohns = toZoneWallClock('America/St_Johns');
    // Warm the cache with the hour's start first: the old code then reused -03:30 all hour.
    expect(stJohns(utc(2014, 2, 9, 5, 0))).toBe(utc(2014, 2, 9, 1, 30));
    expect(stJohns(utc(2014, 2, 9, 5, 45))).toBe(utc(2014, 2, 9, 3, 15));
  });

  it('honours Lord Howe\'s 30-minute DST step: 2014-10-04 15:45 UTC is 02:45', () => {
    const lordHowe = toZoneWallClock('Australia/Lord_Howe');
    expect(lordHowe(utc(2014, 9, 4, 15, 0))).toBe(utc(2014, 9, 5, 1, 30));
    expect(lordHowe(utc(2014, 9, 4, 15, 45))).toBe(utc(2014, 9, 5, 2, 45));
  });

  it('honours Adelaide\'s transition at 16:30 UTC: 2025-10-04 16:45 UTC is 03:15', () => {
    const adelaide = toZoneWallClock('Australia/Adelaide');
    expect(adelaide(utc(2025, 9, 4, 16, 0))).toBe(utc(2025, 9, 5, 1, 30));
    expect(adelaide(utc(2025, 9, 4, 16, 45))).toBe(utc(2025, 9, 5, 3, 15));
  });

  it('skips the spring-forward gap in New York (02:00–02:59 on 2014-03-09 never shows)', () => {
    const newYork = toZoneWallClock('America/New_York');
    expect(newYork(utc(2014, 2, 9, 6, 59, 59))).toBe(utc(2014, 2, 9, 1, 59, 59));
    expect(newYork(utc(2014, 2, 9, 7, 0, 0))).toBe(utc(2014, 2, 9, 3, 0, 0));
  });

  it('repeats the fall-back hour in New York (01:00–01:59 on 2014-11-02, EDT then EST)', () => {
    const newYork = toZoneWallClock('America/New_York');
    expect(newYork(utc(2014, 10, 2, 5, 30))).toBe(utc(2014, 10, 2, 1, 30)); // EDT
    expect(newYork(utc(2014, 10, 2, 5, 59, 59))).toBe(utc(2014, 10, 2, 1, 59, 59));
    expect(newYork(utc(2014, 10, 2, 6, 0, 0))).toBe(utc(2014, 10, 2, 1, 0, 0)); // EST
    expect(newYork(utc(2014, 10, 2, 6, 30))).toBe(utc(2014, 10, 2, 1, 30));
  });

  it('keeps milliseconds and works before 1970', () => {
    const kathmandu = toZoneWallClock('Asia/Kathmandu');
    expect(kathmandu(utc(2014, 0, 1, 0, 0, 0, 999))).toBe(utc(2014, 0, 1, 5, 45, 0, 999));
    expect(toZoneWallClock('America/New_York')(utc(1969, 11, 31, 23, 59, 59, 500))).toBe(
      utc(1969, 11, 31, 18, 59, 59, 500),
    );
  });

  describe('agrees with Intl at random instants in 30- and 45-minute zones', () => {
    const zones = ['Asia/Kathmandu', 'Australia/Eucla', 'Pacific/Chatham', 'America/St_Johns', 'Australia/Lord_Howe'];
    const from = utc(1970, 0, 1);
    const to = utc(2040, 0, 1);
    for (const zone of zones) {
      // Days whose offset at midnight UTC differs from the next day's hold a transition; random
      // instants are drawn half from those days (where a cache can go wrong) and half from the span.
      const transitionDays: number[] = [];
      for (let day = from; day < to; day += DAY) {
        if (referenceWallClock(zone, day) - day !== referenceWallClock(zone, day + DAY) - day - DAY) {
          transitionDays.push(day);
        }
      }
      it(`${zone} (${transitionDays.length} transition days 1970–2039)`, () => {
        expect(transitionDays.length).toBeGreaterThan(0);
        const anywhere = fc.integer({ min: from, max: to });
        const nearTransition = fc
          .tuple(fc.constantFrom(...transitionDays), fc.integer({ min: 0, max: DAY - 1 }))
          .map(([day, ms]) => day + ms);
        fc.assert(
          fc.property(fc.oneof(anywhere, nearTransition), (instant) => {
            // A fresh clock per zone would hide cache errors; the shared one is what runs.
            expect(toZoneWallClock(zone)(instant)).toBe(referenceWallClock(zone, instant));
          }),
          { numRuns: 3000, seed: 18 },
        );
      });
    }
  });
});
