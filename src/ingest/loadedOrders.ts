import type { OrderTable } from './orderTable.js';
import type { LoadedOrders, OrderRecord } from './records.js';

/**
 * The loaded orders with `table` (not enumerable: a second view of the same rows, left out of
 * comparisons and JSON) and `records` made from it on first use, so a 10-million-row file
 * holds OrderRecord objects only if some caller asks for them.
 */
export function withTable(loaded: Omit<LoadedOrders, 'records'>, table: OrderTable): LoadedOrders {
  let records: OrderRecord[] | null = null;
  Object.defineProperty(loaded, 'table', { value: table, enumerable: false });
  Object.defineProperty(loaded, 'records', {
    enumerable: true,
    get: () => (records ??= table.records()),
    set: (value: OrderRecord[]) => void (records = value),
  });
  return loaded as LoadedOrders;
}
