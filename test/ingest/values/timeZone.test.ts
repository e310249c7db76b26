import { describe, expect, it } from 'vitest';
import { toZoneWallClock } from '../../../src/ingest/values/timeZone.js';

const utc = Date.UTC;

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
});
