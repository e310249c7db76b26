import type { Preset, RowFold } from './preset.js';
import { netAmount, withCurrency } from './amounts.js';
import { lineItemFold } from './lineItems.js';
import { withFallback } from './rows.js';

/**
 * WooCommerce orders as the "Advanced Order Export For WooCommerce" plugin writes them by
 * default (Order Number, Order Status, Order Date, Email (Billing), Order Refund Amount,
 * Order Total Amount, then one row per product). Other WooCommerce exporters' names for the
 * same fields (Order ID, Order Total, Billing Email Address, Customer User ID) are accepted as
 * fallbacks once the format is chosen with --orders-format woocommerce.
 *
 * Fold: rows sharing an Order Number are the products of one order (the plugin can repeat the
 * order columns on every product row, so a repeated total is not a duplicate here).
 * amount = Order Total Amount − |Order Refund Amount| (the plugin writes refunds negative),
 * tagged with Order Currency. The customer is the billing e-mail, or the customer user id when
 * the e-mail is empty (0, WooCommerce's guest id, is not a customer). Status is the order status
 * with WordPress's "wc-" prefix removed (completed, processing, cancelled, refunded, failed, …).
 */
export const woocommerceOrders: Preset = {
  name: 'woocommerce',
  role: 'orders',
  label: 'WooCommerce orders export',
  columns: {
    order_id: ['Order Number', 'Order ID'],
    customer_id: ['Email (Billing)', 'Billing Email Address', 'Billing Email', 'Customer Email', 'Customer User ID'],
    order_date: ['Order Date'],
    amount: ['Order Total Amount', 'Order Total'],
    status: ['Order Status', 'Status'],
  },
  extra: {
    refunded_amount: ['Order Refund Amount', 'Refunded Total', 'Order Refunded Amount'],
    currency: ['Order Currency', 'Currency'],
    customer_fallback: ['Customer User ID', 'Customer ID', 'Customer User'],
  },
  signature: ['Order Number', 'Order Status', 'Order Date', 'Order Total Amount'],
  fold: foldWooCommerce,
};

const PICKED = ['customer_id', 'order_date', 'currency', 'status'];

export function foldWooCommerce(): RowFold {
  return lineItemFold({
    repeatedHeadIsDuplicate: false,
    picked: PICKED,
    make(group, pickFrom, decimal) {
      const row = withFallback(group.head, 'customer_id', 'customer_fallback');
      const v = row.values;
      const pick = (column: string) => pickFrom(row, column);
      const amount = netAmount(v.amount ?? '', v.refunded_amount ?? '', decimal);
      return {
        line: group.head.line,
        values: {
          ...v,
          customer_id: pick('customer_id'),
          order_date: pick('order_date'),
          amount: withCurrency(amount, pick('currency')),
          status: pick('status').trim().replace(/^wc-/i, ''),
        },
      };
    },
  });
}
