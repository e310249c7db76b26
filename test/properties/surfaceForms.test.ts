import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { orders, orderSurface, tickets, ticketSurface } from './arbitraries.js';
import { ordersFrom, ticketsFrom, withoutLines } from './parse.js';
import { CANONICAL, writeOrders, writeTickets } from './surface.js';
import { orderRecords } from '../model/orderRecords.js';
import { ticketRecords } from '../model/ticketRecords.js';

/**
 * Issue 5: the same orders and tickets written in any supported surface form (delimiter,
 * encoding, BOM, line endings, quoting, currency and date notation, platform headers) give
 * identical records, hence identical analysis results.
 */
describe('surface forms', () => {
  test('orders: every form parses to the records of the plain canonical CSV', async () => {
    await fc.assert(
      fc.asyncProperty(orders, orderSurface, async (dataset, surface) => {
        const expected = await ordersFrom(writeOrders(dataset, CANONICAL));
        const actual = await ordersFrom(writeOrders(dataset, surface));
        expect(actual.quality.format).toBe(surface.headers);
        expect(actual.quality.rowsSkipped).toBe(0);
        expect(orderRecords(actual.table)).toHaveLength(dataset.length);
        expect(withoutLines(orderRecords(actual.table))).toEqual(withoutLines(orderRecords(expected.table)));
      }),
      { numRuns: 400, seed: 5 },
    );
  });

  test('tickets: every form parses to the records of the plain canonical CSV', async () => {
    await fc.assert(
      fc.asyncProperty(tickets, ticketSurface, async (dataset, surface) => {
        const expected = await ticketsFrom(writeTickets(dataset, CANONICAL));
        const actual = await ticketsFrom(writeTickets(dataset, surface));
        expect(actual.quality.format).toBe(surface.headers);
        expect(actual.quality.rowsSkipped).toBe(0);
        expect(ticketRecords(actual.table)).toHaveLength(dataset.length);
        expect(withoutLines(ticketRecords(actual.table))).toEqual(withoutLines(ticketRecords(expected.table)));
      }),
      { numRuns: 400, seed: 5 },
    );
  });

  test('the canonical form itself reads back the values written', async () => {
    const dataset = [
      { orderId: '#1', customer: ' Bob@Example.COM', at: { y: 2014, m: 1, d: 31, time: { h: 9, mi: 5 } }, cents: -123456, status: 'paid', note: 'a, "b"' },
    ];
    const loaded = await ordersFrom(writeOrders(dataset, { ...CANONICAL, amounts: 'dollar', dates: 'mdy' }));
    expect(withoutLines(orderRecords(loaded.table))).toEqual([
      { customerId: 'bob@example.com', orderDate: Date.UTC(2014, 0, 31, 9, 5), amount: -1234.56, orderId: '#1', status: 'paid' },
    ]);
  });
});
