import type { Preset, RawRow, RowFold } from './preset.js';
import { amountsFold, netAmount, withCurrency } from './amounts.js';
import { withFallback } from './rows.js';

/**
 * Stripe dashboard → Payments → Export (unified_payments.csv): one row per payment, amounts in
 * major units ("25.00") with the currency in its own column.
 *
 * Fold (one row in, one row out): amount = Amount − Amount Refunded, the money actually kept
 * (a partly refunded $25 payment with $5 refunded counts $20; a fully refunded one counts 0
 * and its Status "Refunded" excludes it anyway), tagged with Currency so mixed-currency
 * accounts are caught. Status is kept as written: Paid counts; Failed, Refunded and Canceled
 * are dropped by the counted-order rule. The customer is Customer Email, or Customer ID when
 * the payment has no e-mail. The payment id becomes order_id, so a payment exported twice is
 * counted once.
 */
export const stripePayments: Preset = {
  name: 'stripe',
  role: 'orders',
  label: 'Stripe payments export',
  columns: {
    order_id: ['id'],
    customer_id: ['Customer Email', 'Customer ID'],
    order_date: ['Created date (UTC)', 'Created (UTC)'],
    amount: ['Amount'],
    status: ['Status'],
  },
  extra: {
    refunded_amount: ['Amount Refunded'],
    currency: ['Currency'],
    customer_fallback: ['Customer ID'],
  },
  signature: ['id', 'Created date (UTC)', 'Amount', 'Amount Refunded', 'Currency', 'Status'],
  fold: foldStripe,
};

export function foldStripe(): RowFold {
  const rows: RawRow[] = [];
  return amountsFold(
    (row) => rows.push(row),
    (decimal) => ({
      rows: rows.length,
      batches: batchesOf(rows, (raw) => {
        const row = withFallback(raw, 'customer_id', 'customer_fallback');
        const v = row.values;
        const amount = netAmount(v.amount ?? '', v.refunded_amount ?? '', decimal);
        return { line: row.line, values: { ...v, amount: withCurrency(amount, v.currency) } };
      }),
    }),
  );
}

/** `make` of each row, in batches, each row let go once made. */
function* batchesOf(rows: RawRow[], make: (row: RawRow) => RawRow, size = 8192): Generator<RawRow[]> {
  for (let from = 0; from < rows.length; from += size) {
    const to = Math.min(rows.length, from + size);
    const batch: RawRow[] = [];
    for (let i = from; i < to; i++) batch.push(make(rows[i]!));
    yield batch;
  }
  rows.length = 0;
}
