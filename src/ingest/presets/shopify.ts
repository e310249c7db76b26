import type { Preset, RowFold } from './preset.js';
import { netAmount, withCurrency } from './amounts.js';
import { lineItemFold, type LineItemSpec } from './lineItems.js';

/**
 * Shopify admin → Orders → Export (CSV for Excel or plain CSV). One row per line item: the
 * order-level columns (Financial Status, Currency, Total, Refunded Amount, Cancelled at) are
 * filled on the order's first row only, while Name, Email and Created at repeat on every row.
 *
 * Fold: one order per Name. amount = Total − Refunded Amount (net of partial refunds; fully
 * refunded orders are excluded by their status anyway), tagged with the Currency column so a
 * multi-currency store is caught. status = "cancelled" when Cancelled at is set, otherwise the
 * Financial Status as written (paid, partially_refunded, refunded, voided, pending, …): the
 * counted-order rule drops refunded and voided. A second row of the same Name that carries a
 * Total again is an order exported twice; it is kept apart and counted as a duplicate order_id.
 */
const PICKED = ['customer_id', 'order_date', 'currency', 'status', 'cancelled_at'];

export const SHOPIFY_LINE_ITEMS: LineItemSpec = {
  repeatedHeadIsDuplicate: true,
  picked: PICKED,
  make(group, pickFrom, decimal) {
    const { head } = group;
    const v = head.values;
    const pick = (column: string) => pickFrom(head, column);
    const cancelled = pick('cancelled_at').trim() !== '';
    const amount = netAmount(v.amount ?? '', v.refunded_amount ?? '', decimal);
    return {
      line: head.line,
      values: {
        ...v,
        customer_id: pick('customer_id'),
        order_date: pick('order_date'),
        amount: withCurrency(amount, pick('currency')),
        status: cancelled ? 'cancelled' : pick('status'),
      },
    };
  },
  // Nothing refunded or cancelled: the head's amount in its currency, its status as written.
  plainHead: { currency: 'currency', empty: ['refunded_amount', 'cancelled_at'] },
};

export const shopifyOrders: Preset = {
  name: 'shopify',
  role: 'orders',
  label: 'Shopify orders export',
  columns: {
    order_id: ['Name'],
    customer_id: ['Email'],
    order_date: ['Created at'],
    amount: ['Total'],
    status: ['Financial Status'],
  },
  extra: {
    cancelled_at: ['Cancelled at'],
    refunded_amount: ['Refunded Amount'],
    currency: ['Currency'],
  },
  signature: ['Name', 'Email', 'Financial Status', 'Created at', 'Total', 'Lineitem quantity'],
  fold: foldShopify,
  lineItems: SHOPIFY_LINE_ITEMS,
};


export function foldShopify(): RowFold {
  return lineItemFold(SHOPIFY_LINE_ITEMS);
}
