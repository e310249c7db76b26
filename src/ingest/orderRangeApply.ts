import type { KeyBytes } from './byteKeys.js';
import type { OrderRangeRows } from './orderRangeParse.js';
import type { OrderBatchReader } from './plainOrders.js';

/**
 * Applies one worker's OrderRangeRows to the byte reader's state, in file order, as if the
 * reader had read those lines itself (OrderRows.plain for each row):
 *
 * - Ids: a worker numbers ids in its own ByteKeys; each id it numbered for the first time is
 *   numbered here when its message is applied, in the worker's order. Ids new to the worker
 *   appear in its rows in that order, so the table numbers them as reading alone would.
 * - A repeated order_id: numbered ids go through the table's OrderIds row by row; for other
 *   ids, a row repeats one when the table already had the id before the worker's message, or
 *   when an earlier row of the same worker had it.
 * - The profile: the examples the worker found in a range are the first three distinct
 *   values there; observing them in order and counting the rest gives the examples of
 *   observing every value, because at most three earlier examples can hide any of them.
 */
export class RangeApplier {
  private customers = new Int32Array(1024);
  private customerCount = 0;
  private orderKeys = new Int32Array(1024);
  /** Per worker order key: 1 = the table had it before the worker did; 2 = a row used it. */
  private orderState = new Uint8Array(1024);
  private orderKeyCount = 0;
  private readonly statuses: number[] = [0];

  constructor(private readonly reader: OrderBatchReader) {}

  apply(m: OrderRangeRows): void {
    const reader = this.reader;
    const table = reader.rows.table;
    this.addKeys(m.newCustomers, (bytes, s, e) => {
      this.customers = ensure(this.customers, this.customerCount);
      this.customers[this.customerCount++] = table.customerIds.add(bytes, s, e);
    });
    this.addKeys(m.newOrderKeys, (bytes, s, e) => {
      this.orderKeys = ensure(this.orderKeys, this.orderKeyCount);
      this.orderState = ensure(this.orderState, this.orderKeyCount);
      this.orderKeys[this.orderKeyCount] = table.orderIds.add(bytes, s, e);
      this.orderState[this.orderKeyCount++] = table.orderIds.isNew ? 0 : 1;
    });
    for (const status of m.newStatuses) this.statuses.push(table.statusCode(status));

    const rows = reader.rows;
    rows.acc.rowsRead += m.rows;
    const { customer, ms, dateLength, amount, status, orderNumber, orderKey } = m;
    let line = reader.line;
    for (let i = 0; i < m.rows; i++) {
      let code = -1;
      let repeated = false;
      if (orderNumber[i]! >= 0) {
        code = table.orderIds.addNumeric(orderNumber[i]!);
        repeated = !table.orderIds.isNew;
      } else if (orderKey[i]! >= 0) {
        const k = orderKey[i]!;
        code = this.orderKeys[k]!;
        repeated = this.orderState[k] !== 0;
        this.orderState[k] = 2;
      }
      rows.plain(line++, this.customers[customer[i]!]!, ms[i]!, dateLength[i]!, amount[i]!, this.statuses[status[i]!]!, code, repeated);
    }
    reader.line = line;

    const observer = reader.observer;
    reader.profiled.forEach(({ column }, c) => {
      const p = m.profile[c]!;
      for (const example of p.examples) observer.observe(column, example);
      if (p.nonEmpty > p.examples.length) observer.seen(column, p.nonEmpty - p.examples.length);
      if (p.empty > 0) observer.empties(column, p.empty);
    });
  }

  private addKeys(keys: KeyBytes, add: (bytes: Uint8Array, start: number, end: number) => void): void {
    let start = 0;
    for (const end of keys.ends) {
      add(keys.bytes, start, end);
      start = end;
    }
  }
}

function ensure<T extends Int32Array | Uint8Array>(a: T, index: number): T {
  if (index < a.length) return a;
  const grown = new (a.constructor as new (n: number) => T)(a.length * 2);
  grown.set(a);
  return grown;
}
