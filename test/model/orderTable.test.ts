import { describe, expect, it } from 'vitest';
import { order } from '../analysis/cohortRecords.js';
import { orderRecords, orderTable } from './orderRecords.js';

const records = [order('a', '2014-01-01', 1, { id: 'A1' }), order('b', '2014-01-02', 2, { id: 'A2', status: 'refunded' }), order('a', '2014-01-03', 3), order('c', '2014-01-04', 4)];

describe('OrderTable.filtered', () => {
  it('keeps the rows asked for, in order, numbering ids with the same tables', () => {
    const table = orderTable(records);
    const odd = table.filtered((i) => i % 2 === 1);
    expect(orderRecords(odd)).toEqual([records[1], records[3]]);
    expect(odd.customerIds).toBe(table.customerIds);
    expect(odd.statuses).toBe(table.statuses);
  });

  it('gives the first rows as views of the same columns when those are the rows kept (a date-sorted export)', () => {
    const table = orderTable(records);
    const first = table.filtered((i) => table.orderDate[i]! < Date.UTC(2014, 0, 3));
    expect(orderRecords(first)).toEqual(records.slice(0, 2));
    expect(first.length).toBe(2);
    expect(first.amount.buffer).toBe(table.amount.buffer);
    expect(table.filtered(() => false).length).toBe(0);
    expect(orderRecords(table.filtered(() => true))).toEqual(records);
  });
});
