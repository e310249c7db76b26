import { ByteKeys } from '../../model/byteKeys.js';
import type { OrderTable, PlainBlock } from '../../model/orderTable.js';
import { CustomerKeys } from './customerKeys.js';
import type { OrderLineLayout } from './plainOrderLine.js';

/**
 * Numbers a canonical orders line's customer id, order id and status into a PlainBlock row, as
 * the table numbers them (the byte readers on this thread: plainOrders.ts, plainLineItems.ts).
 * Called in line order, so every id gets the number reading row by row gives it.
 */
export class LineIds {
  private readonly customers: CustomerKeys;
  private readonly statusCodes = new ByteKeys();
  private readonly statusOf: number[] = [];

  constructor(
    private readonly table: OrderTable,
    private readonly layout: OrderLineLayout,
  ) {
    this.customers = new CustomerKeys(table.customerIds);
  }

  /** The ids of the line whose field bounds are at b[base …] into row k of `block`. */
  number(bytes: Buffer, b: Int32Array, base: number, block: PlainBlock, k: number): void {
    const { customer, orderId, status } = this.layout;
    const table = this.table;
    let orderKey = -1;
    let repeated = false;
    if (orderId >= 0 && b[base + 2 * orderId + 1]! > b[base + 2 * orderId]!) {
      orderKey = table.orderIds.add(bytes, b[base + 2 * orderId]!, b[base + 2 * orderId + 1]!);
      repeated = !table.orderIds.isNew;
    }
    let statusCode = 0;
    if (status >= 0 && b[base + 2 * status + 1]! > b[base + 2 * status]!) {
      const s = this.statusCodes.add(bytes, b[base + 2 * status]!, b[base + 2 * status + 1]!);
      if (this.statusCodes.isNew) this.statusOf[s] = table.statusCode(this.statusCodes.text(s));
      statusCode = this.statusOf[s]!;
    }
    block.customer[k] = this.customers.add(bytes, b[base + 2 * customer]!, b[base + 2 * customer + 1]!);
    block.status[k] = statusCode;
    block.orderId[k] = orderKey;
    block.repeated[k] = repeated ? 1 : 0;
  }
}
