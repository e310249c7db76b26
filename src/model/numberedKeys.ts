/**
 * Direct places for ids made of one prefix and a number, as most exports number customers
 * ("C1411182", "1001", "CUST-000042"): the number indexes an array, so ByteKeys finds such a
 * key without hashing it or touching its hash table (a cache miss or two per row at millions
 * of customers).
 *
 * The form is learned from the first key ever added (learnForm): a prefix of at most 8 bytes
 * and then 1–15 digits, its width; keys with that prefix and that many digits, or more digits
 * without a leading zero, are placed by their number (NumberForm); others are hashed.
 *
 * Places are one flat array over a span of pages of the number line (within 2^28 of the first
 * number), widened when a key needs a page outside it, up to MAX_PAGES pages: one array, not a
 * page each, because a lookup through a list of pages cost twice as much at millions of rows.
 * A key whose page would widen the span past MAX_PAGES takes the hash path. The span only ever
 * grows, so such a page stays out of it for good, and a key always takes the path it took first.
 */
export class NumberedKeys {
  private learned = false;
  private prefix: Uint8Array | null = null;
  /** Digits a key must have. */
  private width = 0;
  private base = -1;
  /** Places of cells loCell ≤ cell < hiCell (whole pages), −1 = no key yet. */
  private places = new Int32Array(0);
  private loCell = 0;
  private hiCell = 0;

  /**
   * The key's cell (an offset for get/set), or −1 when it takes the hash path. `add` learns
   * the form from the first key and widens the span; a lookup only reads.
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
    const offset = n - this.base;
    if (offset >= this.loCell && offset < this.hiCell) return offset;
    if (!add) return -1;
    if (this.base < 0) this.base = Math.max(0, n - WINDOW / 2);
    const cell = n - this.base;
    if (cell < 0 || cell >= WINDOW) return -1;
    return this.widen(cell >>> PAGE_SHIFT) ? cell : -1;
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
    return this.places[cell - this.loCell]!;
  }

  set(cell: number, key: number): void {
    this.places[cell - this.loCell] = key;
  }

  /**
   * Widens the span to hold `page`, doubling it towards the page so that ids met in rising
   * order copy the array a few times, not once a page; false when that would pass MAX_PAGES.
   */
  private widen(page: number): boolean {
    let lo = this.loCell >>> PAGE_SHIFT;
    let hi = this.hiCell >>> PAGE_SHIFT;
    const span = hi - lo;
    if (span === 0) {
      lo = page;
      hi = page + 1;
    } else if (page >= hi) {
      if (page + 1 - lo > MAX_PAGES) return false;
      hi = Math.min(Math.max(page + 1, hi + span), lo + MAX_PAGES, WINDOW >>> PAGE_SHIFT);
    } else {
      if (hi - page > MAX_PAGES) return false;
      lo = Math.max(Math.min(page, lo - span), hi - MAX_PAGES, 0);
    }
    const places = new Int32Array((hi - lo) << PAGE_SHIFT).fill(-1);
    if (span > 0) places.set(this.places, this.loCell - (lo << PAGE_SHIFT));
    this.places = places;
    this.loCell = lo << PAGE_SHIFT;
    this.hiCell = hi << PAGE_SHIFT;
    return true;
  }

  private learn(bytes: Uint8Array, start: number, end: number): void {
    this.learned = true;
    const form = learnForm(bytes, start, end);
    if (form === null) return;
    this.prefix = form.prefix;
    this.width = form.width;
  }
}

/**
 * The form of a first key: a prefix of at most 8 bytes, then 1–15 digits (their count is the
 * width). null when the key is not a prefix and a number.
 */
export function learnForm(bytes: Uint8Array, start: number, end: number): NumberForm | null {
  let d = end;
  while (d > start && bytes[d - 1] >= 48 && bytes[d - 1] <= 57) d--;
  const digits = end - d;
  if (digits < 1 || digits > 15 || d - start > 8) return null;
  return { prefix: Uint8Array.from(bytes.subarray(start, d)), width: digits };
}

const WINDOW = 1 << 28;
const PAGE_SHIFT = 14;
/** 256 pages of 16,384 ids: 16 MB at most, 4 million consecutive ids. */
const MAX_PAGES = 256;

/**
 * Keys placed by number: this prefix, then either exactly `width` digits (zero-padded:
 * "C0159666" and "C1411182" at width 7) or more digits without a leading zero ("#10000" after
 * "#1001"). A number then names exactly one key: one below 10^width is written padded to the
 * width, any other as it is. A key with fewer digits ("#999") is hashed.
 */
export interface NumberForm {
  prefix: Uint8Array;
  width: number;
}

/** The number of a key of `form`, or −1 when the key does not have the form. */
export function numberIn(form: NumberForm, bytes: Uint8Array, start: number, end: number): number {
  const prefix = form.prefix;
  const p = prefix.length;
  const digits = end - start - p;
  if (digits !== form.width && (digits < form.width || digits > 15 || bytes[start + p] === 48)) return -1;
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
  const end = prefix.length + Math.max(form.width, digitCount(n));
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

/** Decimal digits of n ≥ 0 (1 for 0). */
function digitCount(n: number): number {
  let d = 1;
  while (n >= 10) {
    n = Math.floor(n / 10);
    d++;
  }
  return d;
}
