import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS, type DialectName } from '../../src/engines/dialects.js';
import { factsSource } from '../../src/engines/factsSource.js';
import { orderRowsSql, ordersCtes } from '../../src/engines/ordersSql.js';
import { ENGINES, useEngine } from './engines.js';
import { rawCsvTable, stage } from './stage.js';

/**
 * The repeated-order-id rule (README, Engines): of rows repeating a trimmed order id the first
 * by row order is kept, whatever its status, customer, date or amount; rows without an order id
 * are all kept; without an order-id column nothing is set aside.
 */
const ORDERS = [
  'order_id,customer_id,order_date,amount,status',
  'O1,A,2014-01-10,10,cancelled', // line 1: O1's first copy, kept though not counted
  ' O1 ,B,2014-01-05,20,completed', // line 2: the same id once trimmed: set aside
  ',C,2014-01-06,30,completed', //    line 3: no order id: kept
  ',C,2014-01-06,30,completed', //    line 4: no order id: kept as well
  'O2,D,2014-01-07,,completed', //    line 5: no amount: unusable, not a copy
  'O2,D,2014-01-08,40,completed', //  line 6: O2's first usable copy: kept
  'O2,E,2014-01-09,50,completed', //  line 7: set aside
  'O1,A,2014-01-10,10,cancelled', //  line 8: an exact repeat: set aside
];

describe.each(ENGINES)('the orders after repeated order ids on %s', (_name, open) => {
  const engineOf = useEngine({ beforeAll, beforeEach, afterAll }, open, async (e) => {
    const dir = mkdtempSync(join(tmpdir(), 'loyalty-orders-sql-'));
    writeFileSync(join(dir, 'orders.csv'), ORDERS.map((l) => l.replace(/ *\/\/.*$/, '')).join('\n') + '\n');
    await stage(e, 'dedupe_orders', rawCsvTable(join(dir, 'orders.csv'), 'orders'));
  });
  const kept = async (absent: string[]) => {
    const d = DIALECTS[engineOf().name as DialectName];
    const source = factsSource({ orders: 'dedupe_orders', tickets: 'none' }, { 'orders.row_order': 'line' }, absent);
    const rows = await engineOf().rows(`WITH ${ordersCtes(d, source)} SELECT customer_id, CAST(amount AS INTEGER) AS amount, counted FROM orders_kept ORDER BY customer_id, amount`);
    const [counts] = await engineOf().rows(orderRowsSql(d, source));
    return { rows: rows.map((r) => [r.customer_id, Number(r.amount), Number(r.counted)]), counts: [counts!.rows_read, counts!.rows_used, counts!.duplicate_order_ids].map(Number) };
  };

  it('keeps the first usable copy of each order id by row order, and every row without one', async () => {
    expect(await kept([])).toEqual({
      rows: [['A', 10, 0], ['C', 30, 1], ['C', 30, 1], ['D', 40, 1]],
      counts: [8, 4, 3],
    });
  });

  it('sets nothing aside without an order-id column', async () => {
    expect(await kept(['orders.order_id'])).toEqual({
      rows: [['A', 10, 0], ['A', 10, 0], ['B', 20, 1], ['C', 30, 1], ['C', 30, 1], ['D', 40, 1], ['E', 50, 1]],
      counts: [8, 7, 0],
    });
  });
});
