import { describe, expect, it } from 'vitest';
import { DataError } from '../../src/errors.js';
import { SLICE_TABLE_COLUMNS, sliceTableFromRows } from '../../src/ingest/sliceTableRows.js';

const COLUMNS = [...SLICE_TABLE_COLUMNS];

/** Rows from CSV-like lines under the full header; line n of the list is file line n + 2. */
function table(lines: string[], columns: string[] = COLUMNS) {
  return sliceTableFromRows(
    columns,
    lines.map((l, i) => ({ place: `slices.csv:${i + 2}`, values: Object.fromEntries(l.split(',').map((v, j) => [columns[j]!, v === '' ? null : v])) })),
    'slices.csv',
  );
}

const OVERALL = 'overall,satisfaction,-1,0,3,2,1,2,6,1,0,0,0,2,1,25';

function message(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(DataError);
    return (e as Error).message;
  }
  throw new Error('no error');
}

describe('sliceTableFromRows', () => {
  it('keys hours "00"–"23", ISO weekdays 1–7 as Mon–Sun and cells "Mon 09"; reads the present columns from the overall row', () => {
    // Snowflake's export: the column names upper-case.
    const upper = COLUMNS.map((c) => c.toUpperCase());
    const t = sliceTableFromRows(
      upper,
      [
        ['overall', 'satisfaction,reason', '-1', '0', '3', '2', '1', '2', '6', '1', '0', '0', '0', '2', '1', '25'],
        ['hour', '', '9', '0', '3', '2', '1', '2', '6', '1', '0', '0', '0', '2', '1', '25'],
        ['weekday', '', '-1', '7', '3', '2', '1', '2', '6', '1', '0', '0', '0', '2', '1', '25'],
        ['cell', '', '9', '7', '3', '2', '1', '2', '6', '1', '0', '0', '0', '2', '1', ''],
        ['reason', 'a,b "q"', '-1', '0', '3', '2', '1', '2', '6', '1', '0', '0', '0', '2', '1', '0.15000000000000002'],
      ].map((cells, i) => ({ place: `row ${i + 1}`, values: Object.fromEntries(cells.map((v, j) => [upper[j]!, v])) })),
      'export.csv',
    );
    expect([...t.present].sort()).toEqual(['created_at', 'customer_id', 'reason', 'satisfaction']);
    expect([...t.dimensions.hour.keys()]).toEqual(['09']);
    expect([...t.dimensions.weekday.keys()]).toEqual(['Sun']);
    expect([...t.heatmap.keys()]).toEqual(['Sun 09']);
    expect(t.heatmap.get('Sun 09')!.medianWaitSeconds).toBeNull();
    expect(t.dimensions.reason.get('a,b "q"')).toEqual({
      tickets: 3, rated: 2, satisfied: 1, scores: 2, scoreSum: 6, medianWaitSeconds: 0.15000000000000002,
      transfers: { hits: 0, known: 1 }, reopens: { hits: 0, known: 0 }, fcr: { hits: 1, known: 2 },
    });
  });

  it('refuses a missing column, naming the file, the columns there and what to do', () => {
    expect(message(() => table([OVERALL.replace(/,25$/, '')], COLUMNS.slice(0, -1)))).toBe(
      "slices.csv: missing column median_wait_seconds (the columns are dimension, label, hour, weekday, tickets, rated, satisfied, scores, score_sum, transfers_known, transferred, reopens_known, reopened, fcr_known, fcr); export the result of `loyalty sql --query slices` unchanged, e.g. COPY (…) TO 'slices.csv' (HEADER) in DuckDB or \\copy (…) TO 'slices.csv' CSV HEADER in psql",
    );
  });

  it.each([
    ['overall,,-1,0,3,2,1,2,6,1,0,0,0,2,1,abc', 'slices.csv:2: column median_wait_seconds is "abc", not a number of seconds (or empty for none)'],
    ['overall,,-1,0,3.5,2,1,2,6,1,0,0,0,2,1,25', 'slices.csv:2: column tickets is "3.5", not a whole number'],
    ['overall,,-1,0,,2,1,2,6,1,0,0,0,2,1,25', 'slices.csv:2: column tickets is "", not a whole number'],
    ['overall,,-1,0,3,4,1,2,6,1,0,0,0,2,1,25', 'slices.csv:2: column rated is "4", more than tickets (3)'],
    ['overall,,-1,0,3,2,1,2,11,1,0,0,0,2,1,25', 'slices.csv:2: column score_sum is "11", not a sum of 2 scores from 1 to 5'],
    ['overall,,-1,0,3,2,1,2,6,1,2,0,0,2,1,25', 'slices.csv:2: column transferred is "2", more than transfers_known (1)'],
    ['overall,shoe_size,-1,0,3,2,1,2,6,1,0,0,0,2,1,25', 'slices.csv:2: column label is "shoe_size", not a comma list of ticket columns'],
    ['month,,-1,0,3,2,1,2,6,1,0,0,0,2,1,25', 'slices.csv:2: column dimension is "month", not one of overall, hour, weekday, reason, channel, agent, cell'],
  ])('refuses %s, naming the line, column and value', (line, expected) => {
    expect(message(() => table([line]))).toMatch(new RegExp(`^${expected.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  });

  it('refuses keys out of range, a repeated slice, an empty label and a table without an overall row', () => {
    expect(message(() => table([OVERALL, 'hour,,24,0,1,0,0,0,0,0,0,0,0,0,0,']))).toMatch(/^slices\.csv:3: column hour is "24", not a whole number from 0 to 23 for a hour row/);
    expect(message(() => table([OVERALL, 'weekday,,-1,0,1,0,0,0,0,0,0,0,0,0,0,']))).toMatch(/^slices\.csv:3: column weekday is "0", not a whole number from 1 to 7/);
    expect(message(() => table([OVERALL, 'agent,Ann,-1,0,1,0,0,0,0,0,0,0,0,0,0,', 'agent,Ann,-1,0,1,0,0,0,0,0,0,0,0,0,0,']))).toMatch(/^slices\.csv:4: column dimension is "agent", a second row for the agent slice "Ann"/);
    expect(message(() => table([OVERALL, 'agent,,-1,0,1,0,0,0,0,0,0,0,0,0,0,']))).toMatch(/^slices\.csv:3: column label is "", empty for a agent row/);
    expect(message(() => table(['hour,,9,0,1,0,0,0,0,0,0,0,0,0,0,']))).toMatch(/^slices\.csv: no overall row/);
  });
});
