import { describe, expect, it } from 'vitest';
import { DateColumn } from '../../../src/ingest/values/dateColumn.js';
import { DataError, UsageError } from '../../../src/errors.js';
import { ZONE_NAIVE } from '../../../src/ingest/values/timestamp.js';

const utc = Date.UTC;

function readColumn(values: string[], dateFormat: string | null = null, zone: string | null = null): (number | null)[] {
  const column = new DateColumn('order_date', 'order_date', dateFormat, zone);
  const cells = values.map((v) => column.cell(v));
  column.decide('orders.csv');
  return cells.map((c) => (c === null ? null : column.resolve(c)));
}

describe('DateColumn', () => {
  it('converts values from..from+count-1 of a block in place, and only those (fastCells)', () => {
    const column = new DateColumn('order_date', 'order_date', null, 'America/New_York');
    const noon = utc(2014, 0, 1, 12);
    const ms = Float64Array.of(noon, noon, noon, noon);
    column.fastCells(ms, new Uint16Array(4).fill(ZONE_NAIVE), 1, 2);
    // A value without a zone is UTC: noon UTC is 7:00 in New York in January.
    expect([...ms]).toEqual([noon, utc(2014, 0, 1, 7), utc(2014, 0, 1, 7), noon]);
  });

  it('reads slash dates day-first when any first field exceeds 12', () => {
    expect(readColumn(['3/4/2014', '13/4/2014'])).toEqual([utc(2014, 3, 3), utc(2014, 3, 13)]);
  });

  it('reads slash dates month-first when any second field exceeds 12', () => {
    expect(readColumn(['3/4/2014', '4/13/2014'])).toEqual([utc(2014, 2, 4), utc(2014, 3, 13)]);
  });

  it('asks for --date-format when no value decides', () => {
    expect(() => readColumn(['3/4/2014', '5/6/2014'])).toThrow(
      new DataError('orders.csv: column order_date has dates like "3/4/2014" that could be month-first or day-first, and no value decides it; add --date-format MDY or --date-format DMY.'),
    );
    expect(readColumn(['3/4/2014'], 'DMY')).toEqual([utc(2014, 3, 3)]);
    expect(readColumn(['1/1/2014', '2/2/2014'])).toEqual([utc(2014, 0, 1), utc(2014, 1, 2)]);
  });

  it('refuses a column that mixes both orders', () => {
    expect(() => readColumn(['13/4/2014', '4/13/2014'])).toThrow(/mixes day-first and month-first dates \("13\/4\/2014" and "4\/13\/2014"\)/);
  });

  it('rejects an unknown --date-format', () => {
    expect(() => readColumn([], 'YMD')).toThrow(UsageError);
  });

  it('reads numbers as Excel serial dates only when the whole column is numbers', () => {
    expect(readColumn(['41670', '41671'])).toEqual([utc(2014, 0, 31), utc(2014, 1, 1)]);
    expect(readColumn(['41670', '2014-02-01'])).toEqual([null, utc(2014, 1, 1)]);
    expect(readColumn(['123'])).toEqual([null]);
  });

  it('converts timestamps with an offset to the --tz clock, and naive ones as UTC', () => {
    expect(readColumn(['2014-01-31T09:30:00+01:00', '2014-07-01 12:00'], null, 'America/New_York')).toEqual([
      utc(2014, 0, 31, 3, 30),
      utc(2014, 6, 1, 8, 0),
    ]);
  });

  it('keeps date-only values as written under --tz', () => {
    expect(readColumn(['2014-01-31'], null, 'America/New_York')).toEqual([utc(2014, 0, 31)]);
  });

  it('describes what it decided', () => {
    const column = new DateColumn('order_date', 'order_date', null, null);
    column.cell('2014-01-31');
    column.cell('31/1/2014');
    column.decide('orders.csv');
    expect(column.describe()).toBe('ISO 8601, D/M/YYYY (day first)');
  });
});
