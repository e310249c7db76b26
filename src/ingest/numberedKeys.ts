/**
 * Direct places for ids made of one prefix and a number, as most exports number customers
 * ("C1411182", "1001", "CUST-000042"): the number indexes an array, so ByteKeys finds such a
 * key without hashing it or touching its hash table (a cache miss or two per row at millions
 * of customers).
 *
 * The form is learned from the first key ever added: a prefix of at most 8 bytes and then
 * 1–15 digits; keys with that prefix and exactly that many digits (zero-padded or not) are
 * placed by their number, so a number names exactly one key. Others are hashed. Numbers are placed within 2^28 of the first one, in pages made on first use, at
 * most MAX_PAGES of them; a key whose page cannot be made takes the hash path. Pages are
 * never made after the budget is spent, so a key always takes the path it took first.
 */
export class NumberedKeys {
  private learned = false;
  private prefix: Uint8Array | null = null;
  /** Digits a key must have. */
  private width = 0;
  private base = -1;
  private readonly pages: (Int32Array | undefined)[] = [];
  private made = 0;

  /**
   * The key's cell (an offset for get/set), or −1 when it takes the hash path. `add` learns
   * the form from the first key and makes missing pages; a lookup only reads.
   */
  cell(bytes: Uint8Array, start: number, end: number, add: boolean): number {
    if (!this.learned) {
      if (!add) return -1;
      this.learn(bytes, start, end);
    }
    if (this.prefix === null) return -1;
    const n = numberIn({ prefix: this.prefix, width: this.width }, bytes, start, end);
    return n < 0 ? -1 : this.place(n, add);
  }

  /** `cell` of the key of this form whose number is n (once the form is learned). */
  place(n: number, add: boolean): number {
    if (this.base < 0) {
      if (!add) return -1;
      this.base = Math.max(0, n - WINDOW / 2);
    }
    const offset = n - this.base;
    if (offset < 0 || offset >= WINDOW) return -1;
    if (this.pages[offset >>> PAGE_SHIFT] === undefined) {
      if (!add || this.made >= MAX_PAGES) return -1;
      this.pages[offset >>> PAGE_SHIFT] = new Int32Array(PAGE).fill(-1);
      this.made++;
    }
    return offset;
  }

  /** The form keys placed by number have, once learned (null: none yet, or the first key had none). */
  get form(): NumberForm | null {
    return this.prefix === null ? null : { prefix: this.prefix, width: this.width };
  }

  /** The number a cell stands for (cells are offsets from the first number's window). */
  numberOf(cell: number): number {
    return this.base + cell;
  }

  /** The cell of a number, for a number numberOf gave. */
  cellOf(n: number): number {
    return n - this.base;
  }

  /** The key number in a cell, −1 for none yet. */
  get(cell: number): number {
    return this.pages[cell >>> PAGE_SHIFT]![cell & (PAGE - 1)]!;
  }

  set(cell: number, key: number): void {
    this.pages[cell >>> PAGE_SHIFT]![cell & (PAGE - 1)] = key;
  }

  private learn(bytes: Uint8Array, start: number, end: number): void {
    this.learned = true;
    let d = end;
    while (d > start && bytes[d - 1] >= 48 && bytes[d - 1] <= 57) d--;
    const digits = end - d;
    if (digits < 1 || digits > 15 || d - start > 8) return;
    this.prefix = Uint8Array.from(bytes.subarray(start, d));
    this.width = digits;
  }
}

const WINDOW = 1 << 28;
const PAGE_SHIFT = 14;
const PAGE = 1 << PAGE_SHIFT;
/** 256 pages of 16,384 ids: 16 MB at most, 4 million consecutive ids. */
const MAX_PAGES = 256;

/** Keys placed by number: this prefix, then exactly `width` digits. */
export interface NumberForm {
  prefix: Uint8Array;
  width: number;
}

/** The number of a key of `form`, or −1 when the key does not have the form. */
export function numberIn(form: NumberForm, bytes: Uint8Array, start: number, end: number): number {
  const prefix = form.prefix;
  const p = prefix.length;
  if (end - start - p !== form.width) return -1;
  for (let i = 0; i < p; i++) if (bytes[start + i] !== prefix[i]) return -1;
  let n = 0;
  for (let i = start + p; i < end; i++) {
    const d = bytes[i]! - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** Writes the key of number n in `form` into `out` (big enough); returns its length. */
export function writeNumbered(form: NumberForm, n: number, out: Uint8Array): number {
  const prefix = form.prefix;
  for (let i = 0; i < prefix.length; i++) out[i] = prefix[i]!;
  const end = prefix.length + form.width;
  // Below 2^31 in int32 arithmetic (about three times faster); above, exact in doubles.
  if (n < 2147483648) {
    let m = n | 0;
    for (let i = end - 1; i >= prefix.length; i--) {
      const q = (m / 10) | 0;
      out[i] = 48 + m - 10 * q;
      m = q;
    }
    return end;
  }
  for (let i = end - 1; i >= prefix.length; i--) {
    const q = Math.floor(n / 10);
    out[i] = 48 + n - 10 * q;
    n = q;
  }
  return end;
}
