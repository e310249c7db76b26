import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastIsoMs, fastZone, parseTimestampText, ZONE_DATE, zoneOffset } from '../../../src/ingest/values/timestamp.js';

const utc = Date.UTC;

/** What fastIsoMs and fastZone say, in parseTimestamp's terms. */
function fast(s: string) {
  const ms = fastIsoMs(s);
  if (ms !== ms) return null;
  const zone = fastZone(s);
  return { kind: 'wall', ms, offsetMinutes: zoneOffset(zone), hasTime: zone !== ZONE_DATE };
}

describe('fastIsoMs and fastZone', () => {
  it('read the shapes exports write, with the clock as written and the offset apart', () => {
    expect(fast('2024-03-16 22:53:47 +0100')).toEqual({ kind: 'wall', ms: utc(2024, 2, 16, 22, 53, 47), offsetMinutes: 60, hasTime: true });
    expect(fast('2024-03-16T22:53:47+05:45')).toEqual({ kind: 'wall', ms: utc(2024, 2, 16, 22, 53, 47), offsetMinutes: 345, hasTime: true });
    expect(fast('2024-03-16T22:53:47-0330')).toEqual({ kind: 'wall', ms: utc(2024, 2, 16, 22, 53, 47), offsetMinutes: -210, hasTime: true });
    expect(fast('2024-03-16T22:53:47.250Z')).toEqual({ kind: 'wall', ms: utc(2024, 2, 16, 22, 53, 47, 250), offsetMinutes: 0, hasTime: true });
    expect(fast('2024-03-16 22:53:47.007')).toEqual({ kind: 'wall', ms: utc(2024, 2, 16, 22, 53, 47, 7), offsetMinutes: null, hasTime: true });
    expect(fast('2024-03-16 22:53')).toEqual({ kind: 'wall', ms: utc(2024, 2, 16, 22, 53), offsetMinutes: null, hasTime: true });
    expect(fast('2024-02-29')).toEqual({ kind: 'wall', ms: utc(2024, 1, 29), offsetMinutes: null, hasTime: false });
  });

  it('leave every other text to the general rule', () => {
    for (const s of ['2023-02-29', '2024-03-16 24:00', '2024-03-16 22:53:47 +1500', '2024-03-16 22:53:47+01', '2024-03-16 22:53Z', '2024-03-16t22:53:47', ' 2024-03-16', '2024-03-16T22:53:47.25Z', '2024-03-16 22:53:47 UTC']) {
      expect(fastIsoMs(s), s).toBeNaN();
    }
  });

  it('agree with the regular expressions wherever they read a value', () => {
    const digit = (lo: number, hi: number) => fc.integer({ min: lo, max: hi }).map((n) => String(n).padStart(2, '0'));
    const pieces = fc.tuple(
      fc.integer({ min: 1890, max: 2210 }).map(String),
      digit(0, 13),
      digit(0, 32),
      fc.constantFrom('T', ' ', 't', '  '),
      digit(0, 25),
      digit(0, 61),
      digit(0, 61),
      fc.constantFrom('', '.000', '.999', '.123', '.5', '.25', '.1234'),
      fc.constantFrom('', 'Z', 'z', ' ', '+01:00', '-0530', ' +0545', '+14:59', '+15:00', '-12:60', '+01', ' Z', '+0100x', 'UTC'),
      fc.constantFrom(10, 16, 19, 99),
    );
    fc.assert(
      fc.property(pieces, ([y, mo, d, sep, h, mi, se, fraction, suffix, cut]) => {
        const full = `${y}-${mo}-${d}${sep}${h}:${mi}:${se}${fraction}${suffix}`;
        const s = cut === 99 ? full : cut === 16 ? `${y}-${mo}-${d}${sep}${h}:${mi}${suffix}` : full.slice(0, cut);
        const got = fast(s);
        if (got !== null) expect(got, s).toEqual(parseTimestampText(s));
      }),
      { numRuns: 20_000 },
    );
  });

  it('decline nothing the bench shapes write', () => {
    for (const s of ['2024-01-01 00:00:00 +0545', '2024-01-11T23:15:14+00:00', '2024-01-11T23:15:14Z', '2024-01-01 00:00', '2024-01-01 00:00:00']) {
      expect(fast(s), s).toEqual(parseTimestampText(s));
    }
  });
});
