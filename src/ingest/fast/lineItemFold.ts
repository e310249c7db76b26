import { writeNumbered, type NumberForm } from '../../model/numberedKeys.js';
import { OrderIds } from '../../model/orderIds.js';
import { WHITE } from './plainFile.js';

/**
 * Where the fold of a line-item export stands as its lines come in file order: what
 * LineItemGroups would decide, kept for the byte readers (plainLineItems.ts on this thread,
 * and the join of worker threads' rows, orderRangeApply.ts), which share one.
 *
 * A head line (a non-blank amount) opens a group; a line item may join only the open group and
 * only when the values it could give (its non-blank picked cells, as bits) are all held by the
 * group it joins in LineItemGroups: the open one, or for an order id named by an earlier group
 * the first group of that id, of which only "no such group had that column blank" is known.
 */
export class LineItemFold {
  /** Every order id a head named (LineItemGroups' groups by id). */
  private readonly groups = new OrderIds();
  private open = false;
  private name = Buffer.alloc(64);
  private nameLength = 0;
  /** The open group's id as a number of `form` when opened by headNumbered: `name` is written only if a join needs it. */
  private number = -1;
  private form: NumberForm | null = null;
  /** The last form headNumbered was given, and whether `groups` learned the same one. */
  private askedForm: NumberForm | null = null;
  private sameForm = false;
  /** The open group's id was named by an earlier group, which its line items join. */
  private repeated = false;
  /** Bit p: picked column p of the open group's head is not blank. */
  private filled = 0;
  /** Bit p: some first group of its id had picked column p blank. */
  private everBlank = 0;
  /** Line items joined; the decimal-separator guess (DecimalGuess); whether a refund needed it. */
  items = 0;
  comma = 0;
  point = 0;
  refunds = false;

  /** A head line whose order id is bytes [start, end) opens a group. */
  head(bytes: Uint8Array, start: number, end: number, filled: number, refund: boolean): void {
    this.groups.add(bytes, start, end);
    this.repeated = !this.groups.isNew;
    const length = end - start;
    if (length > this.name.length) this.name = Buffer.alloc(length * 2);
    // A loop: a subarray to copy from was an object made per head (10M heads on the main thread).
    const name = this.name;
    for (let i = 0; i < length; i++) name[i] = bytes[start + i]!;
    this.nameLength = length;
    this.number = -1;
    this.opened(filled, refund);
  }

  /**
   * `head` of the id of `form` (OrderIds.numberForm) whose number is n, which a worker sends as
   * a number: the same group as its text would open, placed by its number when `groups` learned
   * the same form (as it does from the same first id), without writing and parsing its text.
   */
  headNumbered(form: NumberForm, n: number, filled: number, refund: boolean): void {
    // Checked again while false: `groups` learns its form from its first id, which may come after.
    if (form !== this.askedForm || !this.sameForm) {
      this.askedForm = form;
      this.sameForm = sameNumberForm(form, this.groups.numberForm);
    }
    if (!this.sameForm) {
      this.roomForNumber(form);
      this.head(this.name, 0, writeNumbered(form, n, this.name), filled, refund);
      return;
    }
    this.groups.addNumbered(n);
    this.repeated = !this.groups.isNew;
    this.number = n;
    this.form = form;
    this.opened(filled, refund);
  }

  /** Room in `name` for an id of `form` (at most 15 digits). */
  private roomForNumber(form: NumberForm): void {
    if (this.name.length < form.prefix.length + 16) this.name = Buffer.alloc(2 * (form.prefix.length + 16));
  }

  private opened(filled: number, refund: boolean): void {
    this.open = true;
    this.filled = filled;
    if (!this.repeated) this.everBlank |= ~filled;
    if (refund) this.refunds = true;
  }

  /**
   * Whether line items with order id bytes [start, end) and non-blank picked cells `bits` join
   * the open group, changing nothing (the caller counts them in `items`).
   */
  joins(bytes: Uint8Array, start: number, end: number, bits: number): boolean {
    if (this.number >= 0) {
      this.roomForNumber(this.form!);
      this.nameLength = writeNumbered(this.form!, this.number, this.name);
      this.number = -1;
    }
    if (!this.open || end - start !== this.nameLength || this.name.compare(bytes, start, end, 0, this.nameLength) !== 0) return false;
    return this.holds(bits);
  }

  /** Whether line items of the open group whose non-blank picked cells are `bits` change nothing. */
  holds(bits: number): boolean {
    const held = this.repeated ? ~this.everBlank : this.filled;
    return this.open && (bits & ~held) === 0;
  }

  /** DecimalGuess.add of a cell's bytes: the digits after the last separator of its digits and separators. */
  guess(bytes: Uint8Array, start: number, end: number): void {
    const point = pointOrComma(bytes, start, end);
    if (point === COMMA) this.comma++;
    else if (point === POINT) this.point++;
  }

  /** False when a refund was netted with a point while the file's amounts turn out to use a comma. */
  get separatorHeld(): boolean {
    return !(this.refunds && this.comma > this.point);
  }
}

function sameNumberForm(a: NumberForm, b: NumberForm | null): boolean {
  return b !== null && a.width === b.width && Buffer.compare(a.prefix, b.prefix) === 0;
}

export const COMMA = 1;
export const POINT = 2;

/** DecimalGuess's verdict on one cell: COMMA, POINT or 0 (the regexes look at its digits and separators only). */
export function pointOrComma(bytes: Uint8Array, start: number, end: number): number {
  let digits = 0;
  let i = end - 1;
  for (; i >= start; i--) {
    const c = bytes[i]!;
    if (c >= 48 && c <= 57) digits++;
    else if (c === 44 || c === 46) break;
  }
  if (i < start || digits < 1 || digits > 2) return 0;
  return bytes[i] === 44 ? COMMA : POINT;
}

/** Whether trim() leaves nothing of the cell (`ascii`: the batch is ASCII, no byte needs decoding). */
export function blankCell(bytes: Uint8Array, start: number, end: number, ascii = false): boolean {
  if (end === start) return true;
  const first = bytes[start]!;
  if (first > 0x20 && first < 0x7f) return false;
  if (ascii) {
    for (let i = start; i < end; i++) if (WHITE[bytes[i]!] !== 1) return false;
    return true;
  }
  return Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString('utf8').trim() === '';
}

/** Bit p for each picked field p (field positions, −1 absent) whose cell is not blank. */
export function filledBits(bytes: Uint8Array, b: Int32Array, base: number, picked: readonly number[], ascii: boolean): number {
  let bits = 0;
  for (let p = 0; p < picked.length; p++) {
    const f = picked[p]!;
    if (f >= 0 && !blankCell(bytes, b[base + 2 * f]!, b[base + 2 * f + 1]!, ascii)) bits |= 1 << p;
  }
  return bits;
}
