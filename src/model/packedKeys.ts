import { READ_AHEAD } from './byteKeys.js';

/**
 * The form of ids that are a fixed prefix and then a fixed number of characters from
 * [0-9A-Za-z_-]: Stripe's `ch_` + 24, `pi_…`, UUIDs. Learned from a file's first id (learnPackedForm).
 */
export interface PackedForm {
  prefix: Uint8Array;
  /** Characters after the prefix. */
  length: number;
}

/**
 * A set of ids of one PackedForm, numbering each distinct one 0, 1, 2… in order of first
 * appearance, as ByteKeys does. Each character is one of 64 and takes 6 bits, and every id
 * takes the same bytes, so id k is bytes k·width … of a page, with no length, number or ref
 * stored: ten million Stripe charge ids take 18 bytes each, where ByteKeys' entries took 32
 * and its refs 4. The hash table holds one 32-bit word a slot: the id's number + 1 in the low
 * 24 bits and 8 bits of its hash above, so a probe reads the entry only when those match.
 *
 * At most MAX_IDS ids: `add` returns −1 after that, and the caller numbers the id elsewhere.
 */
export class PackedKeys {
  readonly width: number;
  private readonly pages: Uint8Array[] = [];
  private slots = new Int32Array(1024);
  private count = 0;
  /** The packed bytes of the id last given to pack(). */
  private readonly packed: Uint8Array;
  private readonly prefixText: string;
  /** Whether the last `add` saw its id for the first time. */
  isNew = false;
  /** addMany's packed ids and hashes for a block, and a sum of the slots it read to have them cached. */
  private readonly block: Uint8Array;
  private readonly blockHashes = new Int32Array(READ_AHEAD);
  private touched = 0;
  /** Set by pack: a character was outside the alphabet. */
  private bad = false;

  /** `maxIds` below MAX_IDS: for tests of what happens when the table is full. */
  constructor(
    readonly form: PackedForm,
    private readonly maxIds = MAX_IDS,
  ) {
    this.width = Math.ceil((form.length * 6) / 8);
    this.packed = new Uint8Array(this.width);
    this.block = new Uint8Array(READ_AHEAD * this.width);
    this.prefixText = Buffer.from(form.prefix).toString('latin1');
  }

  get size(): number {
    return this.count;
  }

  /** Whether bytes[start, end) is of this form. */
  holds(bytes: Uint8Array, start: number, end: number): boolean {
    if (!this.holdsPrefix(bytes, start, end)) return false;
    for (let i = start + this.form.prefix.length; i < end; i++) if (SIX_BITS[bytes[i]!]! < 0) return false;
    return true;
  }

  /** Whether bytes[start, end) has this form's prefix and length (holds but for the characters). */
  private holdsPrefix(bytes: Uint8Array, start: number, end: number): boolean {
    const prefix = this.form.prefix;
    if (end - start !== prefix.length + this.form.length) return false;
    for (let i = 0; i < prefix.length; i++) if (bytes[start + i] !== prefix[i]) return false;
    return true;
  }

  /** The id's number (isNew says whether it is new), or −1 when the table is full; the id must be of the form. */
  add(bytes: Uint8Array, start: number, end: number): number {
    const h = this.pack(start + this.form.prefix.length, end, bytes, this.packed, 0);
    return this.insert(h, this.packed, 0);
  }

  /** `add` of the id packed at packed[at …], whose hash is h. */
  private insert(h: number, packed: Uint8Array, at: number): number {
    const slotAt = this.probe(h, packed, at);
    const slot = this.slots[slotAt]!;
    if (slot !== 0) {
      this.isNew = false;
      return (slot & KEY_MASK) - 1;
    }
    if (this.count === this.maxIds) return -1;
    const k = this.count++;
    if (k >>> PAGE_SHIFT === this.pages.length) this.pages.push(new Uint8Array(PAGE_IDS * this.width));
    const page = this.pages[k >>> PAGE_SHIFT]!;
    const to = (k & (PAGE_IDS - 1)) * this.width;
    for (let i = 0; i < this.width; i++) page[to + i] = packed[at + i]!;
    this.slots[slotAt] = tagOf(h) | (k + 1);
    if (this.count * 4 > this.slots.length * 3) this.rehash(this.slots.length * 2);
    this.isNew = true;
    return k;
  }

  /**
   * `add` of ids k = 0 … n − 1 of `keys`, in order, up to the first that is not of the form or
   * might not fit (MAX_IDS): out[k] its number, fresh[k] 1 when it was new. Returns how many it
   * added; the caller adds the rest one by one. In blocks of READ_AHEAD whose ids are packed
   * and whose first slots are read before any is added, so that their cache misses overlap:
   * ten million new Stripe ids each miss the slot table once.
   */
  addMany(keys: { bytes: Uint8Array; ends: Int32Array }, n: number, out: Int32Array, fresh: Uint8Array): number {
    const { bytes, ends } = keys;
    const { width, block, blockHashes: hashes } = this;
    const fits = Math.min(n, this.maxIds - this.count);
    for (let from = 0; from < fits; from += READ_AHEAD) {
      let to = Math.min(fits, from + READ_AHEAD);
      for (let k = from; k < to; k++) {
        const start = k === 0 ? 0 : ends[k - 1]!;
        if (!this.holdsPrefix(bytes, start, ends[k]!)) {
          to = k;
          break;
        }
        hashes[k - from] = this.pack(start + this.form.prefix.length, ends[k]!, bytes, block, (k - from) * width);
        // A character outside the alphabet (pack's `bad`): not of the form after all.
        if (this.bad) {
          to = k;
          break;
        }
      }
      let touched = 0;
      const mask = this.slots.length - 1;
      for (let j = 0; j < to - from; j++) touched += this.slots[(hashes[j]! >>> 4) & mask]!;
      this.touched = touched;
      for (let k = from; k < to; k++) {
        out[k] = this.insert(hashes[k - from]!, block, (k - from) * width);
        fresh[k] = this.isNew ? 1 : 0;
      }
      if (to < Math.min(fits, from + READ_AHEAD)) return to;
    }
    return fits;
  }

  /**
   * `find` of ids k = 0 … n − 1 of `keys` into out[k]: the id's number, −1 when never added, or
   * −2 when the id is not of the form. In blocks of READ_AHEAD, packed and their first slots read
   * before any is probed, as addMany does: one by one, each waited on its cache misses.
   */
  findMany(keys: { bytes: Uint8Array; ends: Int32Array }, n: number, out: Int32Array): void {
    const { bytes, ends } = keys;
    const { width, block, blockHashes: hashes } = this;
    for (let from = 0; from < n; from += READ_AHEAD) {
      const to = Math.min(n, from + READ_AHEAD);
      for (let k = from; k < to; k++) {
        const start = k === 0 ? 0 : ends[k - 1]!;
        out[k] = -1;
        if (!this.holdsPrefix(bytes, start, ends[k]!)) out[k] = -2;
        else {
          hashes[k - from] = this.pack(start + this.form.prefix.length, ends[k]!, bytes, block, (k - from) * width);
          if (this.bad) out[k] = -2;
        }
      }
      let touched = 0;
      const mask = this.slots.length - 1;
      for (let k = from; k < to; k++) if (out[k] === -1) touched += this.slots[(hashes[k - from]! >>> 4) & mask]!;
      // And the entries those slots name, which a found id is compared with: another miss
      // each, overlapped here rather than taken one after another (392,520 ticket order ids
      // in 10M Stripe ids: 222 -> 192 ms).
      for (let k = from; k < to; k++) {
        if (out[k] !== -1) continue;
        const slot = this.slots[(hashes[k - from]! >>> 4) & mask]!;
        if (slot !== 0) touched += this.pageOf(slot)[this.entryAt(slot)]!;
      }
      this.touched = touched;
      for (let k = from; k < to; k++) {
        if (out[k] === -2) continue;
        const slot = this.slots[this.probe(hashes[k - from]!, block, (k - from) * width)]!;
        out[k] = slot === 0 ? -1 : (slot & KEY_MASK) - 1;
      }
    }
  }

  /** The id's number, or −1 when it was never added; the id must be of the form. */
  find(bytes: Uint8Array, start: number, end: number): number {
    const h = this.pack(start + this.form.prefix.length, end, bytes, this.packed, 0);
    const slot = this.slots[this.probe(h, this.packed, 0)]!;
    return slot === 0 ? -1 : (slot & KEY_MASK) - 1;
  }

  text(k: number): string {
    const page = this.pages[k >>> PAGE_SHIFT]!;
    const at = (k & (PAGE_IDS - 1)) * this.width;
    let text = this.prefixText;
    for (let c = 0; c < this.form.length; c++) text += ALPHABET[sixBitsAt(page, at, c)];
    return text;
  }

  /** Room for `ids` ids in all without rehashing (OrderIds.reserve). */
  reserve(ids: number): void {
    let length = this.slots.length;
    while (Math.min(ids, this.maxIds) * 4 > length * 3) length *= 2;
    if (length > this.slots.length) this.rehash(length);
  }

  /**
   * Packs the characters bytes[from, end) into out[at …]; returns their hash. Sets `bad` when
   * one of them is outside the alphabet (its −1 ORed in makes `all` negative).
   */
  private pack(from: number, end: number, bytes: Uint8Array, out: Uint8Array, at: number): number {
    let bits = 0;
    let held = 0;
    let o = at;
    let all = 0;
    let i = from;
    // Four characters are 24 bits, three whole bytes: written at once, the same bits the loop
    // below writes one character at a time (which then goes on from a byte boundary).
    for (; i + 4 <= end; i += 4) {
      const a = SIX_BITS[bytes[i]!]!;
      const b = SIX_BITS[bytes[i + 1]!]!;
      const c = SIX_BITS[bytes[i + 2]!]!;
      const d = SIX_BITS[bytes[i + 3]!]!;
      all |= a | b | c | d;
      const word = ((a & 63) << 18) | ((b & 63) << 12) | ((c & 63) << 6) | (d & 63);
      out[o] = word >>> 16;
      out[o + 1] = (word >>> 8) & 255;
      out[o + 2] = word & 255;
      o += 3;
    }
    for (; i < end; i++) {
      const six = SIX_BITS[bytes[i]!]!;
      all |= six;
      bits = (bits << 6) | (six & 63);
      held += 6;
      if (held >= 8) {
        held -= 8;
        out[o++] = (bits >>> held) & 255;
      }
    }
    if (held > 0) out[o] = (bits << (8 - held)) & 255;
    this.bad = all < 0;
    return hashPacked(out, at, this.width);
  }

  /** The slot holding the id packed at packed[at …], or the empty slot where it belongs. */
  private probe(h: number, packed: Uint8Array, at: number): number {
    const slots = this.slots;
    const mask = slots.length - 1;
    const tag = tagOf(h);
    for (let slotAt = (h >>> 4) & mask; ; slotAt = (slotAt + 1) & mask) {
      const slot = slots[slotAt]!;
      if (slot === 0) return slotAt;
      if ((slot & TAG_MASK) === tag && this.entryIs((slot & KEY_MASK) - 1, packed, at)) return slotAt;
    }
  }

  private entryIs(k: number, packed: Uint8Array, at: number): boolean {
    const page = this.pages[k >>> PAGE_SHIFT]!;
    const from = (k & (PAGE_IDS - 1)) * this.width;
    for (let i = 0; i < this.width; i++) if (page[from + i] !== packed[at + i]) return false;
    return true;
  }

  private rehash(length: number): void {
    const old = this.slots;
    const slots = new Int32Array(length);
    const mask = length - 1;
    for (let j = 0; j < old.length; j++) {
      const slot = old[j]!;
      if (slot === 0) continue;
      let at = (hashPacked(this.pageOf(slot), this.entryAt(slot), this.width) >>> 4) & mask;
      while (slots[at] !== 0) at = (at + 1) & mask;
      slots[at] = slot;
    }
    this.slots = slots;
  }

  private pageOf(slot: number): Uint8Array {
    return this.pages[((slot & KEY_MASK) - 1) >>> PAGE_SHIFT]!;
  }

  private entryAt(slot: number): number {
    return (((slot & KEY_MASK) - 1) & (PAGE_IDS - 1)) * this.width;
  }
}

/**
 * The form of `bytes[start, end)` when it is worth packing, else null: a prefix of at most 8
 * bytes up to an underscore (`ch_`), or none, and then 8–64 characters of [0-9A-Za-z_-] with
 * at least one letter (an id of digits alone is NumberForm's).
 */
export function learnPackedForm(bytes: Uint8Array, start: number, end: number): PackedForm | null {
  let prefix = 0;
  for (let i = start; i < Math.min(end, start + 8); i++) if (bytes[i] === UNDERSCORE) prefix = i - start + 1;
  const length = end - start - prefix;
  if (length < 8 || length > 64) return null;
  let letter = false;
  for (let i = start + prefix; i < end; i++) {
    const six = SIX_BITS[bytes[i]!]!;
    if (six < 0) return null;
    letter ||= six >= 10;
  }
  return letter ? { prefix: bytes.slice(start, start + prefix), length } : null;
}

/**
 * A hash of the packed id at bytes[at, at + width), four bytes a round (hashBytes' byte a round
 * took ~55 ns an 18-byte id): murmur3's mixing of each word, finished as hashBytes is.
 */
function hashPacked(bytes: Uint8Array, at: number, width: number): number {
  let h = width;
  let i = at;
  const end = at + width;
  for (; i + 3 < end; i += 4) {
    let w = bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24);
    w = Math.imul(w, 0xcc9e2d51);
    w = Math.imul((w << 15) | (w >>> 17), 0x1b873593);
    h ^= w;
    h = (Math.imul((h << 13) | (h >>> 19), 5) + 0xe6546b64) | 0;
  }
  for (; i < end; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
  return h ^ (h >>> 12);
}

/**
 * 8 bits of the hash for a slot's tag: the top bits of its product with an odd constant, which
 * depend on all of its bits. The hash's own top bits are the slot's index in a table of 2^24
 * slots, alike for the neighbours a probe passes.
 */
function tagOf(h: number): number {
  return Math.imul(h, 0x9e3779b1) & TAG_MASK;
}

/** Character c's 6 bits from the packed id at `at` of `page`. */
function sixBitsAt(page: Uint8Array, at: number, c: number): number {
  const bit = c * 6;
  const byte = at + (bit >>> 3);
  const two = (page[byte]! << 8) | (bit % 8 > 2 ? page[byte + 1]! : 0);
  return (two >>> (10 - (bit % 8))) & 63;
}

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_-';
/** Per byte, its index in ALPHABET, or −1. */
const SIX_BITS = Int8Array.from({ length: 256 }, (_, b) => ALPHABET.indexOf(String.fromCharCode(b)));
const UNDERSCORE = 0x5f;
const KEY_MASK = 0xffffff;
const TAG_MASK = 0xff000000 | 0;
/** Numbers + 1 fit the slot's 24 bits. */
export const MAX_IDS = KEY_MASK - 1;
const PAGE_SHIFT = 16;
const PAGE_IDS = 1 << PAGE_SHIFT;
