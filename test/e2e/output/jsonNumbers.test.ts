import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempCsv, tempDir } from '../cli.js';

/**
 * JSON numbers round-trip: what --json and summary.json write is the double loyalty computed,
 * not a rounding of it. One large amount with cents (12345678901.23, 13 significant digits)
 * used to come out as 12345679390 after rounding to 10 significant digits.
 */
const ORDERS = tempCsv('orders.csv', [
  'customer_id,order_date,amount',
  'a,2014-01-05,12345678901.23',
  'b,2014-01-06,30',
  'a,2014-02-10,12345678901.23',
  'b,2014-02-11,0.1',
  'c,2014-05-01,5',
]);
const TICKETS = tempCsv('tickets.csv', ['customer_id,created_at,status,satisfaction', 'b,2014-01-08 10:00,solved,5', 'c,2014-05-02 09:00,open,1']);

describe('JSON numbers round-trip exactly', () => {
  it('cohort --json keeps 12345678901.23 and 0.1 as written in the file', async () => {
    const { code, out } = await runCli(['cohort', ORDERS, TICKETS, '--cohort', '2014-01', '--json']);
    expect(code).toBe(0);
    const json = JSON.parse(out);
    // a: no problem ticket, later spend 12345678901.23 (one order); b: problem resolved, later 0.1.
    expect(json.groups.no_problem.totalSpend).toBe(12345678901.23);
    expect(json.groups.no_problem.meanSpend).toBe(12345678901.23);
    expect(json.groups.no_problem.baselineMeanSpend).toBe(12345678901.23);
    expect(json.groups.resolved.totalSpend).toBe(0.1);
    expect(out).toContain('12345678901.23');
  });

  it('summary.json keeps the same numbers', async () => {
    const dir = tempDir();
    const { code } = await runCli(['report', ORDERS, TICKETS, '--cohort', '2014-01', '--out', dir]);
    expect(code).toBe(0);
    const summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8'));
    expect(summary.cohort.groups.no_problem.totalSpend).toBe(12345678901.23);
    expect(summary.cohort.groups.resolved.totalSpend).toBe(0.1);
  });
});
