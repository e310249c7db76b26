import { describe, expect, it } from 'vitest';
import { runCli, tempCsv } from './cli.js';
import { ORDER_LINES } from './smallCohort.js';

/**
 * An unreadable score empties its cell and keeps the ticket, so the customer stays in the group
 * the ticket puts them in. The orders and groups are those of cohort.test.ts (cohort 2014-01,
 * two customers per group); d's open ticket carries a score of 😀. Before, that ticket was
 * dropped and d moved from "unresolved" to "no problem" (3 / 2 / 1 customers) with exit 0.
 */
const ORDERS = tempCsv('orders.csv', [...ORDER_LINES, 'g,2014-05-01,5']);
const TICKETS = tempCsv('tickets.csv', [
  'customer_id,created_at,status,satisfaction',
  'c,2014-01-08 10:00,solved,5',
  'd,2014-01-09 11:00,open,😀',
  'e,2014-01-10 12:00,closed,4',
  'f,2014-02-14 23:00,pending,',
  'g,2014-05-02 09:00,open,2',
]);

describe('an unreadable score on an open ticket', () => {
  it('keeps the customer in the unresolved group and counts the cell', async () => {
    // One unreadable cell in five tickets is 20%: over the default 5%, so the limit is raised.
    const { code, out, err } = await runCli(['cohort', ORDERS, TICKETS, '--cohort', '2014-01', '--json', '--max-unusable', '25%']);
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect([json.groups.no_problem.customers, json.groups.resolved.customers, json.groups.unresolved.customers]).toEqual([2, 2, 2]);
    expect(json.groups.unresolved.totalSpend).toBe(10);
    expect(json.dataQuality.tickets.rowsUsed).toBe(5);
    expect(json.dataQuality.tickets.cellsEmptied).toEqual({ 'unrecognised satisfaction score': { count: 1, firstLines: [3], examples: ['😀'] } });
    expect(err).toContain('1 unreadable cell(s) left empty, their rows kept');
  });

  it('is refused at the default 5%, with the count', async () => {
    const { code, err } = await runCli(['cohort', ORDERS, TICKETS, '--cohort', '2014-01']);
    expect(code).toBe(65);
    expect(err).toContain('20% of rows (1 of 5) have an unreadable satisfaction in column "satisfaction" (first at line 3: "😀")');
  });
});
