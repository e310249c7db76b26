import { isAscii } from 'node:buffer';
import { DataError } from '../../errors.js';
import { ByteKeys } from '../../model/byteKeys.js';
import { grown } from '../../model/grown.js';
import type { OrderColumn, PlainBlock } from '../../model/orderTable.js';
import { mapRecord, type MappedRows, type RowShape } from '../mappedRows.js';
import { finishOrders } from '../orders.js';
import type { OrderRows } from '../orderRows.js';
import { nonBlank, type LineItemSpec } from '../presets/lineItems.js';
import type { LoadedOrders } from '../records.js';
import type { ColumnObserver } from '../profile.js';
import type { RangeFold } from './lineItemRangeParse.js';
import { currencyCode } from '../values/amount.js';
import { ByteObserver } from './byteObserver.js';
import { blankCell, filledBits, LineItemFold } from './lineItemFold.js';
import { LineIds } from './lineIds.js';
import { clean } from './plainBytes.js';
import { maybeSummary, plainSetup, splitLines, splitFields, type PlainBatches } from './plainFile.js';
import { canonicalOrderFields, grownBlock, orderLineLayout, valueArrays, valueColumns, type OrderLineLayout } from './plainOrderLine.js';

/**
 * The byte reader of a line-item export (Shopify's: one row per line item, the order's fields
 * on its first row), folding as the preset's fold does (presets/lineItems.ts) while it reads,
 * for the files exports are: each order's rows together, its first row carrying the amount.
 *
 * An order's head line (a non-blank amount) is its order: when its cells are canonical and it
 * has what the spec's `plainHead` asks (no refund, not cancelled), its row goes to
 * OrderRows.plainBlock as numbers, as plainOrders.ts reads a plain line; otherwise the spec's
 * `make` makes the order's row from the head's text and the row rule reads it. A line item
 * (blank amount) of the order just begun changes nothing in the general fold when every value
 * it could give (its picked cells) is blank or already given by the order it joins: it is only
 * counted as merged. Everything else is handed back to the general path, which folds the
 * whole file first: a line item of no open order or of another one (rows of an order apart,
 * or an order whose first row has no amount), one that would fill a value, a line mapRecord
 * would skip or that could be a totals row, a row-rule error (the general path reports it
 * after every line is mapped), and a refund computed while the file's amounts turn out to use
 * a decimal comma (the fold computes with the separator it guesses from every amount).
 */
export class LineItemBatchReader implements PlainBatches {
  /** Line number of the next line. */
  line = 2;
  readonly crlf: boolean;
  readonly delimiterByte: number;
  readonly opaque: Uint8Array | undefined;
  private readonly width: number;
  readonly layout: OrderLineLayout;
  /** The profiled columns and their field positions. */
  readonly profiled: { column: string; position: number }[];
  private readonly observed: ByteObserver;
  /** The profiled column the fold rewrites with its currency (the amount), −1 when not profiled. */
  private readonly amountProfiled: number;
  private readonly ids: LineIds;
  /** Currency cells by their bytes, and each one's code (null when withCurrency adds none). */
  private readonly currencyCells = new ByteKeys();
  private readonly currencyOf: (string | null)[] = [];
  private readonly at: { name: number; amount: number; refund: number; currency: number; empty: number[]; picked: number[] };
  private readonly state = { blank: 0 };
  private first = true;

  /** Per line of the current batch: field bounds, and what it is (ITEM, TEXT_HEAD, or its block row). */
  private bounds = new Int32Array(0);
  private kind = new Int32Array(0);
  private block: PlainBlock & { lines: Int32Array; currency: Int32Array };
  private arrays: ReturnType<typeof valueArrays>;

  /** The fold so far (shared with the join of worker threads' rows). */
  readonly fold = new LineItemFold();

  constructor(
    private readonly fileName: string,
    private readonly input: Omit<MappedRows, 'rows'>,
    readonly rows: OrderRows,
    private readonly shape: RowShape,
    private readonly headerBytes: number,
    private readonly spec: LineItemSpec & { plainHead: NonNullable<LineItemSpec['plainHead']> },
  ) {
    ({ crlf: this.crlf, delimiterByte: this.delimiterByte, opaque: this.opaque, profiled: this.profiled } = plainSetup(input, shape.width));
    this.width = shape.width;
    const p = input.mapping.positions;
    const position = (column: string) => p.get(column) ?? -1;
    this.layout = orderLineLayout(this.delimiterByte, shape.width, rows.decimal, (c: OrderColumn) => position(c));
    this.observed = new ByteObserver(input.observer, this.profiled);
    this.amountProfiled = this.profiled.findIndex((c) => c.column === 'amount');
    this.ids = new LineIds(rows.table, this.layout);
    this.at = {
      name: position('order_id'),
      amount: position('amount'),
      refund: position('refunded_amount'),
      currency: position(spec.plainHead.currency),
      empty: spec.plainHead.empty.map(position).filter((x) => x >= 0),
      picked: spec.picked.map(position),
    };
    this.block = { customer: new Int32Array(0), status: new Int32Array(0), orderId: new Int32Array(0), repeated: new Uint8Array(0), lines: new Int32Array(0), currency: new Int32Array(0), ...valueColumns(0) };
    this.arrays = valueArrays(this.block);
  }

  /** The spec's fold, when this reader can do it: an order id column and the spec's plainHead. */
  static applies(input: Omit<MappedRows, 'rows'>): (LineItemSpec & { plainHead: NonNullable<LineItemSpec['plainHead']> }) | null {
    const spec = input.mapping.preset?.lineItems;
    if (spec?.plainHead === undefined || !spec.repeatedHeadIsDuplicate || !input.mapping.positions.has('order_id')) return null;
    return spec as LineItemSpec & { plainHead: NonNullable<LineItemSpec['plainHead']> };
  }

  /**
   * One batch of whole lines in two passes: first each line is split and sorted into order
   * heads (read as numbers when canonical) and line items; then, in line order, each is folded.
   */
  batch(bytes: Buffer, last: boolean): boolean {
    let from = 0;
    if (this.first) {
      from = this.headerBytes;
      this.first = false;
    }
    const firstLine = this.line;
    const ascii = isAscii(bytes);
    let ok = true;
    let heads = 0;
    const n = splitLines(bytes, from, last, this.crlf, (start, end, k) => {
      if (!ok) return;
      if (k === this.kind.length) this.growLines();
      if (start === end) {
        // An empty line is no row (mapRecord).
        this.kind[k] = EMPTY;
        return;
      }
      const base = k * this.width * 2;
      const b = this.bounds;
      if (!splitFields(bytes, start, end, this.delimiterByte, this.width, b, base) || !clean(bytes, b[base + 2 * this.at.name]!, b[base + 2 * this.at.name + 1]!, false, ascii) || maybeSummary(bytes, b[base]!, b[base + 1]!)) {
        ok = false;
        return;
      }
      this.guess(bytes, b, base);
      if (blankCell(bytes, b[base + 2 * this.at.amount]!, b[base + 2 * this.at.amount + 1]!, ascii)) {
        this.kind[k] = ITEM;
        return;
      }
      if (heads === this.block.customer.length) this.growBlock();
      this.kind[k] = this.plainHead(bytes, b, base, heads, ascii) ? heads++ : TEXT_HEAD;
      if (this.kind[k] >= 0) this.block.lines[this.kind[k]!] = firstLine + k;
    });
    if (n < 0 || !ok) return false;
    this.line = firstLine + n;
    try {
      return this.foldLines(bytes, n, firstLine, ascii);
    } catch (e) {
      // The general path reports a row-rule error only after mapping every line: let it.
      if (e instanceof DataError) return false;
      throw e;
    }
  }

  get observer(): ColumnObserver {
    return this.input.observer;
  }

  /** What worker threads need to read ranges of the file as this reader does (LineItemRangeParser). */
  rangeFold(): RangeFold {
    const { name, amount, refund, currency, empty, picked } = this.at;
    return { name, amount, refund, currency, empty, picked, keep: this.rows.currencies.keep, amountProfiled: this.amountProfiled };
  }

  /** The orders read, or null when the fold's separator guess makes a refund read as text differ. */
  finish(): LoadedOrders | null {
    if (!this.fold.separatorHeld) return null;
    this.observed.flush();
    this.rows.acc.rowsMerged += this.fold.items;
    return finishOrders(this.fileName, this.input, this.rows);
  }

  /** Folds lines 0..n−1 of the batch in order; false to hand the file back. */
  private foldLines(bytes: Buffer, n: number, firstLine: number, ascii: boolean): boolean {
    const b = this.bounds;
    const w2 = this.width * 2;
    let run = 0;
    let next = 0;
    for (let k = 0; k < n; k++) {
      const kind = this.kind[k]!;
      const base = k * w2;
      if (kind === EMPTY) continue;
      const name = 2 * this.at.name;
      if (kind === ITEM) {
        if (!this.fold.joins(bytes, b[base + name]!, b[base + name + 1]!, filledBits(bytes, b, base, this.at.picked, ascii))) return false;
        this.fold.items++;
        this.rows.acc.rowsRead++;
        continue;
      }
      const refund = this.at.refund >= 0 && !blankCell(bytes, b[base + 2 * this.at.refund]!, b[base + 2 * this.at.refund + 1]!, ascii);
      this.fold.head(bytes, b[base + name]!, b[base + name + 1]!, filledBits(bytes, b, base, this.at.picked, ascii), refund);
      if (kind >= 0) {
        this.plainRow(bytes, b, base, kind);
        next = kind + 1;
        continue;
      }
      if (next > run) this.rows.plainBlock(0, run, next - run, this.block);
      run = next;
      this.textRow(bytes, b, base, firstLine + k);
    }
    if (next > run) this.rows.plainBlock(0, run, next - run, this.block);
    return true;
  }

  /**
   * Whether a head line is an order the block can take: its cells canonical, the spec's empty
   * cells empty, and its currency one the row rule keeps. Its values land at block row h.
   */
  private plainHead(bytes: Buffer, b: Int32Array, base: number, h: number, ascii: boolean): boolean {
    for (const f of this.at.empty) if (b[base + 2 * f + 1]! > b[base + 2 * f]!) return false;
    if (!canonicalOrderFields(bytes, this.layout, b, base, this.arrays, h, ascii)) return false;
    let code: string | null = null;
    let c = -1;
    const f = this.at.currency;
    if (f >= 0 && b[base + 2 * f + 1]! > b[base + 2 * f]!) {
      c = this.currencyCells.add(bytes, b[base + 2 * f]!, b[base + 2 * f + 1]!);
      if (this.currencyCells.isNew) {
        const cell = this.currencyCells.text(c).trim();
        this.currencyOf[c] = cell === '' ? null : currencyCode(cell);
      }
      code = this.currencyOf[c]!;
    }
    const keep = this.rows.currencies.keep;
    if (code !== null && keep !== null && code !== keep) return false;
    this.block.currency[h] = code === null ? -1 : c;
    return true;
  }

  /** Numbers the ids and status of a block head, observes its cells, and counts its currency. */
  private plainRow(bytes: Buffer, b: Int32Array, base: number, h: number): void {
    this.rows.acc.rowsRead++;
    const c = this.block.currency[h]!;
    const code = c < 0 ? null : this.currencyOf[c]!;
    if (this.amountProfiled < 0) this.observed.line(bytes, b, base);
    else {
      const a = this.at.amount;
      this.observed.lineWith(bytes, b, base, this.amountProfiled, false, () => {
        const text = bytes.toString('utf8', b[base + 2 * a]!, b[base + 2 * a + 1]!);
        return code === null ? text : `${text} ${code}`;
      });
    }
    this.ids.number(bytes, b, base, this.block, h);
    this.rows.currencies.accept(code, this.block.lines[h]);
  }

  /** A head line the block cannot take: its order made by the spec from its text, for the row rule. */
  private textRow(bytes: Buffer, b: Int32Array, base: number, line: number): void {
    const fields: string[] = [];
    for (let f = 0; f < this.width; f++) fields.push(bytes.toString('utf8', b[base + 2 * f]!, b[base + 2 * f + 1]!));
    const head = mapRecord({ fields, line, badQuotes: false }, this.shape, this.rows.acc, this.state);
    if (head === null) throw new Error(`line items: line ${line} was read as a row but mapRecord set it aside`);
    const picked = this.spec.picked;
    const first = picked.map((column) => nonBlank(head.values[column]));
    // The items that joined it gave nothing (joins), so each picked value is the head's own.
    const made = this.spec.make({ head, headHasAmount: true, first }, (row, column) => nonBlank(row.values[column]) || first[picked.indexOf(column)]!, '.');
    for (const { column } of this.observed.profiled) this.input.observer.observe(column, made.values[column]);
    this.rows.row(made.line, made.values);
  }

  /** DecimalGuess.add of the line's amount and refunded amount, from their bytes. */
  private guess(bytes: Uint8Array, b: Int32Array, base: number): void {
    const { amount, refund } = this.at;
    this.fold.guess(bytes, b[base + 2 * amount]!, b[base + 2 * amount + 1]!);
    if (refund >= 0) this.fold.guess(bytes, b[base + 2 * refund]!, b[base + 2 * refund + 1]!);
  }

  private growLines(): void {
    const lines = Math.max(1024, this.kind.length * 2);
    this.bounds = grown(this.bounds, lines * this.width * 2);
    this.kind = grown(this.kind, lines);
  }

  private growBlock(): void {
    const rows = Math.max(1024, this.block.customer.length * 2);
    const block = grownBlock(this.block, rows);
    this.block = { ...block, lines: block.lines!, currency: grown(this.block.currency, rows) };
    this.arrays = valueArrays(this.block);
  }
}

const ITEM = -1;
const TEXT_HEAD = -2;
const EMPTY = -3;
