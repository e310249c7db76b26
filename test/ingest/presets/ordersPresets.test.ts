import { describe, expect, test } from 'vitest';
import { orderTuples, sampleOrders, wall } from './samples.js';

// Expected records are read off the sample files by hand (see the comments on each row).

describe('Shopify orders sample', () => {
  test('folds line items to one order per Name, nets refunds and maps cancellations', async () => {
    const loaded = await sampleOrders('shopify-orders');
    expect(loaded.quality.format).toBe('shopify');
    expect(orderTuples(loaded)).toEqual([
      [2, '#1001', 'ann@example.com', wall('2014-01-03 10:15:00'), 54.5, 'paid'], // two line items, lines 2–3
      [4, '#1002', 'bob@example.com', wall('2014-01-09 16:40:12'), 1250, 'paid'], // "1,250.00", Bob@Example.com lower-cased
      [5, '#1003', 'carol@example.com', wall('2014-01-12 08:05:00'), 0, 'refunded'], // 30.00 − 30.00 refunded
      [6, '#1004', 'ann@example.com', wall('2014-02-02 11:00:00'), 60, 'partially_refunded'], // 80.00 − 20.00
      [8, '#1005', 'dave@example.com', wall('2014-02-14 19:30:00'), 45, 'voided'], // line 7 is the second line of #1004's note
      [9, '#1006', 'erin@example.com', wall('2014-02-20 12:00:00'), 99.95, 'cancelled'], // Cancelled at is set
      [10, '#1007', 'frank@example.com', wall('2014-03-01 09:45:00'), 20, 'paid'], // lines 10, 11 and 16
      [13, '#1009', 'gina@example.com', wall('2014-03-15 10:00:00'), 40, 'paid'],
      [15, '#1010', 'bob@example.com', wall('2014-04-02 18:00:00'), 12, 'pending'],
    ]);
  });

  test('every row is accounted for: merged line items used, guest and repeated order skipped', async () => {
    const { quality } = await sampleOrders('shopify-orders');
    expect(quality.rowsRead).toBe(14);
    // 9 orders + 3 merged line items (#1001 ×1, #1007 ×2)
    expect(quality.rowsUsed).toBe(12);
    expect(quality.skipped['empty customer_id']).toMatchObject({ count: 1, firstLines: [12] }); // #1008, no Email
    expect(quality.skipped['duplicate order_id']).toMatchObject({ count: 1, firstLines: [14] }); // #1009 exported twice
    expect(quality.duplicateOrderIds).toBe(1);
    expect(quality.decisions).toContain('amount: decimal point, USD');
  });
});

describe('WooCommerce orders sample', () => {
  test('semicolons, decimal comma and day-first dates; products folded, refunds netted', async () => {
    const loaded = await sampleOrders('woocommerce-orders');
    expect(loaded.quality.format).toBe('woocommerce');
    expect(orderTuples(loaded)).toEqual([
      [2, '2001', 'hanna@example.de', wall('2014-01-04 10:02'), 59.9, 'Completed'], // two product rows
      [4, '2002', 'jonas.weber@example.de', wall('2014-01-15 18:30'), 1234.5, 'Processing'], // "1.234,50"
      [5, '2003', 'hanna@example.de', wall('2014-01-20 09:15'), 35, 'Completed'], // 45,00 and a −10,00 refund
      [6, '2004', 'lena@example.de', wall('2014-02-02 12:00'), 30, 'Cancelled'],
      [7, '2005', 'jonas.weber@example.de', wall('2014-02-10 14:45'), 0, 'Refunded'], // 25,00 − 25,00
      [8, '2006', 'max@example.de', wall('2014-02-11 08:00'), 19.99, 'Failed'],
      [9, '2007', 'lena@example.de', wall('2014-02-28 20:10'), 75, 'completed'], // "wc-completed"
      [10, '2008', 'max@example.de', wall('2014-03-13 11:11'), 12.5, 'Completed'],
      [11, '2009', 'hanna@example.de', wall('2014-04-01 16:00'), 8, 'On hold'],
    ]);
    expect(loaded.quality).toMatchObject({ rowsRead: 10, rowsUsed: 10, rowsSkipped: 0 });
    expect(loaded.quality.decisions).toEqual(['utf-8, ";"-delimited', 'order_date: D/M/YYYY (day first)', 'amount: decimal comma']);
  });
});

describe('Stripe payments sample', () => {
  test('amount is Amount − Amount Refunded; Customer ID stands in for a missing e-mail', async () => {
    const loaded = await sampleOrders('stripe-orders');
    expect(loaded.quality.format).toBe('stripe');
    expect(orderTuples(loaded)).toEqual([
      [2, 'ch_1A0001aaaaaaaa', 'ann@example.com', wall('2014-01-02 09:00:11'), 25, 'Paid'],
      [3, 'ch_1A0002bbbbbbbb', 'bob@example.com', wall('2014-01-05 13:30:00'), 100, 'Paid'], // 120.00 − 20.00
      [4, 'ch_1A0003cccccccc', 'carol@example.com', wall('2014-01-07 22:10:45'), 60, 'Failed'],
      [5, 'ch_1A0004dddddddd', 'ann@example.com', wall('2014-01-19 07:45:00'), 0, 'Refunded'],
      [6, 'ch_1A0005eeeeeeee', 'cus_A004', wall('2014-02-01 12:00:00'), 49.99, 'Paid'], // no Customer Email
      [7, 'ch_1A0006ffffffff', 'ann@example.com', wall('2014-02-14 18:20:00'), 25, 'Paid'], // "ANN@example.com "
      [8, 'ch_1A0007gggggggg', 'dave@example.com', wall('2014-03-03 10:10:10'), 1250, 'Paid'],
      [9, 'ch_1A0008hhhhhhhh', 'bob@example.com', wall('2014-03-29 23:59:59'), 10.25, 'Paid'], // 15.50 − 5.25
    ]);
    expect(loaded.quality.skipped['duplicate order_id']).toMatchObject({ count: 1, firstLines: [10] });
    expect(loaded.quality.skipped['empty customer_id']).toMatchObject({ count: 1, firstLines: [11] }); // neither e-mail nor id
    expect(loaded.quality.decisions).toContain('amount: decimal point, USD');
  });
});
