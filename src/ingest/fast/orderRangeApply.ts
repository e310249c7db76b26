import type { OrderRows } from '../orderRows.js';
import type { ColumnObserver } from '../profile.js';
import type { LineItemFold } from './lineItemFold.js';
import type { OrderRangeRows, RangeFoldRows } from './orderRangeParse.js';

/** The byte reader whose state workers' rows carry on (OrderBatchReader, LineItemBatchReader). */
export interface RangeReader {
  readonly rows: OrderRows;
  line: number;
  readonly observer: ColumnObserver;
  readonly profiled: readonly { column: string; position: number }[];
  /** A line-item export's fold (LineItemBatchReader), else undefined. */
  readonly fold?: LineItemFold;
}

/**
 * Applies one worker's OrderRangeRows to the byte reader's state, in file order, as if the
 * reader had read those lines itself (OrderRows.plainBlock for each message; its values as
 * the worker read them):
 *
 * - Ids: customer ids of the table's numbered form come as numbers and are added row by row;
 *   other customer ids come as worker numbers (the worker's own ByteKeys) and are numbered
 *   here at their first row, from the bytes of the message that first used them (a worker
 *   sends a key with the message of its first row), so no copy of the keys is kept here.
 *   Order ids come row by row, as numbers of the table's form or as bytes, and go through
 *   the table's OrderIds, which says whether each is repeated. Every id is thus numbered in
 *   the order its rows come, as reading alone numbers it.
 * - The profile: the examples the worker found in a range are the first three distinct
 *   values there; observing them in order and counting the rest gives the examples of
 *   observing every value, because at most three earlier examples can hide any of them.
 * - A line-item export's fold (m.fold): each head opens its group in the reader's LineItemFold
 *   and its line items' bits are held to it, the message's lead items first, to the group open
 *   before; a row's line is the message's first line and its offset. False when some line
 *   item would change its order: the file is then the general path's.
 */
export class RangeApplier {
  /** Per new customer id of the message (newCustomers), the table's number once a row used it (−1 before). */
  private fresh = new Int32Array(1024);
  private readonly statuses: number[] = [0];
  /** Per row of a message: its customer's number, order-id code, and 1 for a repeated order id. */
  private customerOf = new Int32Array(0);
  private orderCode = new Int32Array(0);
  private repeated = new Uint8Array(0);

  /** Per worker currency cell, its code (null: none). */
  private readonly currencies: (string | null)[] = [];
  private lines = new Int32Array(0);
  /** Per worker currency cell: a message's rows naming it, and the first one's line. */
  private currencyRows = new Int32Array(0);
  private currencyLine = new Float64Array(0);
  /** Per text order id of a message, its code (when numbered together). */
  private textCodes = new Int32Array(0);
  private newFlags = new Uint8Array(0);

  constructor(private readonly reader: RangeReader) {}

  apply(m: OrderRangeRows): boolean {
    const reader = this.reader;
    const table = reader.rows.table;
    const { bytes: keyBytes, ends: keyEnds } = m.newCustomers;
    if (keyEnds.length > this.fresh.length) this.fresh = new Int32Array(keyEnds.length * 2);
    const fresh = this.fresh.fill(-1, 0, keyEnds.length);
    for (const status of m.newStatuses) this.statuses.push(table.statusCode(status));

    const rows = reader.rows;
    const n = m.rows;
    rows.acc.rowsRead += n;
    const { customerNumber, customer, status, orderNumber, orderKey } = m;
    const ids = table.customerIds;
    if (this.customerOf.length < n) {
      this.customerOf = new Int32Array(n);
      this.orderCode = new Int32Array(n);
      this.repeated = new Uint8Array(n);
    }
    const { customerOf, orderCode, repeated } = this;
    // One loop per id table, each in row order (every table numbers its ids in the order rows
    // come): short loops, so that the cache misses of independent lookups overlap. The customers
    // already placed by number go first, in a loop of their own.
    let numbered = false;
    for (let i = 0; i < n; i++) {
      customerOf[i] = customerNumber[i]! >= 0 ? ids.findNumbered(customerNumber[i]!) : -1;
      numbered ||= customerNumber[i]! >= 0;
    }
    // With no id placed by number in between, the message's new ids are numbered in the order
    // of their first rows by numbering them in their own order (ByteKeys.addMany), as one id
    // after another in row order does.
    if (!numbered && keyEnds.length > 0) {
      ids.addMany(m.newCustomers, keyEnds.length, fresh, this.isNew(keyEnds.length));
    }
    for (let i = 0; i < n; i++) {
      if (customerOf[i]! >= 0) continue;
      if (customerNumber[i]! >= 0) customerOf[i] = ids.addNumbered(customerNumber[i]!);
      else {
        const w = customer[i]!;
        if (w >= 0) {
          if (w >= ids.size) throw new Error(`order reader: a worker found customer number ${w}, which the table does not have`);
          customerOf[i] = w;
          continue;
        }
        const j = -2 - w;
        let c = fresh[j]!;
        // Numbered at its first row, in file order, as the byte reader alone numbers it.
        if (c === -1) c = fresh[j] = ids.add(keyBytes, j === 0 ? 0 : keyEnds[j - 1]!, keyEnds[j]!);
        customerOf[i] = c;
      }
    }
    const orderIds = table.orderIds;
    const texts = m.orderTexts;
    const textCount = texts.ends.length;
    let byNumber = false;
    for (let i = 0; i < n && !byNumber; i++) byNumber = orderNumber[i]! >= 0;
    if (!byNumber && textCount > 0) {
      // Text order ids only (Stripe's, say): numbered together in row order, as customers above.
      if (this.textCodes.length < textCount) this.textCodes = new Int32Array(textCount * 2);
      const textNew = this.isNew(textCount);
      orderIds.addMany(texts, textCount, this.textCodes, textNew);
      for (let i = 0; i < n; i++) {
        const k = orderKey[i]!;
        orderCode[i] = k < 0 ? -1 : this.textCodes[k]!;
        repeated[i] = k < 0 || textNew[k] === 1 ? 0 : 1;
      }
    } else {
      for (let i = 0; i < n; i++) {
        let code = -1;
        let again = false;
        if (orderNumber[i]! >= 0) {
          code = orderIds.addNumbered(orderNumber[i]!);
          again = !orderIds.isNew;
        } else if (orderKey[i]! >= 0) {
          const k = orderKey[i]!;
          code = orderIds.add(texts.bytes, k === 0 ? 0 : texts.ends[k - 1]!, texts.ends[k]!);
          again = !orderIds.isNew;
        }
        orderCode[i] = code;
        repeated[i] = again ? 1 : 0;
      }
    }
    const statuses = this.statuses;
    for (let i = 0; i < n; i++) status[i] = statuses[status[i]!]!;
    let lines: Int32Array | undefined;
    if (m.fold !== null) {
      if (!this.fold(m, m.fold)) return false;
      lines = this.lines;
    }
    rows.plainBlock(reader.line, 0, n, { customer: customerOf, status, orderId: orderCode, repeated, values: m.values, sides: m.sides, lines });
    reader.line += m.fold === null ? n : m.fold.lines;

    const observer = reader.observer;
    reader.profiled.forEach(({ column }, c) => {
      const p = m.profile[c]!;
      for (const example of p.examples) observer.observe(column, example);
      if (p.nonEmpty > p.examples.length) observer.seen(column, p.nonEmpty - p.examples.length);
      if (p.empty > 0) observer.empties(column, p.empty);
    });
    return true;
  }

  /** A scratch array of at least n flags (addMany's "new"). */
  private isNew(n: number): Uint8Array {
    if (this.newFlags.length < n) this.newFlags = new Uint8Array(n * 2);
    return this.newFlags;
  }

  /** The fold's checks and counts for a line-item message; each row's line in `lines`. */
  private fold(m: OrderRangeRows, f: RangeFoldRows): boolean {
    const reader = this.reader;
    const fold = reader.fold!;
    const n = m.rows;
    if (f.lead.count > 0 && !fold.joins(f.lead.name, 0, f.lead.name.length, f.lead.bits)) return false;
    const form = reader.rows.table.orderIds.numberForm;
    const texts = m.orderTexts;
    for (let i = 0; i < n; i++) {
      const k = m.orderKey[i]!;
      if (m.orderNumber[i]! >= 0) fold.headNumbered(form!, m.orderNumber[i]!, m.headBits[i]!, false);
      else fold.head(texts.bytes, k === 0 ? 0 : texts.ends[k - 1]!, texts.ends[k]!, m.headBits[i]!, false);
      if (m.itemBits[i] !== 0 && !fold.holds(m.itemBits[i]!)) return false;
    }
    fold.items += f.items;
    fold.comma += f.comma;
    fold.point += f.point;
    reader.rows.acc.rowsRead += f.items;
    this.currencies.push(...f.newCurrencies);
    if (this.lines.length < n) this.lines = new Int32Array(n);
    // Each currency's rows counted here, and told to the tally once a message (a Map update
    // per row cost ~40 ns), in the order of their first rows: the rows a worker read all
    // name the kept currency, so `accept` could not refuse one.
    if (this.currencyRows.length < this.currencies.length) {
      this.currencyRows = new Int32Array(this.currencies.length * 2);
      this.currencyLine = new Float64Array(this.currencies.length * 2);
    }
    const { currencyRows, currencyLine } = this;
    const named: number[] = [];
    for (let i = 0; i < n; i++) {
      const line = reader.line + m.line[i]!;
      this.lines[i] = line;
      const c = m.currency[i]!;
      if (c < 0) continue;
      if (currencyRows[c] === 0) {
        named.push(c);
        currencyLine[c] = line;
      }
      currencyRows[c]!++;
    }
    for (const c of named) {
      const code = this.currencies[c];
      if (code !== null && code !== undefined) reader.rows.currencies.acceptRows(code, currencyRows[c]!, currencyLine[c]!);
      currencyRows[c] = 0;
    }
    return true;
  }
}
