import { ByteKeys } from './byteKeys.js';
import { OrderIds } from './orderIds.js';
import { grown } from './grown.js';

/** The canonical orders columns a file's header is mapped to; the first three must be there. */
export const ORDER_COLUMNS = ['customer_id', 'order_date', 'amount', 'order_id', 'status'] as const;
export type OrderColumn = (typeof ORDER_COLUMNS)[number];
export const REQUIRED_ORDER_COLUMNS: readonly OrderColumn[] = ['customer_id', 'order_date', 'amount'];

/**
 * Canonical orders stored by column: what ingest keeps for a 10-million-row export. A row is a
 * customer number, wall time, amount, status number, order-id number and line in typed arrays
 * (~32 bytes a row), where an object per row with its own id strings costs ~200. Customer
 * ids and order ids are numbered by their bytes (ByteKeys), statuses by their text.
 *
 * Every orders reader (the general row rule, the byte reader, the worker threads) builds this
 * table and nothing else, so what reads it downstream never depends on which reader ran.
 */
export class OrderTable {
  length = 0;
  line = new Uint32Array(1024);
  customer = new Int32Array(1024);
  orderDate = new Float64Array(1024);
  amount = new Float64Array(1024);
  /** Index into `statuses`; 0 is "no status" (null). */
  status = new Int32Array(1024);
  /** Order-id code in `orderIds`, or −1 when the row has none. */
  orderId = new Int32Array(1024);
  readonly customerIds: ByteKeys;
  readonly orderIds: OrderIds;
  readonly statuses: (string | null)[];
  private readonly statusCodes: Map<string, number>;
  private readonly customerText: (string | undefined)[];

  /** A table of its own ids, or one numbering ids with `ids`'s tables (see `filtered`). */
  constructor(ids?: OrderTable) {
    this.customerIds = ids?.customerIds ?? new ByteKeys();
    this.orderIds = ids?.orderIds ?? new OrderIds();
    this.statuses = ids?.statuses ?? [null];
    this.statusCodes = ids?.statusCodes ?? new Map();
    this.customerText = ids?.customerText ?? [];
  }

  /** Appends one row; ids are numbers from `customerIds`/`orderIds`, status from `statusCode`. */
  push(line: number, customer: number, orderDate: number, amount: number, status: number, orderId: number): void {
    if (this.length === this.line.length) this.grow();
    const i = this.length++;
    this.line[i] = line;
    this.customer[i] = customer;
    this.orderDate[i] = orderDate;
    this.amount[i] = amount;
    this.status[i] = status;
    this.orderId[i] = orderId;
  }

  /**
   * Appends rows 0..count-1 of `block` but those with repeated[i] = 1, row i as line
   * `line + i`: push for many rows at once.
   */
  pushBlock(line: number, count: number, block: Omit<PlainBlock, 'dateZone'>): void {
    if (this.length + count > this.line.length) this.grow(Math.max(this.length + count, Math.ceil(this.line.length * 1.5)));
    const { customer, ms, amount, status, orderId, repeated } = block;
    let j = this.length;
    for (let i = 0; i < count; i++) {
      if (repeated[i] === 1) continue;
      this.line[j] = line + i;
      this.customer[j] = customer[i]!;
      this.orderDate[j] = ms[i]!;
      this.amount[j] = amount[i]!;
      this.status[j] = status[i]!;
      this.orderId[j] = orderId[i]!;
      j++;
    }
    this.length = j;
  }

  statusCode(status: string | null): number {
    if (status === null) return 0;
    let code = this.statusCodes.get(status);
    if (code === undefined) {
      code = this.statuses.length;
      this.statuses.push(status);
      this.statusCodes.set(status, code);
    }
    return code;
  }

  customerId(i: number): string {
    const k = this.customer[i];
    return (this.customerText[k] ??= this.customerIds.text(k));
  }

  orderIdText(i: number): string | null {
    const k = this.orderId[i];
    return k === -1 ? null : this.orderIds.text(k);
  }

  /**
   * The rows `keep` accepts, in order, as a new table sharing this one's ids: a weekly report
   * leaves out later rows without an object per row.
   */
  filtered(keep: (i: number) => boolean): OrderTable {
    const out = new OrderTable(this);
    let prefix = 0;
    while (prefix < this.length && keep(prefix)) prefix++;
    let rest = prefix;
    while (rest < this.length && !keep(rest)) rest++;
    if (rest === this.length) {
      // The kept rows are the first ones (an export sorted by date): views, not copies.
      out.line = this.line.subarray(0, prefix);
      out.customer = this.customer.subarray(0, prefix);
      out.orderDate = this.orderDate.subarray(0, prefix);
      out.amount = this.amount.subarray(0, prefix);
      out.status = this.status.subarray(0, prefix);
      out.orderId = this.orderId.subarray(0, prefix);
      out.length = prefix;
      return out;
    }
    for (let i = 0; i < this.length; i++) {
      if (keep(i)) out.push(this.line[i]!, this.customer[i]!, this.orderDate[i]!, this.amount[i]!, this.status[i]!, this.orderId[i]!);
    }
    return out;
  }

  /** Keeps the rows `keep` accepts, in order (rows whose date turned out unusable). */
  retain(keep: (i: number) => boolean): void {
    let kept = 0;
    for (let i = 0; i < this.length; i++) {
      if (!keep(i)) continue;
      this.line[kept] = this.line[i];
      this.customer[kept] = this.customer[i];
      this.orderDate[kept] = this.orderDate[i];
      this.amount[kept] = this.amount[i];
      this.status[kept] = this.status[i];
      this.orderId[kept] = this.orderId[i];
      kept++;
    }
    this.length = kept;
  }

  /** Room for `rows` rows without growing (the fast reader estimates them from the file size). */
  reserve(rows: number): void {
    if (rows > this.line.length) this.grow(rows);
  }

  private grow(rows = Math.ceil(this.line.length * 1.5)): void {
    this.line = grown(this.line, rows);
    this.orderDate = grown(this.orderDate, rows);
    this.amount = grown(this.amount, rows);
    this.customer = grown(this.customer, rows);
    this.status = grown(this.status, rows);
    this.orderId = grown(this.orderId, rows);
  }
}

/** A block of rows by column for OrderRows.plainBlock: ids as numbered by the table, `repeated[i]` 1 for a repeated order id. */
export interface PlainBlock {
  customer: Int32Array;
  ms: Float64Array;
  /** Each date's zone code (fastZoneBytes). */
  dateZone: Uint16Array;
  amount: Float64Array;
  status: Int32Array;
  orderId: Int32Array;
  repeated: Uint8Array;
}
