import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseOrders } from '../../src/ingest/orders.js';
import { parseTickets } from '../../src/ingest/tickets.js';
import { options } from '../ingest/ingestTestUtil.js';
import { runCli, tempCsv } from './cli.js';
import { orderRecords } from '../model/orderRecords.js';
import { ticketRecords } from '../model/ticketRecords.js';

/**
 * A date outside 1970 .. a year after the run is a typo: the row is skipped and counted with
 * its line, and no window moves. On fixtures/orders.csv (3,440 rows, 2014-01-01 .. 2014-04-30)
 * one extra order dated 2099 moved the default cohort from 2014-01 to 2014-04 and gave every
 * group $0 later spend with exit 0.
 */
const ORDERS = resolve('fixtures/orders.csv');
const TICKETS = resolve('fixtures/tickets.csv');

describe('implausible dates', () => {
  it('one order dated 2099 changes nothing but the data-quality count', async () => {
    const lines = readFileSync(ORDERS, 'utf8').trimEnd().split('\n');
    const typo = tempCsv('orders.csv', [...lines, 'O999999,C12269,2099-01-01,66.09,completed']);
    const plain = await runCli(['cohort', ORDERS, TICKETS, '--json']);
    const withTypo = await runCli(['cohort', typo, TICKETS, '--json']);
    expect(withTypo.code).toBe(0);
    const a = JSON.parse(plain.out);
    const b = JSON.parse(withTypo.out);
    expect(b.cohort).toEqual({ start: '2014-01-01', end: '2014-01-31' });
    expect(b.dataRange).toEqual(a.dataRange);
    expect({ ...b, dataQuality: null, options: null }).toEqual({ ...a, dataQuality: null, options: null });
    expect(b.dataQuality.orders.skipped['implausible order_date (more than a year after the run date)']).toEqual({
      count: 1,
      firstLines: [lines.length + 1],
      examples: ['2099-01-01'],
    });
  }, 60_000);

  it('years 0000–0099 stay themselves and are refused as before 1970, not read as 19xx', async () => {
    const rows = ['customer_id,order_date,amount'];
    for (let i = 0; i < 40; i++) rows.push(`c${i},2014-01-05,10`);
    rows.push('a,0099-01-05,1', 'b,0014-12-31 10:00:00,2');
    const loaded = await parseOrders(rows.join('\n'), 'o.csv', options({ maxUnusable: 0.1 }));
    expect(orderRecords(loaded.table).length).toBe(40);
    expect(loaded.quality.skipped['implausible order_date (before 1970)']).toEqual({ count: 2, firstLines: [42, 43], examples: ['0099-01-05', '0014-12-31 10:00:00'] });
  });

  it('counts implausible dates in the 5% rule', async () => {
    const rows = ['customer_id,order_date,amount', ...Array.from({ length: 10 }, (_, i) => `c${i},2014-01-05,10`), 'z,2099-01-05,1'];
    await expect(parseOrders(rows.join('\n'), 'o.csv', options())).rejects.toThrow('9.1% of rows (1 of 11) have an unusable order_date in column "order_date" (first at line 12: "2099-01-05")');
  });

  it('a ticket dated before 1970 or a year past the run is skipped with its line', async () => {
    const rows = ['customer_id,created_at,status'];
    for (let i = 0; i < 40; i++) rows.push(`c${i},2024-01-05,open`);
    rows.push('old,1969-12-31,open', 'late,2027-06-03,open');
    const loaded = await parseTickets(rows.join('\n'), 't.csv', options({ now: Date.UTC(2026, 5, 1), maxUnusable: 0.1 }));
    expect(ticketRecords(loaded.table).length).toBe(40);
    expect(loaded.problems?.map((p) => [p.line, p.reason])).toEqual([
      [42, 'implausible created_at (before 1970)'],
      [43, 'implausible created_at (more than a year after the run date)'],
    ]);
  });
});

describe('implausible response times', () => {
  it('a first_response_at in 2099 leaves the wait empty and is counted; the ticket stays', async () => {
    const rows = ['customer_id,created_at,first_response_at'];
    for (let i = 0; i < 40; i++) rows.push(`c${i},2024-01-05 09:00,2024-01-05 09:30`);
    rows.push('x,2024-01-05 09:00,2099-01-05 09:30');
    const loaded = await parseTickets(rows.join('\n'), 't.csv', options({ now: Date.UTC(2026, 5, 1) }));
    expect(ticketRecords(loaded.table).length).toBe(41);
    expect(ticketRecords(loaded.table)[40].waitSeconds).toBe(null);
    expect(ticketRecords(loaded.table)[0].waitSeconds).toBe(1800);
    expect(loaded.quality.cellsEmptied).toEqual({ 'implausible first_response_at (more than a year after the run date)': { count: 1, firstLines: [42], examples: ['2099-01-05 09:30:00'] } });
  });
});
