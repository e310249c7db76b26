import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { order } from '../analysis/cohortRecords.js';
import { orderRecords, orderTable } from './orderRecords.js';
import { OrderTable } from '../../src/model/orderTable.js';

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

describe('OrderTable.pushBlock', () => {
  it('appends rows from..from+count-1 of a block but the repeated ones, row i as line line + i - from', () => {
    const table = new OrderTable();
    table.push(2, 7, { orderDate: 10, amount: 1.5 }, 0, -1);
    const block = {
      customer: Int32Array.of(9, 3, 4, 5),
      status: Int32Array.of(9, 1, 2, 0),
      orderId: Int32Array.of(9, 0, 1, -1),
      repeated: Uint8Array.of(0, 0, 1, 0),
      values: { orderDate: Float64Array.of(9, 20, 30, 40), amount: Float64Array.of(9, 2.5, 3.5, 4.5) },
    };
    table.pushBlock(3, 1, 3, block);
    expect(table.length).toBe(3);
    expect([0, 1, 2].map((i) => table.lineOf(i))).toEqual([2, 3, 5]);
    expect([...table.customer.subarray(0, 3)]).toEqual([7, 3, 5]);
    expect([...table.status.subarray(0, 3)]).toEqual([0, 1, 0]);
    expect([...table.orderId.subarray(0, 3)]).toEqual([-1, 0, -1]);
    expect([...table.orderDate.subarray(0, 3)]).toEqual([10, 20, 40]);
    expect([...table.amount.subarray(0, 3)]).toEqual([1.5, 2.5, 4.5]);
  });

  it('is push of each row not repeated, for any pattern of repeats, with or without a line per row', () => {
    const row = fc.record({ repeated: fc.oneof({ weight: 4, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }), gap: fc.integer({ min: 1, max: 3 }) });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 60 }), fc.nat(5), fc.boolean(), (rows, from, withLines) => {
        const n = from + rows.length;
        const at = (i: number) => i * 7 + 1;
        const lines = new Int32Array(n);
        let line = 10;
        rows.forEach((r, k) => (lines[from + k] = line += r.gap));
        const block = {
          customer: Int32Array.from({ length: n }, (_, i) => at(i) % 5),
          status: Int32Array.from({ length: n }, (_, i) => i % 2),
          orderId: Int32Array.from({ length: n }, (_, i) => at(i)),
          repeated: Uint8Array.from({ length: n }, (_, i) => (i >= from && rows[i - from]!.repeated ? 1 : 0)),
          values: { orderDate: Float64Array.from({ length: n }, (_, i) => at(i) * 1000), amount: Float64Array.from({ length: n }, (_, i) => at(i) / 4) },
          ...(withLines ? { lines } : {}),
        };
        const byBlock = new OrderTable();
        byBlock.pushBlock(5, from, rows.length, block);
        const byRow = new OrderTable();
        for (let i = from; i < n; i++) {
          if (block.repeated[i] === 1) continue;
          byRow.push(withLines ? lines[i]! : 5 + i - from, block.customer[i]!, { orderDate: block.values.orderDate[i]!, amount: block.values.amount[i]! }, block.status[i]!, block.orderId[i]!);
        }
        expect(byBlock.length).toBe(byRow.length);
        const rowsOf = (t: OrderTable) => Array.from({ length: t.length }, (_, i) => [t.lineOf(i), t.customer[i], t.status[i], t.orderId[i], t.orderDate[i], t.amount[i]]);
        expect(rowsOf(byBlock)).toEqual(rowsOf(byRow));
      }),
      { numRuns: 400 },
    );
  });

  it('grows to hold a block larger than its room', () => {
    const table = new OrderTable();
    const n = 3000;
    const block = {
      customer: new Int32Array(n).map((_, i) => i),
      status: new Int32Array(n),
      orderId: new Int32Array(n).fill(-1),
      repeated: new Uint8Array(n),
      values: { orderDate: new Float64Array(n), amount: new Float64Array(n).map((_, i) => i / 2) },
    };
    table.pushBlock(2, 0, n, block);
    expect(table.length).toBe(n);
    expect(table.lineOf(n - 1)).toBe(n + 1);
    expect(table.amount[n - 1]).toBe((n - 1) / 2);
  });
});

describe('OrderTable.status', () => {
  it('keeps every status code right past 256 statuses, row by row, in blocks, filtered and retained', () => {
    const table = new OrderTable();
    const n = 600;
    const text = (i: number) => `status ${i % 300}`;
    for (let i = 0; i < 200; i++) table.push(2 + i, i, { orderDate: i, amount: 1 }, table.statusCode(text(i)), -1);
    expect(table.status).toBeInstanceOf(Uint8Array);
    const codes = Int32Array.from({ length: n - 200 }, (_, j) => table.statusCode(text(200 + j)));
    expect(table.status).toBeInstanceOf(Int32Array);
    const block = {
      customer: new Int32Array(n - 200),
      status: codes,
      orderId: new Int32Array(n - 200).fill(-1),
      repeated: Uint8Array.from({ length: n - 200 }, (_, j) => (j === 5 ? 1 : 0)),
      values: { orderDate: new Float64Array(n - 200), amount: new Float64Array(n - 200) },
    };
    table.pushBlock(202, 0, 100, block);
    table.pushBlock(302, 100, n - 300, { ...block, repeated: new Uint8Array(n - 200) });
    const expected = Array.from({ length: n }, (_, i) => text(i)).filter((_, i) => i !== 205);
    const statuses = (t: OrderTable) => Array.from({ length: t.length }, (_, i) => t.statuses[t.status[i]!]);
    expect(statuses(table)).toEqual(expected);
    expect(statuses(table.filtered((i) => i % 3 !== 0))).toEqual(expected.filter((_, i) => i % 3 !== 0));
    table.retain((i) => i % 2 === 0);
    expect(statuses(table)).toEqual(expected.filter((_, i) => i % 2 === 0));
  });
});
