import { describe, expect, it } from 'vitest';
import { parseOrders } from '../../../src/ingest/orders.js';
import { options } from '../ingestTestUtil.js';
import { orderRecords } from '../../model/orderRecords.js';

describe('implausible amounts', () => {
  it('an amount above a trillion is skipped and counted, not summed into an overflow', async () => {
    const rows = ['customer_id,order_date,amount'];
    for (let i = 0; i < 40; i++) rows.push(`c${i},2014-01-05,10`);
    rows.push(`big,2014-01-05,1${'0'.repeat(308)}`, 'neg,2014-01-05,-1000000000000.01', 'edge,2014-01-05,1000000000000');
    const loaded = await parseOrders(rows.join('\n'), 'o.csv', options({ maxUnusable: 0.1 }));
    expect(orderRecords(loaded.table).map((r) => r.customerId).slice(-1)).toEqual(['edge']);
    expect(loaded.quality.skipped['implausible amount (above a trillion)']).toMatchObject({ count: 2, firstLines: [42, 43] });
    expect(orderRecords(loaded.table).reduce((sum, r) => sum + r.amount, 0)).toBe(400 + 1e12);
  });

  it('counts toward the 5% rule', async () => {
    const rows = ['customer_id,order_date,amount', ...Array.from({ length: 10 }, (_, i) => `c${i},2014-01-05,10`), 'z,2014-01-05,1e308'];
    await expect(parseOrders(rows.join('\n'), 'o.csv', options())).rejects.toThrow('9.1% of rows (1 of 11) have an unusable amount');
  });
});
