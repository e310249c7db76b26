import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { orders, orderSurface, tickets, ticketSurface } from './arbitraries.js';
import { ordersFrom, ticketsFrom, withoutLines } from './parse.js';
import { shuffle } from './shuffleRows.js';
import { writeOrders, writeTickets } from './surface.js';
import { orderRecords } from '../model/orderRecords.js';
import { ticketRecords } from '../model/ticketRecords.js';

/**
 * Row order carries no meaning: shuffling the rows of a file changes nothing but line numbers.
 * Compared on the records, sorted by their ids, in any surface form (slash-date decisions,
 * currency and decimal choices are made from the whole column, never from the first rows).
 */
describe('shuffling rows', () => {
  test('orders: the same records in any row order', async () => {
    await fc.assert(
      fc.asyncProperty(orders, orderSurface, fc.integer({ min: 0, max: 2 ** 31 - 1 }), async (dataset, surface, seed) => {
        const shuffled = shuffle(dataset, seed);
        const a = await ordersFrom(writeOrders(dataset, surface));
        const b = await ordersFrom(writeOrders(shuffled, surface));
        const byId = (x: { orderId: string | null }, y: { orderId: string | null }) => (x.orderId! < y.orderId! ? -1 : 1);
        expect(withoutLines(orderRecords(b.table)).sort(byId)).toEqual(withoutLines(orderRecords(a.table)).sort(byId));
        expect(b.quality.decisions).toEqual(a.quality.decisions);
      }),
      { numRuns: 200, seed: 11 },
    );
  });

  test('tickets: the same records in any row order', async () => {
    await fc.assert(
      fc.asyncProperty(tickets, ticketSurface, fc.integer({ min: 0, max: 2 ** 31 - 1 }), async (dataset, surface, seed) => {
        const a = await ticketsFrom(writeTickets(dataset, surface));
        const b = await ticketsFrom(writeTickets(shuffle(dataset, seed), surface));
        const byId = (x: { ticketId: string | null }, y: { ticketId: string | null }) => Number(x.ticketId) - Number(y.ticketId);
        expect(withoutLines(ticketRecords(b.table)).sort(byId)).toEqual(withoutLines(ticketRecords(a.table)).sort(byId));
        expect(b.quality.decisions).toEqual(a.quality.decisions);
      }),
      { numRuns: 200, seed: 11 },
    );
  });
});
