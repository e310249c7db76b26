import { OrderTable } from '../../src/model/orderTable.js';
import type { LoadedOrders } from '../../src/ingest/records.js';
import type { WallTime } from '../../src/model/time.js';

/** One order row as an object: how tests write expected rows and build small tables by hand. */
export interface OrderRecord {
  /** 1-based physical line number of the row in its file. */
  line: number;
  customerId: string;
  orderDate: WallTime;
  amount: number;
  orderId: string | null;
  status: string | null;
}

/** The rows of `table`, in order, as objects. */
export function orderRecords(table: OrderTable): OrderRecord[] {
  return Array.from({ length: table.length }, (_, i) => ({
    line: table.lineOf(i),
    customerId: table.customerId(i),
    orderDate: table.orderDate[i]!,
    amount: table.amount[i]!,
    orderId: table.orderIdText(i),
    status: table.statuses[table.status[i]!]!,
  }));
}

/** A table holding `records`, in order (ids numbered as a reader numbers them: first seen, first). */
export function orderTable(records: readonly OrderRecord[]): OrderTable {
  const table = new OrderTable();
  for (const r of records) {
    const orderId = r.orderId === null ? -1 : table.orderIds.addText(r.orderId);
    table.push(r.line, table.customerIds.addText(r.customerId), { orderDate: r.orderDate, amount: r.amount }, table.statusCode(r.status), orderId);
  }
  return table;
}

/**
 * Loaded orders with the table as its rows: what two reads of a file are compared by, since
 * two tables of the same rows differ in spare capacity and in how their id tables are laid out.
 */
export function withRows<T extends LoadedOrders | null | undefined>(loaded: T): T extends LoadedOrders ? Omit<LoadedOrders, 'table'> & { table: OrderRecord[] } : T {
  if (loaded === null || loaded === undefined) return loaded as never;
  return { ...loaded, table: orderRecords(loaded.table) } as never;
}
