import type { RawRow } from './preset.js';

/**
 * Groups the rows of an export that writes one row per line item (Shopify, WooCommerce) into
 * one group per order, in order of first appearance. Rows of one order need not be adjacent
 * (a file sorted by product in Excel still folds correctly).
 *
 * `head` is the row that carries the order-level fields (its amount is non-empty); the other
 * rows of the group are its line items. With `repeatedHeadIsDuplicate`, a second row of the same
 * order that also carries an amount starts a group of its own: Shopify writes the total on the
 * first line item only, so a second total means the order was exported twice, and the core
 * then counts it as a duplicate order_id instead of it vanishing into the first. Rows without
 * an order id are groups of one.
 */
export interface OrderGroup {
  head: RawRow;
  rows: RawRow[];
}

export function groupLineItems(rows: readonly RawRow[], repeatedHeadIsDuplicate: boolean): OrderGroup[] {
  const groups: OrderGroup[] = [];
  const byOrder = new Map<string, OrderGroup>();
  const carriesAmount = (row: RawRow) => (row.values.amount ?? '').trim() !== '';
  for (const row of rows) {
    const id = (row.values.order_id ?? '').trim();
    const group = id === '' ? undefined : byOrder.get(id);
    if (group === undefined) {
      const fresh = { head: row, rows: [row] };
      groups.push(fresh);
      if (id !== '') byOrder.set(id, fresh);
      continue;
    }
    const headHasAmount = carriesAmount(group.head);
    if (carriesAmount(row) && headHasAmount && repeatedHeadIsDuplicate) {
      groups.push({ head: row, rows: [row] });
      continue;
    }
    group.rows.push(row);
    if (!headHasAmount && carriesAmount(row)) group.head = row;
  }
  return groups;
}
