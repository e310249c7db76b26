import { NumberedKeys, writeNumbered, type NumberForm } from './numberedKeys.js';

/** While a table has at most this many keys, `add` compares a key with each directly. */
const FEW = 16;

/**
 * A set of byte strings (ids as UTF-8 bytes) giving each distinct one a dense number 0, 1, 2…
 * in order of first appearance. Keys live back to back in one growing byte arena and the hash
 * table is a typed array, so ten million order ids cost ~15 bytes each plus the bytes
 * themselves, where a Set<string> costs ~80 (a string object and a hash-table entry apiece).
 * Strings are made only when asked for (`text`), e.g. for the few ids a report names.
 *
 * Equal strings have equal UTF-8 bytes and vice versa, so numbering bytes is numbering strings.
 */
export class ByteKeys {
  private arena = Buffer.allocUnsafe(1 << 16);
  private used = 0;
  /** starts[k] .. starts[k + 1] are key k's bytes (a Buffer, and so the arena, stays under 4 GB). */
  private starts = new Uint32Array(1024);
  /**
   * Open addressing, two ints a slot: key number (−1 = empty) and tag, the hash with its low 4
   * bits replaced by the key's length when under 15 bytes. A slot costs 8 bytes and the table
   * is filled to 70% before it doubles: at ten million text ids (Stripe's "ch_…") it is 128 MB,
   * where four ints a slot at 50% took 512 MB. Keys are compared in the arena only when the
   * tag matches: on a hit, or once in 2^28 misses.
   */
  private slots = new Int32Array(2 << 10).fill(-1);
  private count = 0;
  /** Ids like "C1411182" skip the hash table (see NumberedKeys). */
  private readonly numbered = new NumberedKeys();
  private probeTag = 0;
  private readonly scratch = new Uint8Array(32);
  private readonly textBytes = new TextBytes();

  /** Whether the last `add` saw its key for the first time. */
  isNew = false;

  get size(): number {
    return this.count;
  }

  /** The form of the keys this table places by number (see NumberedKeys), if any. */
  get numberForm(): NumberForm | null {
    return this.numbered.form;
  }

  /** The key's number; `isNew` says whether it was added just now. */
  add(bytes: Uint8Array, start: number, end: number): number {
    // A table of a few keys (statuses, channels, scores): compared directly, cheaper than hashing.
    if (this.count <= FEW) {
      const k = this.findFew(bytes, start, end);
      if (k >= 0) {
        this.isNew = false;
        return k;
      }
    }
    const cell = this.numbered.cell(bytes, start, end, true);
    if (cell >= 0) {
      let k = this.numbered.get(cell);
      this.isNew = k < 0;
      if (k < 0) {
        k = this.count++;
        this.store(bytes, start, end);
        this.numbered.set(cell, k);
      }
      return k;
    }
    const at = this.probe(bytes, start, end);
    const slots = this.slots;
    if (slots[at] >= 0) {
      this.isNew = false;
      return slots[at];
    }
    const k = this.count++;
    this.store(bytes, start, end);
    slots[at] = k;
    slots[at + 1] = this.probeTag;
    if (this.count * 10 > (slots.length >> 1) * 7) this.rehash();
    this.isNew = true;
    return k;
  }

  /**
   * `add` of the key of `numberForm` whose number is n, without its text: workers send such
   * ids as numbers, and writing each back as bytes only to read the number again cost more
   * than the lookup.
   */
  addNumbered(n: number): number {
    const form = this.numbered.form!;
    const cell = this.numbered.place(n, true);
    if (cell < 0) return this.add(this.scratch, 0, writeNumbered(form, n, this.scratch));
    let k = this.numbered.get(cell);
    this.isNew = k < 0;
    if (k < 0) {
      k = this.count++;
      this.store(this.scratch, 0, writeNumbered(form, n, this.scratch));
      this.numbered.set(cell, k);
    }
    return k;
  }

  /** The number of the key of `numberForm` whose number is n, or −1 when not placed by number yet (nothing is added). */
  findNumbered(n: number): number {
    const cell = this.numbered.place(n, false);
    return cell < 0 ? -1 : this.numbered.get(cell);
  }

  /** The key's number, or −1 when it was never added (nothing is added). */
  find(bytes: Uint8Array, start: number, end: number): number {
    const cell = this.numbered.cell(bytes, start, end, false);
    if (cell >= 0) return this.numbered.get(cell);
    return this.slots[this.probe(bytes, start, end)];
  }

  /** `find` for a string. */
  findText(text: string): number {
    const length = this.textBytes.write(text);
    return this.find(this.textBytes.bytes, 0, length);
  }

  /**
   * The slot (index of its first int) holding the key, or the empty slot where it belongs;
   * leaves the key's tag in probeTag for `add`.
   */
  private probe(bytes: Uint8Array, start: number, end: number): number {
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    const length = end - start;
    const h = hashBytes(bytes, start, end);
    const tag = (h & ~15) | (length < 15 ? length : 15);
    this.probeTag = tag;
    let slot = (h >>> 4) & mask;
    for (;;) {
      const at = 2 * slot;
      const k = slots[at];
      if (k < 0 || (slots[at + 1] === tag && this.equals(k, bytes, start, end))) return at;
      slot = (slot + 1) & mask;
    }
  }

  addText(text: string): number {
    const bytes = Buffer.from(text, 'utf8');
    return this.add(bytes, 0, bytes.length);
  }

  text(k: number): string {
    return this.arena.toString('utf8', this.starts[k], this.starts[k + 1]);
  }

  /**
   * Key numbers in the order of their texts as `<` compares strings (UTF-16 code units). Keys
   * placed by a number below 10^width are the prefix and `width` digits, so their text order
   * is their numbers' order: when all of `keys` are, they are sorted as numbers (a typed-array
   * sort), else as strings ("C10000000" sorts before "C9999999").
   */
  sortByText(keys: Int32Array): Int32Array {
    const numbers = new Float64Array(keys.length);
    const form = this.numbered.form;
    const limit = form === null ? 0 : 10 ** form.width;
    let all = form !== null;
    for (let i = 0; i < keys.length && all; i++) {
      const cell = this.numbered.cell(this.arena, this.starts[keys[i]!]!, this.starts[keys[i]! + 1]!, false);
      if (cell < 0) all = false;
      else {
        numbers[i] = this.numbered.numberOf(cell);
        if (numbers[i]! >= limit) all = false;
      }
    }
    if (all) return Int32Array.from(numbers.sort(), (n) => this.numbered.get(this.numbered.cellOf(n)));
    const byText = new Map<string, number>();
    for (const k of keys) byText.set(this.text(k), k);
    return Int32Array.from([...byText.keys()].sort(), (text) => byText.get(text)!);
  }

  /** Keys from..to−1, back to back: key k is bytes[ends[k − from − 1] ?? 0 .. ends[k − from]). */
  keyBytes(from: number, to: number): KeyBytes {
    const start = this.starts[from];
    const bytes = Uint8Array.from(this.arena.subarray(start, this.starts[to]));
    const ends = new Int32Array(to - from);
    for (let k = from; k < to; k++) ends[k - from] = this.starts[k + 1] - start;
    return { bytes, ends };
  }

  /** The number of a key among the few there are, by comparing bytes; −1 when not one of them. */
  private findFew(bytes: Uint8Array, start: number, end: number): number {
    for (let k = 0; k < this.count; k++) if (this.equals(k, bytes, start, end)) return k;
    return -1;
  }

  private equals(k: number, bytes: Uint8Array, start: number, end: number): boolean {
    const at = this.starts[k];
    const length = end - start;
    if (this.starts[k + 1] - at !== length) return false;
    const arena = this.arena;
    for (let i = 0; i < length; i++) if (arena[at + i] !== bytes[start + i]) return false;
    return true;
  }

  private store(bytes: Uint8Array, start: number, end: number): void {
    const length = end - start;
    if (this.used + length > this.arena.length) {
      const grown = Buffer.allocUnsafe(Math.max(this.arena.length * 2, this.used + length));
      this.arena.copy(grown, 0, 0, this.used);
      this.arena = grown;
    }
    for (let i = 0; i < length; i++) this.arena[this.used + i] = bytes[start + i];
    this.used += length;
    if (this.count + 1 >= this.starts.length) {
      const grown = new Uint32Array(this.starts.length * 2);
      grown.set(this.starts);
      this.starts = grown;
    }
    this.starts[this.count] = this.used;
  }

  private rehash(): void {
    const old = this.slots;
    const slots = new Int32Array(old.length * 2).fill(-1);
    const mask = (slots.length >> 1) - 1;
    for (let j = 0; j < old.length; j += 2) {
      if (old[j] < 0) continue;
      let slot = (old[j + 1] >>> 4) & mask;
      while (slots[2 * slot] >= 0) slot = (slot + 1) & mask;
      slots[2 * slot] = old[j];
      slots[2 * slot + 1] = old[j + 1];
    }
    this.slots = slots;
  }
}

/** Keys as one byte array and where each ends (see ByteKeys.keyBytes). */
export interface KeyBytes {
  bytes: Uint8Array;
  ends: Int32Array;
}

/** FNV-1a over the bytes, finished with a multiply-xorshift so sequential ids spread out. */
function hashBytes(bytes: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
  return h ^ (h >>> 12);
}

/** A string's UTF-8 bytes in a kept buffer, for lookups: a Buffer made per lookup cost more than the lookup. */
export class TextBytes {
  bytes = Buffer.allocUnsafe(64);

  /** Writes `text` at the start of `bytes` (grown when needed); returns its length in bytes. */
  write(text: string): number {
    // A UTF-16 code unit takes at most 3 bytes in UTF-8.
    if (text.length * 3 > this.bytes.length) this.bytes = Buffer.allocUnsafe(text.length * 3);
    return this.bytes.write(text, 0, 'utf8');
  }
}
