import { isAscii } from 'node:buffer';
import { ByteKeys, type KeyViewUpdate } from '../../model/byteKeys.js';
import { grown } from '../../model/grown.js';
import type { NumberForm } from '../../model/numberedKeys.js';
import { currencyCode } from '../values/amount.js';
import { blankCell, COMMA, filledBits, POINT, pointOrComma } from './lineItemFold.js';
import { OrderRangeParser, type OrderRangeRows, type RangeFoldRows } from './orderRangeParse.js';
import { clean } from './plainBytes.js';
import { maybeSummary } from './plainFile.js';
import { canonicalOrderFields, valueArrays, type OrderLineLayout } from './plainOrderLine.js';

/**
 * Field positions of a line-item export for the worker threads (LineItemBatchReader.rangeFold):
 * the order id, amount, refund and currency, the cells a head must have empty to be read from
 * bytes, the picked columns (−1: absent), the --currency kept (null: all), and which profiled
 * column shows the amount with its currency (−1: none).
 */
export interface RangeFold {
  name: number;
  amount: number;
  refund: number;
  currency: number;
  empty: number[];
  picked: number[];
  keep: string | null;
  amountProfiled: number;
}

/**
 * OrderRangeParser for a line-item export: each order's head line is a row (as the main
 * thread's LineItemBatchReader reads it: canonical cells, its `empty` cells empty, a currency
 * kept), each line item joins the head before it, in the same message, when it names the same
 * order; line items before a message's first head are its `lead`, which the main thread joins
 * to the group open there (orderRangeApply.ts), as it does every head's item bits (LineItemFold).
 * A batch with anything else (a head to read as text, a line item of another order, a line
 * mapRecord would skip) is refused whole, and the main thread reads it.
 */
export class LineItemRangeParser extends OrderRangeParser {
  /** Per line of the batch: HEAD rows ≥ 0, or ITEM / EMPTY; an item's picked bits. */
  private kind = new Int32Array(0);
  private bits = new Uint8Array(0);
  /** The order id of the range's last head, and its row in the message (−1: an earlier message, or none). */
  private lastName = Buffer.alloc(64);
  private lastLength = -1;
  private lastRow = -1;
  private lead = { name: new Uint8Array(0), count: 0, bits: 0 };
  /** Field bounds' starts of the batch's head lines (customersAt). */
  private headBases = new Int32Array(0);
  private counts = { lines: 0, items: 0, comma: 0, point: 0 };
  private readonly currencyCells = new ByteKeys();
  private readonly codes: (string | null)[] = [];
  private codesSent = 0;
  /** The currency code of the head line being read, for `composed` (one closure, not one a head). */
  private headCode: string | null = null;
  /** What noteExamples shows for the amount: its cell and the head's currency code. */
  private readonly composed = (c: number, cell: string): string | null => (c === this.fold.amountProfiled && this.headCode !== null ? `${cell} ${this.headCode}` : null);

  constructor(
    layout: OrderLineLayout,
    crlf: boolean,
    profiled: readonly number[],
    opaque: Uint8Array | undefined,
    private readonly fold: RangeFold,
    customerView: KeyViewUpdate,
    customerForm: NumberForm | null = null,
    orderForm: NumberForm | null = null,
  ) {
    super(layout, crlf, profiled, opaque, customerView, customerForm, orderForm);
  }

  override startRange(): void {
    super.startRange();
    this.lastLength = -1;
    this.lastRow = -1;
  }

  override take(): OrderRangeRows {
    const taken = super.take();
    // The constructor takes once before the fold is set.
    if (this.fold === undefined) return taken;
    const fold: RangeFoldRows = { ...this.counts, lead: this.lead, newCurrencies: this.codes.slice(this.codesSent) };
    this.codesSent = this.codes.length;
    this.counts = { lines: 0, items: 0, comma: 0, point: 0 };
    this.lead = { name: new Uint8Array(0), count: 0, bits: 0 };
    this.lastRow = -1;
    return { ...taken, fold };
  }

  override batch(bytes: Buffer, last: boolean): boolean {
    const { delimiter, width } = this.layout;
    const width2 = width * 2;
    const fold = this.fold;
    const pending = this.profiled.map(() => [] as string[]);
    const noting = this.noting();
    const line = this.line;
    const ascii = isAscii(bytes);
    const out = this.out;
    let arrays = valueArrays(out);
    const counts = { comma: 0, point: 0 };
    // The order id items must name: the last head's (this batch's, or kept), else the lead's.
    let name: Uint8Array | null = this.lastLength < 0 ? null : this.lastName;
    let nameStart = 0;
    let nameEnd = Math.max(0, this.lastLength);
    let headSeen = this.lastRow >= 0;
    let leadName: Uint8Array | null = this.lead.count > 0 ? this.lead.name : null;
    let leadEnd = this.lead.name.length;
    let leadStart = 0;
    let n = 0;
    let heads = 0;
    this.lines.start(bytes, last, this.crlf, delimiter, width);
    for (let at = 0; ; n++) {
      if ((n + 1) * width2 > this.bounds.length) this.grow(n + 1);
      if (n === this.kind.length) {
        this.kind = grown(this.kind, Math.max(1024, n * 2));
        this.bits = grown(this.bits, this.kind.length);
      }
      if (out.length + heads === out.customer.length) {
        out.grow();
        arrays = valueArrays(out);
      }
      const base = n * width2;
      const b = this.bounds;
      at = this.lines.next(b, base, line);
      if (at === -1) break;
      if (at === -2) return false;
      if (line[0] === line[1]) {
        this.kind[n] = EMPTY;
        continue;
      }
      const ns = b[base + 2 * fold.name]!;
      const ne = b[base + 2 * fold.name + 1]!;
      if (line[2] === 0 || !clean(bytes, ns, ne, false, ascii) || maybeSummary(bytes, b[base]!, b[base + 1]!)) return false;
      countGuess(counts, bytes, b, base, fold.amount);
      if (fold.refund >= 0) countGuess(counts, bytes, b, base, fold.refund);
      if (blankCell(bytes, b[base + 2 * fold.amount]!, b[base + 2 * fold.amount + 1]!, ascii)) {
        // A line item: of the last head here, or before the message's first head (the lead, one order).
        if (headSeen) {
          if (!sameBytes(name!, nameStart, nameEnd, bytes, ns, ne)) return false;
        } else if (leadName === null) {
          leadName = bytes;
          leadStart = ns;
          leadEnd = ne;
        } else if (!sameBytes(leadName, leadStart, leadEnd, bytes, ns, ne)) return false;
        this.kind[n] = ITEM;
        this.bits[n] = filledBits(bytes, b, base, fold.picked, ascii);
        continue;
      }
      const row = out.length + heads;
      for (const f of fold.empty) if (b[base + 2 * f + 1]! > b[base + 2 * f]!) return false;
      if (!canonicalOrderFields(bytes, this.layout, b, base, arrays, row, ascii)) return false;
      const code = this.currencyOf(bytes, b, base, row);
      if (code !== null && fold.keep !== null && code !== fold.keep) return false;
      this.headCode = code;
      if (noting && !this.noteExamples(bytes, base, pending, this.composed)) return false;
      out.headBits[row] = filledBits(bytes, b, base, fold.picked, ascii);
      out.itemBits[row] = 0;
      this.kind[n] = heads++;
      name = bytes;
      nameStart = ns;
      nameEnd = ne;
      headSeen = true;
    }
    // The batch is kept: its rows, items and examples go to the message.
    this.keepExamples(pending);
    this.counts.comma += counts.comma;
    this.counts.point += counts.point;
    const b = this.bounds;
    // The heads' customers, looked up together (KeyView.findMany) rather than one by one.
    if (this.headBases.length < heads) this.headBases = new Int32Array(heads * 2);
    for (let k = 0, h = 0; k < n; k++) if (this.kind[k]! >= 0) this.headBases[h++] = k * width2;
    const customers = this.customersAt(bytes, this.headBases, heads);
    let head = 0;
    let lastHead = -1;
    for (let k = 0; k < n; k++) {
      const kind = this.kind[k]!;
      const base = k * width2;
      if (kind === EMPTY) continue;
      if (kind === ITEM) {
        this.counts.items++;
        if (this.lastRow >= 0) out.itemBits[this.lastRow] = out.itemBits[this.lastRow]! | this.bits[k]!;
        else {
          if (this.lead.count === 0) this.lead.name = new Uint8Array(bytes.subarray(b[base + 2 * fold.name]!, b[base + 2 * fold.name + 1]!));
          this.lead.count++;
          this.lead.bits |= this.bits[k]!;
        }
        continue;
      }
      this.lastRow = out.length;
      out.line[out.length] = this.counts.lines + k;
      this.row(bytes, base, customers === null ? undefined : customers[head++]);
      lastHead = base;
    }
    // Only the batch's last head is named again (by the next batch's line items): its id is
    // kept once here, where copying each head's cost ~60 ns a head.
    if (lastHead >= 0) {
      const ns = b[lastHead + 2 * fold.name]!;
      const ne = b[lastHead + 2 * fold.name + 1]!;
      if (ne - ns > this.lastName.length) this.lastName = Buffer.alloc((ne - ns) * 2);
      bytes.copy(this.lastName, 0, ns, ne);
      this.lastLength = ne - ns;
    }
    this.counts.lines += n;
    return true;
  }

  /** The head's currency into out.currency[row] (its cell's index, −1 for none); its code. */
  private currencyOf(bytes: Buffer, b: Int32Array, base: number, row: number): string | null {
    const f = this.fold.currency;
    if (f < 0 || b[base + 2 * f + 1]! === b[base + 2 * f]!) {
      this.out.currency[row] = -1;
      return null;
    }
    const c = this.currencyCells.add(bytes, b[base + 2 * f]!, b[base + 2 * f + 1]!);
    if (this.currencyCells.isNew) {
      const cell = this.currencyCells.text(c).trim();
      this.codes[c] = cell === '' ? null : currencyCode(cell);
    }
    this.out.currency[row] = this.codes[c] === null ? -1 : c;
    return this.codes[c]!;
  }
}

const ITEM = -1;
const EMPTY = -2;

function countGuess(counts: { comma: number; point: number }, bytes: Uint8Array, b: Int32Array, base: number, f: number): void {
  const verdict = pointOrComma(bytes, b[base + 2 * f]!, b[base + 2 * f + 1]!);
  if (verdict === COMMA) counts.comma++;
  else if (verdict === POINT) counts.point++;
}

function sameBytes(a: Uint8Array, as: number, ae: number, b: Uint8Array, bs: number, be: number): boolean {
  if (ae - as !== be - bs) return false;
  for (let i = 0; i < ae - as; i++) if (a[as + i] !== b[bs + i]) return false;
  return true;
}
