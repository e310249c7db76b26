import { describe, expect, it, vi } from 'vitest';
import { resolveReportWeek } from '../../src/analysis/reportWeek.js';
import { scopeReport } from '../../src/analysis/reportScope.js';
import { withTable } from '../../src/ingest/loadedOrders.js';
import { OrderTable } from '../../src/ingest/orderTable.js';
import { parseIsoDay } from '../../src/time/calendar.js';
import { loadedOrders, loadedTickets, order, ticket } from './cohortRecords.js';

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
    expect(cohortOrders.records.map((o) => o.amount)).toEqual([10, 20]);
    expect(cohortTickets.records).toHaveLength(3);
    expect(sliceTickets.records.map((t) => t.customerId)).toEqual(['a', 'b']);
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

  it('keeps orders read by column by column: the same rows, and no object per row', () => {
    const table = OrderTable.fromRecords(orders.records);
    const byColumn = withTable({ present: orders.present, quality: orders.quality }, table);
    const materialise = vi.spyOn(OrderTable.prototype, 'records');
    const week = resolveReportWeek('2014-W17', parseIsoDay('2014-04-28')!);
    const { cohortOrders, scope } = scopeReport(byColumn, tickets, week, null);
    expect(materialise).not.toHaveBeenCalled();
    expect(cohortOrders.table?.length).toBe(2);
    expect(scope.laterOrders).toBe(1);
    materialise.mockRestore();
    expect(cohortOrders.records).toEqual(scopeReport(orders, tickets, week, null).cohortOrders.records);
    // The filtered table numbers ids with the same tables as the whole one.
    expect(cohortOrders.table?.customerIds).toBe(table.customerIds);
  });
});
