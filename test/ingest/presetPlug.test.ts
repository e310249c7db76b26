import { describe, expect, it } from 'vitest';
import { parseOrders } from '../../src/ingest/orders.js';
import type { Preset, RawRow, RowFold } from '../../src/ingest/presets/preset.js';
import { expectAccounted, options } from './ingestTestUtil.js';
import { orderRecords } from '../model/orderRecords.js';

/** A line-item export in the style of Shopify: one row per item, the order's total on its first row. */
const lineItems: Preset = {
  name: 'items',
  role: 'orders',
  label: 'Line-item orders export',
  columns: { order_id: ['Name'], customer_id: ['Email'], order_date: ['Created at'], amount: ['Total'] },
  signature: ['Name', 'Email', 'Lineitem quantity'],
  extra: { refunded: ['Refunded Amount'] },
  fold(): RowFold {
    const byOrder = new Map<string, RawRow>();
    return {
      add(row) {
        const key = row.values.order_id ?? '';
        if (!byOrder.has(key)) byOrder.set(key, { line: row.line, values: { ...row.values } });
      },
      finish() {
        const rows = [...byOrder.values()].map((row) => ({
          line: row.line,
          values: { ...row.values, amount: String(Number(row.values.amount) - Number(row.values.refunded || 0)) },
        }));
        return { rows: rows.length, batches: [rows] };
      },
    };
  },
};

const CSV = [
  'Name,Email,Created at,Total,Lineitem quantity,Refunded Amount',
  '#1001,ann@x.com,2014-01-05 10:00:00 -0500,30.00,1,5',
  '#1001,ann@x.com,2014-01-05 10:00:00 -0500,,2,',
  '#1002,,2014-01-06 11:00:00 -0500,12.00,1,',
  '#1003,bo@x.com,2014-01-07 12:00:00 -0500,8.00,1,',
  '#1003,bo@x.com,2014-01-07 12:00:00 -0500,,1,',
  '#1003,bo@x.com,2014-01-07 12:00:00 -0500,,1,',
].join('\n');

describe('presets plug into the core', () => {
  it('auto-detects by signature, maps candidates and extras, and folds rows', async () => {
    const loaded = await parseOrders(CSV, 'shop.csv', options(), [lineItems]);
    expect(loaded.quality.format).toBe('items');
    expect(orderRecords(loaded.table)).toEqual([
      { line: 2, customerId: 'ann@x.com', orderDate: Date.UTC(2014, 0, 5, 10), amount: 25, orderId: '#1001', status: null },
      { line: 5, customerId: 'bo@x.com', orderDate: Date.UTC(2014, 0, 7, 12), amount: 8, orderId: '#1003', status: null },
    ]);
  });

  it('counts merged line items as used and rows the fold could not use as skipped', async () => {
    const { quality } = await parseOrders(CSV, 'shop.csv', options(), [lineItems]);
    expect(quality).toMatchObject({ rowsRead: 6, rowsUsed: 5, rowsSkipped: 1 });
    expect(quality.skipped['empty customer_id'].firstLines).toEqual([4]);
    expectAccounted(quality);
  });

  it('falls back to the canonical format when --orders-format canonical is given', async () => {
    await expect(parseOrders(CSV, 'shop.csv', options({ ordersFormat: 'canonical' }), [lineItems])).rejects.toThrow(
      /^shop\.csv: no customer_id or order_date or amount columns/,
    );
  });
});
