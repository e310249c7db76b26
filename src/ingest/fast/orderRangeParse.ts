import { isAscii } from 'node:buffer';
import { ByteKeys, type KeyBytes, type KeyViewUpdate } from '../../model/byteKeys.js';
import { KeyView } from '../../model/keyView.js';
import { grown } from '../../model/grown.js';
import { numberIn, type NumberForm } from '../../model/numberedKeys.js';
import type { PlainBatches } from './plainFile.js';
import { LineSplitter } from './lineSplitter.js';
import { canonicalOrderFields, valueArrays, valueBuffers, valueColumns, type OrderLineLayout, type ValueColumns } from './plainOrderLine.js';
import { ViewedCustomerKeys } from './customerKeys.js';
import { KeyList } from './keyList.js';

/**
 * What a worker thread makes of a byte range of a plain orders file (orderRangeWorker.ts):
 * every line read into columns, with customer ids the main table has numbered already as
 * their numbers (found through a KeyView of it), others numbered afresh in each message, and
 * order ids sent as they are (a worker would see few of its order ids twice). The main
 * thread applies these rows in file order (orderRangeApply.ts), numbering the new ids there,
 * so the result is the one the byte reader gets alone.
 *
 * A batch with any line the byte reader would not read itself as canonical (see
 * canonicalOrderLine), or a profile example over 40 characters (which the profile stores cut
 * short, so replaying it would differ), is refused whole: nothing of it is kept, and the main
 * thread reads it instead.
 */
export interface OrderRangeRows extends RangeColumns {
  rows: number;
  /** A line-item export's fold in this message (LineItemRangeParser), else null. */
  fold: RangeFoldRows | null;
  /** The message's customer ids the worker's view of the main table did not have, in number order. */
  newCustomers: KeyBytes;
  /** The message's order ids not of the table's form, one per such row, in row order. */
  orderTexts: KeyBytes;
  newStatuses: string[];
  /**
   * Per profiled column: new example candidates (the first three distinct non-empty values
   * of the range, in order), and the counts of non-empty and empty cells.
   */
  profile: { examples: string[]; nonEmpty: number; empty: number }[];
}

/** A row's ids and status, by column, and its values as their VALUE_READERS read them. */
export interface RangeColumns extends ValueColumns {
  /** The customer id's number when it has the main thread's numbered form, else −1. */
  customerNumber: Float64Array;
  /**
   * Otherwise the main table's number for the id (≥ 0), or −2 − its index in newCustomers. A
   * number from the view was given to the id by a row before this one in the file: the main
   * thread has applied only rows before the worker's range.
   */
  customer: Int32Array;
  /** 0 = no status, else 1 + the worker's status number. */
  status: Int32Array;
  /** An order id of the table's form (OrderIds.numberForm) as its number, or −1. */
  orderNumber: Float64Array;
  /** Any other order id as its index in orderTexts, or −1. */
  orderKey: Int32Array;
  /** A line-item export's order rows (LineItemRangeParser): the row's line within the message. */
  line: Int32Array;
  /** Bit p: the head's picked cell p is not blank; and the same of the line items that join it. */
  headBits: Uint8Array;
  itemBits: Uint8Array;
  /** The head's currency, an index into the fold's currencies, or −1. */
  currency: Int32Array;
  /** Room for the message's newCustomers and orderTexts (views of it), sent back with the columns. */
  keyRoom: KeyBytes;
  textRoom: KeyBytes;
}

/** What a message of a line-item export says besides its order rows (see LineItemFold). */
export interface RangeFoldRows {
  /** Lines the message covers (order heads, line items, empty lines). */
  lines: number;
  /** Line items, those before its first head included. */
  items: number;
  /** Line items before its first head (they join the group open before): their order id, count and bits. */
  lead: { name: Uint8Array; count: number; bits: number };
  comma: number;
  point: number;
  /** Currency codes of the worker's currency cells first met in this message, in index order. */
  newCurrencies: (string | null)[];
}

/** Just the column arrays of `c` (a message holds more besides). */
export function rangeColumns(c: RangeColumns): RangeColumns {
  const { customerNumber, customer, status, orderNumber, orderKey, line, headBits, itemBits, currency, values, sides, keyRoom, textRoom } = c;
  return { customerNumber, customer, status, orderNumber, orderKey, line, headBits, itemBits, currency, values, sides, keyRoom, textRoom };
}

/** The buffers of a message's columns, to transfer rather than copy (both ways). */
export function columnBuffers(c: RangeColumns): ArrayBuffer[] {
  const rooms = [c.keyRoom.bytes.buffer, c.keyRoom.ends.buffer, c.textRoom.bytes.buffer, c.textRoom.ends.buffer];
  return [c.customerNumber.buffer, c.customer.buffer, c.status.buffer, c.orderNumber.buffer, c.orderKey.buffer, c.line.buffer, c.headBits.buffer, c.itemBits.buffer, c.currency.buffer, ...valueBuffers(c), ...rooms] as ArrayBuffer[];
}

/** A row's customer not looked up yet (ViewedCustomerKeys numbers are ≥ 0 or ≤ −2). */
const NOT_FOUND = -1;
const EXAMPLES = 3;
const MAX_EXAMPLE = 40;

export class OrderRangeParser implements PlainBatches {
  readonly delimiterByte: number;
  private readonly customers: ViewedCustomerKeys;
  /** Per line of the current batch: its customer's number (ViewedCustomerKeys.addMany). */
  private found = new Int32Array(0);
  private readonly orderTexts = new KeyList();
  private readonly statuses = new ByteKeys();
  private sentStatuses = 0;
  private candidates: string[][] = [];
  protected out = new Columns(0);
  private readonly spare: RangeColumns[] = [];
  private profile: OrderRangeRows['profile'] = [];
  /** Per line of the current batch: field bounds. */
  protected bounds = new Int32Array(0);
  /** nextLineFields' report on the line it read. */
  protected readonly line = new Int32Array(3);
  /** The batch's lines, split as nextLineFields splits them. */
  protected readonly lines = new LineSplitter();

  constructor(
    protected readonly layout: OrderLineLayout,
    readonly crlf: boolean,
    /** Field positions of the profiled columns. */
    protected readonly profiled: readonly number[],
    /** Per field, 1 when no role reads it (see unquoteCells). */
    readonly opaque: Uint8Array | undefined,
    /** The main table's customer ids, as shared (ByteKeys.view); updated with `recycle`. */
    customerView: KeyViewUpdate,
    /** The main table's numbered customer form: such ids go back as numbers, not worker keys. */
    private readonly customerForm: NumberForm | null = null,
    private readonly orderForm: NumberForm | null = null,
  ) {
    this.delimiterByte = layout.delimiter;
    this.customers = new ViewedCustomerKeys(new KeyView(customerView));
    this.startRange();
    this.take();
  }

  /** The profile's candidates start afresh for each range (see orderRangeApply.ts). */
  startRange(): void {
    this.candidates = this.profiled.map(() => []);
  }

  batch(bytes: Buffer, last: boolean): boolean {
    const { delimiter, width } = this.layout;
    const width2 = width * 2;
    const pending = this.profiled.map(() => [] as string[]);
    const noting = this.noting();
    const line = this.line;
    const ascii = isAscii(bytes);
    // Values go straight to their rows of the message; a refused batch leaves them past its end.
    const out = this.out;
    let arrays = valueArrays(out);
    let n = 0;
    this.lines.start(bytes, last, this.crlf, delimiter, width);
    for (let at = 0; ; n++) {
      if ((n + 1) * width2 > this.bounds.length) this.grow(n + 1);
      if (out.length + n === out.customer.length) {
        out.grow();
        arrays = valueArrays(out);
      }
      const base = n * width2;
      at = this.lines.next(this.bounds, base, line);
      if (at === -1) break;
      if (at === -2 || line[2] === 0) return false;
      if (!canonicalOrderFields(bytes, this.layout, this.bounds, base, arrays, out.length + n, ascii) || (noting && !this.noteExamples(bytes, base, pending))) return false;
    }
    this.keepExamples(pending);
    // Customer ids looked up for the whole batch at once (see KeyView.findMany), unless the
    // table places them by number.
    const together = this.customerForm === null;
    if (together) {
      if (this.found.length < n) this.found = new Int32Array(n * 2);
      this.customers.addMany(bytes, this.bounds, this.layout.customer, width2, n, this.found, this.lines);
    }
    for (let k = 0; k < n; k++) this.row(bytes, k * width2, together ? this.found[k]! : NOT_FOUND);
    return true;
  }

  /**
   * The customers of the batch's lines whose field bounds start at bases[0 … n − 1], looked up
   * together (as `batch` does for all its lines), for `row`; null when the table places them
   * by number, and `row` reads each itself.
   */
  protected customersAt(bytes: Buffer, bases: Int32Array, n: number): Int32Array | null {
    if (this.customerForm !== null) return null;
    if (this.found.length < n) this.found = new Int32Array(n * 2);
    this.customers.addManyAt(bytes, this.bounds, this.layout.customer, bases, n, this.found, this.lines);
    return this.found;
  }

  /**
   * The rows since the last take, and the ids first numbered since. The column arrays are
   * handed over (rows 0 … rows − 1 are the message's; they may be longer) and new ones taken
   * from those given back (`recycle`), else made.
   */
  take(): OrderRangeRows {
    const out = this.out;
    const taken: OrderRangeRows = {
      rows: out.length,
      fold: null,
      ...out.columns(),
      newCustomers: this.customers.take(out.keyRoom),
      orderTexts: this.orderTexts.moveTo(out.textRoom),
      newStatuses: Array.from({ length: this.statuses.size - this.sentStatuses }, (_, i) => this.statuses.text(this.sentStatuses + i)),
      profile: this.profile,
    };
    this.sentStatuses = this.statuses.size;
    this.profile = this.profiled.map(() => ({ examples: [], nonEmpty: 0, empty: 0 }));
    this.out = new Columns(out.customer.length, this.spare.pop());
    return taken;
  }

  /**
   * Columns of a taken message, given back once applied, to be written again: the arrays of
   * ten million rows are then made a few times, not once a message (new memory costs a page
   * fault per 4 KB, and the main thread a collection whenever many arrive).
   */
  recycle(columns: RangeColumns, view: KeyViewUpdate): void {
    this.spare.push(columns);
    this.customers.view.update(view);
  }

  /**
   * Counts the line's profiled cells; false when a new example would be over 40 characters.
   * `composed` gives the value profiled column `c` shows instead of its cell (null: the cell).
   */
  protected noteExamples(bytes: Buffer, base: number, pending: string[][], composed?: (c: number, cell: string) => string | null): boolean {
    for (let c = 0; c < this.profiled.length; c++) {
      const start = this.bounds[base + 2 * this.profiled[c]!]!;
      const end = this.bounds[base + 2 * this.profiled[c]! + 1]!;
      if (end === start) continue;
      const seen = this.candidates[c]!;
      const fresh = pending[c]!;
      if (seen.length + fresh.length >= EXAMPLES) continue;
      const cell = bytes.toString('utf8', start, end);
      const text = composed?.(c, cell) ?? cell;
      if (seen.includes(text) || fresh.includes(text)) continue;
      if (text.length > MAX_EXAMPLE) return false;
      fresh.push(text);
    }
    return true;
  }

  /**
   * Whether noteExamples could still take an example: once every profiled column has its
   * three candidates (a few lines into a range), it would only count, and is not called.
   */
  protected noting(): boolean {
    return this.candidates.some((seen) => seen.length < EXAMPLES);
  }

  /** The profiled examples a batch found, kept once the batch is. */
  protected keepExamples(pending: string[][]): void {
    for (let c = 0; c < this.profiled.length; c++) {
      this.candidates[c]!.push(...pending[c]!);
      this.profile[c]!.examples.push(...pending[c]!);
    }
  }

  /**
   * The ids, status and profile counts of the message's next row (its values are in place);
   * `customer` is its customer's number from ViewedCustomerKeys.addMany, if looked up already.
   */
  protected row(bytes: Buffer, base: number, customer = NOT_FOUND): void {
    const { orderId, status } = this.layout;
    const b = this.bounds;
    const out = this.out;
    const i = out.length++;
    for (let c = 0; c < this.profiled.length; c++) {
      const p = this.profiled[c]!;
      if (b[base + 2 * p + 1] === b[base + 2 * p]) this.profile[c]!.empty++;
      else this.profile[c]!.nonEmpty++;
    }
    const cs = b[base + 2 * this.layout.customer]!;
    const ce = b[base + 2 * this.layout.customer + 1]!;
    const n = this.customerForm === null ? -1 : numberIn(this.customerForm, bytes, cs, ce);
    out.customerNumber[i] = n;
    out.customer[i] = n >= 0 ? -1 : customer !== NOT_FOUND ? customer : this.customers.add(bytes, cs, ce);
    out.orderNumber[i] = -1;
    out.orderKey[i] = -1;
    if (orderId >= 0 && b[base + 2 * orderId + 1]! > b[base + 2 * orderId]!) {
      const n = this.orderForm === null ? -1 : numberIn(this.orderForm, bytes, b[base + 2 * orderId]!, b[base + 2 * orderId + 1]!);
      if (n >= 0) out.orderNumber[i] = n;
      else out.orderKey[i] = this.orderTexts.push(bytes, b[base + 2 * orderId]!, b[base + 2 * orderId + 1]!);
    }
    out.status[i] = status >= 0 && b[base + 2 * status + 1]! > b[base + 2 * status]! ? 1 + this.statuses.add(bytes, b[base + 2 * status]!, b[base + 2 * status + 1]!) : 0;
  }

  protected grow(lines: number): void {
    const n = Math.max(1024, lines * 2);
    this.bounds = grown(this.bounds, n * this.layout.width * 2);
  }
}

/** The growing columns of OrderRangeRows. */
export class Columns implements RangeColumns {
  length = 0;
  customerNumber = new Float64Array(0);
  customer = new Int32Array(0);
  status = new Int32Array(0);
  orderNumber = new Float64Array(0);
  orderKey = new Int32Array(0);
  line = new Int32Array(0);
  headBits = new Uint8Array(0);
  itemBits = new Uint8Array(0);
  currency = new Int32Array(0);
  keyRoom: KeyBytes = { bytes: new Uint8Array(0), ends: new Int32Array(0) };
  textRoom: KeyBytes = { bytes: new Uint8Array(0), ends: new Int32Array(0) };
  values = valueColumns(0).values;
  sides = valueColumns(0).sides;

  /** Room for `capacity` rows, in `spare`'s arrays when they have it. */
  constructor(capacity: number, spare?: RangeColumns) {
    if (spare !== undefined && spare.customer.length >= capacity) Object.assign(this, spare);
    else Object.assign(this, this.copy(Math.max(1024, capacity)));
  }

  /** The arrays themselves. */
  columns(): RangeColumns {
    return rangeColumns(this);
  }

  grow(): void {
    Object.assign(this, this.copy(this.customer.length * 2));
  }

  /** The columns padded to n rows, as new arrays. */
  copy(n: number): RangeColumns {
    const to = <T extends Int32Array | Float64Array | Uint8Array>(a: T, make: new (n: number) => T): T => {
      const b = new make(n);
      b.set(a.subarray(0, Math.min(n, a.length)));
      return b;
    };
    return {
      customerNumber: to(this.customerNumber, Float64Array),
      customer: to(this.customer, Int32Array),
      status: to(this.status, Int32Array),
      orderNumber: to(this.orderNumber, Float64Array),
      orderKey: to(this.orderKey, Int32Array),
      line: to(this.line, Int32Array),
      headBits: to(this.headBits, Uint8Array),
      itemBits: to(this.itemBits, Uint8Array),
      currency: to(this.currency, Int32Array),
      keyRoom: this.keyRoom,
      textRoom: this.textRoom,
      ...valueColumns(n, this),
    };
  }
}
