import { MAX_AMOUNT } from '../values/amount.js';
import { fastIsoMsBytes, fastZoneBytes } from '../values/timestamp.js';
import { clean, plainAmount } from './plainBytes.js';
import { grown } from '../../model/grown.js';
import { ORDER_VALUES, type OrderColumn, type OrderValue, type PlainBlock } from '../../model/orderTable.js';
import { splitFields } from './plainFile.js';

/**
 * How the byte reader reads one of the table's value columns (ORDER_VALUES) from its cell:
 * the one place the fast path names a value column. Every fast reader (the main thread's,
 * the workers', the join of their rows) loops over these.
 */
export interface ValueReader {
  /** The orders column whose cell it reads; a column the file lacks reads as an empty cell. */
  field: OrderColumn;
  /**
   * The value exactly as the row rule (orderRows.ts) would store it from the cell's text, or
   * NaN when it is not plainly so: the line then goes to the row rule as text (so a value the
   * rule stores as NaN is always left to the rule).
   */
  read(bytes: Uint8Array, start: number, end: number, decimal: '.' | ','): number;
  /** What the row rule needs beside the value (a date's zone code), kept in PlainBlock.sides. */
  side?(bytes: Uint8Array, start: number, end: number): number;
}

export const VALUE_READERS: Record<OrderValue, ValueReader> = {
  orderDate: { field: 'order_date', read: (bytes, start, end) => fastIsoMsBytes(bytes, start, end), side: fastZoneBytes },
  amount: {
    field: 'amount',
    read(bytes, start, end, decimal) {
      const value = plainAmount(bytes, start, end, decimal);
      // NaN fails both; an amount above MAX_AMOUNT takes the text rule, which skips and counts it.
      return value <= MAX_AMOUNT && value >= -MAX_AMOUNT ? value : NaN;
    },
  },
};

/**
 * VALUE_READERS in ORDER_VALUES order, for the per-line loop: each of one shape (a side of
 * null when there is none), so that the loop's property reads stay monomorphic.
 */
const READERS: readonly { read: ValueReader['read']; side: NonNullable<ValueReader['side']> | null }[] = ORDER_VALUES.map((column) => {
  const { read, side } = VALUE_READERS[column];
  return { read, side: side ?? null };
});

/**
 * One line of a plain orders file read straight from its bytes, shared by the byte reader on
 * the main thread (plainOrders.ts) and the range parser in worker threads (orderRangeParse.ts),
 * so both decide alike which lines they may read themselves.
 */
export interface OrderLineLayout {
  delimiter: number;
  /** Fields a line must have (the header's). */
  width: number;
  /** Field positions; −1 when the column is not mapped. */
  customer: number;
  orderId: number;
  status: number;
  /** Field position of each VALUE_READERS field, in ORDER_VALUES order (−1: not mapped). */
  values: number[];
  decimal: '.' | ',';
}

/** The layout of a file whose header maps column c to field position(c) (−1 when it does not). */
export function orderLineLayout(delimiter: number, width: number, decimal: '.' | ',', position: (c: OrderColumn) => number): OrderLineLayout {
  const values = ORDER_VALUES.map((c) => position(VALUE_READERS[c].field));
  return { delimiter, width, customer: position('customer_id'), orderId: position('order_id'), status: position('status'), values, decimal };
}

/**
 * The value columns of rows a fast reader has read, by ORDER_VALUES column (PlainBlock's
 * `values` and `sides`; a column without a side value has an empty side array).
 */
export interface ValueColumns {
  values: Record<OrderValue, Float64Array>;
  sides: Record<OrderValue, Uint16Array>;
}

/** ValueColumns with room for `rows` rows, holding `from`'s first rows (zero elsewhere). */
export function valueColumns(rows: number, from?: ValueColumns): ValueColumns {
  const values = {} as ValueColumns['values'];
  const sides = {} as ValueColumns['sides'];
  for (const c of ORDER_VALUES) {
    values[c] = padded(new Float64Array(rows), from?.values[c]);
    sides[c] = padded(new Uint16Array(VALUE_READERS[c].side === undefined ? 0 : rows), from?.sides[c]);
  }
  return { values, sides };
}

/** `block` with room for `rows` rows, its rows kept: every PlainBlock column, and its lines when it has them. */
export function grownBlock(block: PlainBlock, rows: number): PlainBlock {
  const { customer, status, orderId, repeated, lines } = block;
  return {
    customer: grown(customer, rows),
    status: grown(status, rows),
    orderId: grown(orderId, rows),
    repeated: grown(repeated, rows),
    ...(lines === undefined ? {} : { lines: grown(lines, rows) }),
    ...valueColumns(rows, block),
  };
}

/** `to` with `from`'s first elements, as many as fit. */
function padded<T extends Float64Array | Uint16Array>(to: T, from: T | undefined): T {
  if (from !== undefined) to.set(from.subarray(0, Math.min(to.length, from.length)));
  return to;
}

/** The arrays of `c` in ORDER_VALUES order, for canonicalOrderFields (taken once a batch). */
export function valueArrays(c: ValueColumns): { values: Float64Array[]; sides: Uint16Array[] } {
  return { values: ORDER_VALUES.map((v) => c.values[v]), sides: ORDER_VALUES.map((v) => c.sides[v]) };
}

/** Every array of `c`, once each (to transfer a message's columns rather than copy them). */
export function valueBuffers(c: ValueColumns): ArrayBuffer[] {
  return ORDER_VALUES.flatMap((v) => [c.values[v].buffer, c.sides[v].buffer] as ArrayBuffer[]);
}

/**
 * Splits line [start, end) into its field boundaries (bounds[base + 2f], bounds[base + 2f + 1])
 * and says whether every cell the row rules read is already what they would make of it: the
 * header's number of fields, nothing to trim, and every value as its VALUE_READERS reads it.
 * On true, each value (and side value) is at index `row` of `to`'s arrays; on false they may
 * hold anything there.
 */
export function canonicalOrderLine(
  bytes: Uint8Array,
  start: number,
  end: number,
  layout: OrderLineLayout,
  bounds: Int32Array,
  base: number,
  to: { values: Float64Array[]; sides: Uint16Array[] },
  row: number,
  ascii: boolean,
): boolean {
  return splitFields(bytes, start, end, layout.delimiter, layout.width, bounds, base) && canonicalOrderFields(bytes, layout, bounds, base, to, row, ascii);
}

/** canonicalOrderLine's checks of a line already split into its fields. */
export function canonicalOrderFields(
  bytes: Uint8Array,
  layout: OrderLineLayout,
  b: Int32Array,
  base: number,
  to: { values: Float64Array[]; sides: Uint16Array[] },
  row: number,
  ascii: boolean,
): boolean {
  const { customer, orderId, status, values, decimal } = layout;
  if (!clean(bytes, b[base + 2 * customer], b[base + 2 * customer + 1], false, ascii)) return false;
  if (orderId >= 0 && !clean(bytes, b[base + 2 * orderId], b[base + 2 * orderId + 1], true, ascii)) return false;
  if (status >= 0 && !clean(bytes, b[base + 2 * status], b[base + 2 * status + 1], true, ascii)) return false;
  for (let v = 0; v < READERS.length; v++) {
    const reader = READERS[v]!;
    const p = values[v]!;
    const s = p < 0 ? 0 : b[base + 2 * p]!;
    const e = p < 0 ? 0 : b[base + 2 * p + 1]!;
    const value = reader.read(bytes, s, e, decimal);
    if (value !== value) return false;
    to.values[v]![row] = value;
    if (reader.side !== null) to.sides[v]![row] = reader.side(bytes, s, e);
  }
  return true;
}
