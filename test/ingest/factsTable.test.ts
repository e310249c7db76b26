import { describe, expect, it } from 'vitest';
import { DataError } from '../../src/errors.js';
import { factsTable, unformulaCell } from '../../src/ingest/factsTable.js';
import { csvLine } from '../../src/report/factsCsv.js';
import { CUSTOMER_FACT_COLUMNS } from '../../src/model/customerFacts.js';

const MS_PER_DAY = 86_400_000;
const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / MS_PER_DAY;
/** The context of every row: cohort 2014-03, follow 1m, grace 14d, baseline 12m, orders 2013-02-15..2014-05-10. */
const CONTEXT = ['2014-03-01', '2014-03-31', '2014-04-30', '2014-04-14', '2013-03-01', '2014-02-01', '2013-02-15', '2014-05-10', 'status-and-score', ''];

/** Two members as an engine spells them: DECIMAL text, t/f booleans, timestamps, rows not in customer order. */
const ROWS = [
  ['b', 'resolved', '15.000000', '1', '0.000000', '0', 't', '0.000000', '0', '32', '1', '0', '2014-03-08 10:00:00', '0.000000', '2014-03-08 10:00:00', '1', '0', ...CONTEXT],
  ['a@x.com', 'no_problem', '60', '1', '65.5', '2', 'f', '30', '1', '19', '0', '0', '', '25', '', '0', '1', ...CONTEXT],
];

describe('factsTable (text cells of a facts file → the facts table)', () => {
  it('reads every column, sorted by customer id, and the run context once', () => {
    const f = factsTable({ file: 'f.csv', where: 'line', header: [...CUSTOMER_FACT_COLUMNS], rows: ROWS.map((cells, i) => ({ line: i + 2, cells })) });
    expect(Array.from({ length: f.count }, (_, m) => f.customerId(m))).toEqual(['a@x.com', 'b']);
    expect(f.group).toEqual(['no_problem', 'resolved']);
    expect(Array.from(f.cohortSpend)).toEqual([60, 15]);
    expect(Array.from(f.priorSpend)).toEqual([65.5, 0]);
    expect(Array.from(f.newCustomer)).toEqual([0, 1]);
    expect(Array.from(f.daysToNextOrder)).toEqual([19, 32]);
    expect(Array.from(f.preSpend)).toEqual([25, 0]);
    expect(Array.from(f.firstProblemAt)).toEqual([NaN, day('2014-03-08') * MS_PER_DAY]);
    expect(Array.from(f.linkedTickets)).toEqual([0, 1]);
    expect(Array.from(f.excludedTickets)).toEqual([1, 0]);
    expect(f.run).toEqual({
      windows: {
        cohort: { start: day('2014-03-01'), end: day('2014-03-31') },
        followUp: { start: day('2014-04-01'), end: day('2014-04-30') },
        problem: { start: day('2014-03-01'), end: day('2014-04-14') },
        baseline: { start: day('2013-03-01'), end: day('2014-02-28') },
        pre: { start: day('2014-02-01'), end: day('2014-02-28') },
      },
      dataFirstDay: day('2013-02-15'),
      dataLastDay: day('2014-05-10'),
      resolutionRule: 'status-and-score',
      currency: null,
    });
  });

  it('refuses a day past data_last_day and a first problem without problem tickets, naming the row', () => {
    const bad = (column: string, value: string) => () =>
      factsTable({ file: 'x.parquet', where: 'row', header: [...CUSTOMER_FACT_COLUMNS], rows: [{ line: 1, cells: ROWS[1]!.map((c, k) => (CUSTOMER_FACT_COLUMNS[k] === column ? value : c)) }] });
    // Follow-up starts 2014-04-01; the data ends 2014-05-10, 39 days later.
    expect(bad('days_to_next_order', '40')).toThrow(new DataError('x.parquet row 1: column days_to_next_order "40" is after data_last_day (39 days after the follow-up start); write the facts file with loyalty cohort --facts FILE, or the result of loyalty sql exported unchanged.'));
    expect(bad('first_problem_at', '2014-03-02')).toThrow(/row 1: column first_problem_at "2014-03-02" is set for a member without problem tickets/);
  });

  it('unformulaCell undoes exactly the apostrophe csvLine puts before a formula-like id', () => {
    const ids = ['@bob', '-x', '=1+1', '+44', "'=quoted", "''@two", "'plain", "'", 'ann', '-7', '-7a', "'-7"];
    expect(ids.map((id) => csvLine([id]))).toEqual(["'@bob", "'-x", "'=1+1", "'+44", "''=quoted", "'''@two", "'plain", "'", 'ann', '-7', '-7a', "''-7"]);
    expect(ids.map((id) => unformulaCell(csvLine([id])))).toEqual(ids);
  });
});
