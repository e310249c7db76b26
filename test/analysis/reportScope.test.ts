import { describe, expect, it } from 'vitest';
import { resolveReportWeek } from '../../src/analysis/reportWeek.js';
import { scopeReport } from '../../src/analysis/reportScope.js';
import { parseIsoDay } from '../../src/time/calendar.js';
import { orderRecords } from '../model/orderRecords.js';
import { loadedOrders, loadedTickets, order, ticket } from './cohortRecords.js';
import { ticketRecords } from '../model/ticketRecords.js';

const orders = loadedOrders([order('a', '2014-04-20', 10), order('a', '2014-04-27', 20), order('b', '2014-04-28', 30)]);
const tickets = loadedTickets([ticket('a', '2014-04-20 09:00'), ticket('a', '2014-04-22 23:59'), ticket('b', '2014-04-27 18:00'), ticket('b', '2014-04-28 00:00')]);

describe('scopeReport', () => {
  it('gives a plain report every row and the span of the tickets', () => {
    const { cohortOrders, cohortTickets, sliceTickets, scope } = scopeReport(orders, tickets, null, null);
    expect([cohortOrders, cohortTickets, sliceTickets]).toEqual([orders, tickets, tickets]);
    expect(scope).toEqual({ week: null, previousWeek: null, asOf: null, ticketPeriod: { start: '2014-04-20', end: '2014-04-28' }, laterOrders: 0, laterTickets: 0 });
  });

  it('cuts a weekly report at the week’s Sunday and gives the slices the week’s tickets only', () => {
    const week = resolveReportWeek('2014-W17', parseIsoDay('2014-04-28')!);
    const { cohortOrders, cohortTickets, sliceTickets, scope } = scopeReport(orders, tickets, week, parseIsoDay('2014-04-28'));
    expect(orderRecords(cohortOrders.table).map((o) => o.amount)).toEqual([10, 20]);
    expect(ticketRecords(cohortTickets.table)).toHaveLength(3);
    expect(ticketRecords(sliceTickets.table).map((t) => t.customerId)).toEqual(['a', 'b']);
    expect(cohortOrders.quality).toBe(orders.quality);
    expect(scope).toEqual({
      week: { label: '2014-W17', start: '2014-04-21', end: '2014-04-27' },
      previousWeek: { label: '2014-W16', start: '2014-04-14', end: '2014-04-20' },
      asOf: '2014-04-28',
      ticketPeriod: { start: '2014-04-21', end: '2014-04-27' },
      laterOrders: 1,
      laterTickets: 1,
    });
  });

  it('has no ticket period for a week without tickets', () => {
    const week = resolveReportWeek('2014-W30', parseIsoDay('2014-08-01')!);
    expect(scopeReport(orders, tickets, week, null).scope.ticketPeriod).toBeNull();
  });

  it('cuts the orders as a filtered table numbering ids with the same tables as the whole one', () => {
    const week = resolveReportWeek('2014-W17', parseIsoDay('2014-04-28')!);
    const { cohortOrders, scope } = scopeReport(orders, tickets, week, null);
    expect(cohortOrders.table.length).toBe(2);
    expect(scope.laterOrders).toBe(1);
    expect(cohortOrders.table.customerIds).toBe(orders.table.customerIds);
    expect(cohortOrders.present).toBe(orders.present);
  });
});
