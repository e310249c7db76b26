import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { money } from '../../../src/report/format.js';
import { welchTTest } from '../../../src/stats/welch.js';
import { runCli, tempCsv, tempDir } from '../cli.js';

/**
 * Amounts near the top of double precision (a 308-digit amount reads as ≈1e308) would sum to
 * Infinity, and Infinity − Infinity is NaN. Ingest refuses any amount above 1e12 as implausible
 * (counted, and over the 5% rule the file is refused), so no sum can overflow; the statistics
 * still return null rather than NaN for non-finite moments (welchTTest below). No output may
 * print NaN or Infinity.
 * Members: a and g (no problem, later ≈1e308 each: the sum overflows), b and h (resolved,
 * later 29.25 and 50), c and e (unresolved, later ≈1e308 and 0).
 */
const HUGE = '9'.repeat(308);
const ORDERS = tempCsv('orders.csv', [
  'customer_id,order_date,amount',
  `a,2014-01-05,${HUGE}`,
  'b,2014-01-06,30',
  'c,2014-01-07,20',
  `a,2014-02-10,${HUGE}`,
  'g,2014-01-05,3',
  `g,2014-02-10,${HUGE}`,
  'h,2014-01-07,20',
  'h,2014-03-10,50',
  'e,2014-01-07,20',
  `c,2014-02-10,${HUGE}`,
  'b,2014-02-11,29.25',
  'd,2014-05-01,5',
]);
const TICKETS = tempCsv('tickets.csv', [
  'customer_id,created_at,status,satisfaction',
  'b,2014-01-08 10:00,solved,5',
  'h,2014-01-08 10:00,solved,5',
  'c,2014-01-09 10:00,open,1',
  'e,2014-01-09 10:00,open,1',
]);
const NOT_A_NUMBER = /NaN|Infinity|––|\$–|e\+308–/;

describe('amounts that would overflow: refused or skipped, never NaN or Infinity', () => {
  it('cohort: a 308-digit amount is an implausible amount; 4 of 12 rows is over the 5% rule: exit 65 naming the line', async () => {
    const { code, out, err } = await runCli(['cohort', ORDERS, TICKETS, '--cohort', '2014-01']);
    expect(code).toBe(65);
    expect(out).toBe('');
    expect(err).not.toMatch(NOT_A_NUMBER);
    expect(err).toMatch(/4 of 12\) have an unusable amount in column "amount" \(first at line 2: /);
  });

  it('cohort --json --max-unusable 100%: the rows are skipped and counted, exact numbers elsewhere', async () => {
    const { code, out } = await runCli(['cohort', ORDERS, TICKETS, '--cohort', '2014-01', '--json', '--max-unusable', '100%']);
    expect(code).toBe(0);
    expect(out).not.toMatch(NOT_A_NUMBER);
    const json = JSON.parse(out);
    expect(json.dataQuality.orders.rowsSkipped).toBe(4);
    expect(json.groups.resolved.meanSpend).toBe((29.25 + 50) / 2);
  });

  it('report --max-unusable 100%: no NaN or Infinity in any file written', async () => {
    const dir = tempDir();
    const { code } = await runCli(['report', ORDERS, TICKETS, '--cohort', '2014-01', '--out', dir, '--max-unusable', '100%']);
    expect(code).toBe(0);
    for (const name of readdirSync(dir)) expect(readFileSync(join(dir, name), 'utf8'), name).not.toMatch(/NaN|Infinity/);
  });

  it("Welch's test is null when the moments overflow", () => {
    expect(welchTTest([1e308, 1.7e308, 3], [1, 2, 3])).toBeNull();
    expect(welchTTest([Infinity, 1], [1, 2, 3])).toBeNull();
  });

  it('money shows amounts beyond exact cents to 3 significant digits, never in exponent form without a sign of it', () => {
    expect(money(1e308, 'USD')).toBe('$1.00e+308');
    expect(money(-2.5e21, 'USD')).toBe('-$2.50e+21');
    expect(money(999_999_999_999.99, 'USD')).toBe('$999,999,999,999.99');
    expect(money(1e308, null)).toBe('1.00e+308');
    expect(money(Number.NaN, 'USD')).toBe('–');
  });
});
