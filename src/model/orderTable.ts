import { ByteKeys } from './byteKeys.js';
import { OrderIds } from './orderIds.js';
import { grown } from './grown.js';
import { RowLines } from './rowLines.js';

/** The canonical orders columns a file's header is mapped to; the first three must be there. */
export const ORDER_COLUMNS = ['customer_id', 'order_date', 'amount', 'order_id', 'status'] as const;
export type OrderColumn = (typeof ORDER_COLUMNS)[number];
export const REQUIRED_ORDER_COLUMNS: readonly OrderColumn[] = ['customer_id', 'order_date', 'amount'];

/**
 * The table's number columns besides ids and status, one Float64Array each: what every reader
 * copies, grows and filters by looping over this list, so a new one is a name here and a field
 * below (and its rule in orderRows.ts, its byte reader in fast/plainOrderLine.ts).
 */
export const ORDER_VALUES = ['orderDate', 'amount'] as const;
export type OrderValue = (typeof ORDER_VALUES)[number];
/** One row's ORDER_VALUES. */
export type OrderValues = Record<OrderValue, number>;

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
  /** Each row's line in the file (see lineOf). */
  lines = new RowLines();
  customer = new Int32Array(1024);
  orderDate = new Float64Array(1024);
  amount = new Float64Array(1024);
  /**
   * Index into `statuses`; 0 is "no status" (null). One byte a row while there are at most 256
   * statuses (exports have a handful: 30 MB less at 10M rows), four once there are more.
   */
  status: Uint8Array | Int32Array = new Uint8Array(1024);
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
    if (this.statuses.length > 256) this.status = new Int32Array(1024);
  }

  /** Row i's line in the file. */
  lineOf(i: number): number {
    return this.lines.at(i);
  }

  /** Appends one row; ids are numbers from `customerIds`/`orderIds`, status from `statusCode`. */
  push(line: number, customer: number, values: OrderValues, status: number, orderId: number): void {
    if (this.length === this.customer.length) this.grow();
    const i = this.length++;
    this.lines.push(line);
    this.customer[i] = customer;
    for (const c of ORDER_VALUES) this[c][i] = values[c];
    this.status[i] = status;
    this.orderId[i] = orderId;
  }

  /**
   * Appends rows from..from+count-1 of `block` but those with repeated[i] = 1, row i as line
   * `line + i - from` (or block.lines[i]): push for many rows at once. Each run of rows none
   * of which is repeated goes in one step, column by column (a typed-array copy each): a file
   * that repeats an order id every few hundred rows has one in nearly every block, and a
   * row-by-row loop cost ~50 ns a row.
   */
  pushBlock(line: number, from: number, count: number, block: Omit<PlainBlock, 'sides'>): void {
    if (this.length + count > this.customer.length) this.grow(Math.max(this.length + count, Math.ceil(this.customer.length * 1.5)));
    const { repeated } = block;
    const end = from + count;
    for (let s = from; s < end; ) {
      const k = repeated.subarray(s, end).indexOf(1);
      const e = k < 0 ? end : s + k;
      if (e > s) this.pushRun(line, from, s, e, block);
      s = e + 1;
    }
  }

  /** Rows s … e − 1 of `block`, none repeated (see pushBlock). */
  private pushRun(line: number, from: number, s: number, e: number, block: Omit<PlainBlock, 'sides'>): void {
    const at = this.length;
    if (block.lines === undefined) this.lines.pushRun(line + s - from, e - s);
    else this.lines.pushLines(block.lines, s, e);
    this.customer.set(block.customer.subarray(s, e), at);
    this.status.set(block.status.subarray(s, e), at);
    this.orderId.set(block.orderId.subarray(s, e), at);
    for (const c of ORDER_VALUES) this[c].set(block.values[c].subarray(s, e), at);
    this.length = at + e - s;
  }

  statusCode(status: string | null): number {
    if (status === null) return 0;
    let code = this.statusCodes.get(status);
    if (code === undefined) {
      code = this.statuses.length;
      this.statuses.push(status);
      this.statusCodes.set(status, code);
      if (code > 255 && this.status instanceof Uint8Array) this.status = Int32Array.from(this.status);
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
      out.lines = this.lines.prefix(prefix);
      out.customer = this.customer.subarray(0, prefix);
      out.status = this.status.subarray(0, prefix);
      out.orderId = this.orderId.subarray(0, prefix);
      for (const c of ORDER_VALUES) out[c] = this[c].subarray(0, prefix);
      out.length = prefix;
      return out;
    }
    const kept: number[] = [];
    for (let i = 0; i < this.length; i++) if (keep(i)) kept.push(i);
    out.reserve(kept.length);
    const pick = <T extends Uint8Array | Int32Array | Float64Array>(to: T, from: T) => {
      for (let j = 0; j < kept.length; j++) to[j] = from[kept[j]!]!;
    };
    out.lines = this.lines.pick(kept);
    pick(out.customer, this.customer);
    pick(out.status, this.status);
    pick(out.orderId, this.orderId);
    for (const c of ORDER_VALUES) pick(out[c], this[c]);
    out.length = kept.length;
    return out;
  }

  /** Keeps the rows `keep` accepts, in order (rows whose date turned out unusable). */
  retain(keep: (i: number) => boolean): void {
    this.lines = this.lines.retain(keep);
    let kept = 0;
    for (let i = 0; i < this.length; i++) {
      if (!keep(i)) continue;
      this.customer[kept] = this.customer[i];
      for (const c of ORDER_VALUES) this[c][kept] = this[c][i];
      this.status[kept] = this.status[i];
      this.orderId[kept] = this.orderId[i];
      kept++;
    }
    this.length = kept;
  }

  /** Rows the table holds without growing. */
  get capacity(): number {
    return this.customer.length;
  }

  /** Room for `rows` rows without growing (the fast reader estimates them from the file size). */
  reserve(rows: number): void {
    if (rows > this.customer.length) this.grow(rows);
  }

  private grow(rows = Math.ceil(this.customer.length * 1.5)): void {
    for (const c of ORDER_VALUES) this[c] = grown(this[c], rows);
    this.customer = grown(this.customer, rows);
    this.status = grown(this.status, rows);
    this.orderId = grown(this.orderId, rows);
  }
}

/** A block of rows by column for OrderRows.plainBlock: ids as numbered by the table, `repeated[i]` 1 for a repeated order id. */
export interface PlainBlock {
  customer: Int32Array;
  status: Int32Array;
  orderId: Int32Array;
  repeated: Uint8Array;
  /** Each ORDER_VALUES column, as read from the bytes (a date's wall time before its zone is applied). */
  values: Record<OrderValue, Float64Array>;
  /** What the byte reader noted beside a value (a date's zone code, fastZoneBytes), else an empty array. */
  sides: Record<OrderValue, Uint16Array>;
  /** Row i's line, when the block's rows are not consecutive lines (a line-item export's order heads). */
  lines?: Int32Array;
}

/** Row i of a block that starts at line `line` with row `from`. */
export function blockLine(block: Pick<PlainBlock, 'lines'>, line: number, from: number, i: number): number {
  return block.lines === undefined ? line + i - from : block.lines[i]!;
}

