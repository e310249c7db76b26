import { describe, expect, it } from 'vitest';
import { excelSerialToWall, parseTimestamp } from '../../../src/ingest/values/timestamp.js';

const utc = Date.UTC;

describe('parseTimestamp', () => {
  it('reads ISO dates and date-times with T or space, keeping the clock as written', () => {
    expect(parseTimestamp('2014-01-31')).toEqual({ kind: 'wall', ms: utc(2014, 0, 31), offsetMinutes: null, hasTime: false });
    expect(parseTimestamp('2014-01-31T09:30:15')).toEqual({ kind: 'wall', ms: utc(2014, 0, 31, 9, 30, 15), offsetMinutes: null, hasTime: true });
    expect(parseTimestamp('2014-01-31 09:30')).toEqual({ kind: 'wall', ms: utc(2014, 0, 31, 9, 30), offsetMinutes: null, hasTime: true });
  });

  it('parses the offset but does not apply it', () => {
    expect(parseTimestamp('2014-01-31T09:30:00Z')).toMatchObject({ ms: utc(2014, 0, 31, 9, 30), offsetMinutes: 0 });
    expect(parseTimestamp('2014-01-31T09:30:00+01:00')).toMatchObject({ ms: utc(2014, 0, 31, 9, 30), offsetMinutes: 60 });
    expect(parseTimestamp('2014-01-31T09:30:00-0530')).toMatchObject({ ms: utc(2014, 0, 31, 9, 30), offsetMinutes: -330 });
    expect(parseTimestamp('2014-01-31 09:30:00 UTC')).toMatchObject({ ms: utc(2014, 0, 31, 9, 30), offsetMinutes: 0 });
  });

  it('keeps fractional seconds to the millisecond', () => {
    expect(parseTimestamp('2014-01-31T09:30:00.123456Z')).toMatchObject({ ms: utc(2014, 0, 31, 9, 30, 0, 123) });
  });

  it('gives slash dates both readings until the column decides', () => {
    expect(parseTimestamp('3/4/2014')).toEqual({
      kind: 'slash', mdy: utc(2014, 2, 4), dmy: utc(2014, 3, 3), first: 3, second: 4, hasTime: false, offsetMinutes: null,
    });
    expect(parseTimestamp('13/4/2014')).toMatchObject({ mdy: null, dmy: utc(2014, 3, 13) });
  });

  it('reads 12-hour clocks with AM/PM', () => {
    expect(parseTimestamp('1/31/2014 9:05 PM')).toMatchObject({ mdy: utc(2014, 0, 31, 21, 5) });
    expect(parseTimestamp('1/31/2014 12:00:30 am')).toMatchObject({ mdy: utc(2014, 0, 31, 0, 0, 30) });
    expect(parseTimestamp('1/31/2014 13:00 PM')).toBeNull();
  });

  it('reads Persian digits', () => {
    expect(parseTimestamp('۲۰۱۴-۰۱-۳۱')).toMatchObject({ ms: utc(2014, 0, 31) });
  });

  it('classifies bare numbers as possible Excel serial dates', () => {
    expect(parseTimestamp('41670')).toEqual({ kind: 'serial', value: 41670 });
    expect(excelSerialToWall(41670)).toBe(utc(2014, 0, 31));
    expect(excelSerialToWall(41670.5)).toBe(utc(2014, 0, 31, 12));
  });

  it('rejects impossible dates and text', () => {
    for (const bad of ['2014-02-30', '2014-13-01', '2014-01-31T24:00', 'yesterday', '', '31/31/2014', '2/29/2014']) {
      expect(parseTimestamp(bad)).toBeNull();
    }
    expect(parseTimestamp('2016-02-29')).toMatchObject({ ms: utc(2016, 1, 29) });
  });
});

describe('parseTimestamp with month names', () => {
  it.each([
    ['5 Jan 2014', utc(2014, 0, 5), false],
    ['05-Jan-2014 10:00', utc(2014, 0, 5, 10), true],
    ['Mon, 5 January 2014 9:30 PM', utc(2014, 0, 5, 21, 30), true],
    ['Jan 5, 2014 9:30 AM', utc(2014, 0, 5, 9, 30), true],
    ['Sept 5 2014', utc(2014, 8, 5), false],
    ['January 31st, 2014', utc(2014, 0, 31), false],
  ] as const)('%s', (raw, ms, hasTime) => {
    expect(parseTimestamp(raw)).toEqual({ kind: 'wall', ms, offsetMinutes: null, hasTime, named: true });
  });

  it('keeps an offset and rejects non-months and impossible days', () => {
    expect(parseTimestamp('Jan 5, 2014 10:00:00 +0100')).toMatchObject({ ms: utc(2014, 0, 5, 10), offsetMinutes: 60 });
    for (const bad of ['Foo 5 2014', '5 Janx 2014', 'Feb 30, 2014', 'Ja 5 2014']) expect(parseTimestamp(bad)).toBeNull();
  });
});
