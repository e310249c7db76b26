import { MAX_AMOUNT } from '../values/amount.js';
import { fastIsoMsBytes } from '../values/timestamp.js';
import { AT, clean, hasByte, plainAmount } from './plainBytes.js';
import type { ByteKeys } from '../../model/byteKeys.js';
import { splitFields } from './plainFile.js';

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
  date: number;
  amount: number;
  orderId: number;
  status: number;
  decimal: '.' | ',';
}

/**
 * Splits line [start, end) into its field boundaries (bounds[base + 2f], bounds[base + 2f + 1])
 * and says whether every cell the row rules read is already what they would make of it: the
 * header's number of fields, nothing to trim, an ISO date fastIsoMs reads, a plain amount. On
 * true, values[0] is the date's wall time and values[1] the amount.
 */
export function canonicalOrderLine(
  bytes: Uint8Array,
  start: number,
  end: number,
  layout: OrderLineLayout,
  bounds: Int32Array,
  base: number,
  values: Float64Array,
  ascii: boolean,
): boolean {
  return splitFields(bytes, start, end, layout.delimiter, layout.width, bounds, base) && canonicalOrderFields(bytes, layout, bounds, base, values, ascii);
}

/** canonicalOrderLine's checks of a line already split into its fields. */
export function canonicalOrderFields(bytes: Uint8Array, layout: OrderLineLayout, b: Int32Array, base: number, values: Float64Array, ascii: boolean): boolean {
  const { customer, date, amount, orderId, status } = layout;
  if (!clean(bytes, b[base + 2 * customer], b[base + 2 * customer + 1], false, ascii)) return false;
  const ms = fastIsoMsBytes(bytes, b[base + 2 * date], b[base + 2 * date + 1]);
  if (ms !== ms) return false;
  const value = plainAmount(bytes, b[base + 2 * amount], b[base + 2 * amount + 1], layout.decimal);
  // NaN fails both; an amount above MAX_AMOUNT takes the text rule, which skips and counts it.
  if (!(value <= MAX_AMOUNT && value >= -MAX_AMOUNT)) return false;
  if (orderId >= 0 && !clean(bytes, b[base + 2 * orderId], b[base + 2 * orderId + 1], true, ascii)) return false;
  if (status >= 0 && !clean(bytes, b[base + 2 * status], b[base + 2 * status + 1], true, ascii)) return false;
  values[0] = ms;
  values[1] = value;
  return true;
}

/**
 * Numbers canonical customer cells in `keys`: by their bytes, or for an e-mail id (all ASCII,
 * checked by `clean`) by its bytes lower-cased as normalizeCustomerId does.
 */
export class CustomerKeys {
  private lower = Buffer.allocUnsafe(256);

  constructor(readonly keys: ByteKeys) {}

  add(bytes: Uint8Array, start: number, end: number): number {
    if (!hasByte(bytes, start, end, AT)) return this.keys.add(bytes, start, end);
    const n = end - start;
    if (n > this.lower.length) this.lower = Buffer.allocUnsafe(n * 2);
    const out = this.lower;
    for (let i = 0; i < n; i++) {
      const c = bytes[start + i];
      out[i] = c >= 65 && c <= 90 ? c + 32 : c;
    }
    return this.keys.add(out, 0, n);
  }
}
