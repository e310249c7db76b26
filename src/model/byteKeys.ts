import { NumberedKeys, writeNumbered, type NumberForm } from './numberedKeys.js';

/** While a table has at most this many keys, `add` compares a key with each directly. */
const FEW = 16;

/**
 * A set of byte strings (ids as UTF-8 bytes) giving each distinct one a dense number 0, 1, 2…
 * in order of first appearance. Keys live back to back in byte chunks and the hash table is a
 * typed array, so ten million order ids cost ~20 bytes each plus the bytes themselves, where
 * a Set<string> costs ~80 (a string object and a hash-table entry apiece).
 * Strings are made only when asked for (`text`), e.g. for the few ids a report names.
 *
 * Equal strings have equal UTF-8 bytes and vice versa, so numbering bytes is numbering strings.
 */
export class ByteKeys {
  /**
   * The keys' entries, back to back in chunks of CHUNK bytes (a longer entry gets a chunk of its
   * own): key number (4 bytes, little-endian), length (1 byte, or 255 and 4 bytes), the bytes.
   * An entry is named by its ref, chunk · CHUNK + offset. Chunks are never copied: a growing
   * arena of ten million Stripe ids was copied ~1 GB in all and held up to twice its bytes.
   */
  private chunks: Buffer[] = [];
  /** chunkViews[c] reads chunks[c] four bytes at a time (entryHolds). */
  private chunkViews: DataView<ArrayBufferLike>[] = [];
  /** Where the next entry goes in the last chunk. */
  private used = CHUNK;
  /** refs[k]: key k's entry. */
  private refs = new Int32Array(1024);
  /**
   * Open addressing, two ints a slot: entry ref (−1 = empty) and tag, the hash with its low 4
   * bits replaced by the key's length when under 15 bytes. A slot costs 8 bytes and the table
   * is filled to 70% before it doubles. A hit reads the slot and then the entry, which holds
   * the key's number next to its bytes: two places in memory, where a key number in the slot
   * and the bytes found through it took three (each a cache and TLB miss in a large table).
   * Bytes are compared only when the tag matches: on a hit, or once in 2^28 misses.
   */
  private slots: Int32Array<ArrayBufferLike> = new Int32Array(2 << 10).fill(-1);
  private count = 0;
  /** Ids like "C1411182" skip the hash table (see NumberedKeys). */
  private numbered = new NumberedKeys();
  private probeTag = 0;
  private readonly scratch = new Uint8Array(32);
  private readonly textBytes = new TextBytes();
  /** Set by `locate`: the chunk, start and end of a key's bytes. */
  private at: Buffer = Buffer.alloc(0);
  private atStart = 0;
  private atEnd = 0;

  /** Whether the last `add` saw its key for the first time. */
  isNew = false;

  private shared = false;
  /** addMany's hashes and first slots for a block, and a sum of the bytes it read to have them cached. */
  private readonly blockHashes = new Int32Array(READ_AHEAD);
  private readonly blockRefs = new Int32Array(READ_AHEAD);
  private touched = 0;

  get size(): number {
    return this.count;
  }

  /**
   * From now on, keeps the entries and the hash table in SharedArrayBuffers, which a KeyView on
   * another thread reads while this one adds (what is there is copied once). Worker threads
   * reading an orders file then find the ids this thread has numbered, rather than each keeping
   * a table of its own and this thread numbering every worker's keys again.
   */
  share(): void {
    if (this.shared) return;
    this.shared = true;
    this.chunks = this.chunks.map((chunk) => {
      const copy = Buffer.from(new SharedArrayBuffer(chunk.length));
      chunk.copy(copy);
      return copy;
    });
    this.chunkViews = this.chunks.map(dataViewOf);
    const slots = new Int32Array(new SharedArrayBuffer(this.slots.byteLength));
    slots.set(this.slots);
    this.slots = slots;
  }

  /** What a KeyView needs to see the shared table as it is now, its chunks from `from` on. */
  view(from: number): KeyViewUpdate {
    if (!this.shared) throw new Error('ByteKeys.view: the table is not shared');
    return { slots: this.slots.buffer as SharedArrayBuffer, from, chunks: this.chunks.slice(from).map((c) => c.buffer as ArrayBufferLike as SharedArrayBuffer) };
  }

  /** The chunks a view has when it has been given view(0) … view(n − 1)'s: this many. */
  get chunkCount(): number {
    return this.chunks.length;
  }

  /**
   * Empties the table, keeping its first chunk and its hash table's room: a worker's table of
   * one message's ids, used again for the next, makes no memory per message.
   */
  clear(): void {
    if (this.shared) throw new Error('ByteKeys.clear: the table is shared');
    this.chunks.length = Math.min(1, this.chunks.length);
    this.chunkViews.length = this.chunks.length;
    this.used = this.chunks.length === 0 ? CHUNK : 0;
    this.count = 0;
    this.slots.fill(-1);
    this.numbered = new NumberedKeys();
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
    return this.addKey(bytes, start, end, null);
  }

  /** `add` past the few-keys check; `hash` is the key's hashBytes when known already (addMany). */
  private addKey(bytes: Uint8Array, start: number, end: number, hash: number | null): number {
    const cell = this.numbered.cell(bytes, start, end, true);
    if (cell >= 0) {
      let k = this.numbered.get(cell);
      this.isNew = k < 0;
      if (k < 0) {
        k = this.count++;
        this.store(bytes, start, end, k);
        this.numbered.set(cell, k);
      }
      return k;
    }
    const at = this.probe(bytes, start, end, hash ?? hashBytes(bytes, start, end));
    const slots = this.slots;
    if (slots[at] >= 0) {
      this.isNew = false;
      return this.keyAt(slots[at]);
    }
    const k = this.count++;
    const ref = this.store(bytes, start, end, k);
    slots[at + 1] = this.probeTag;
    // A KeyView reads the slot's ref first, then its tag and entry: the ref goes last.
    if (this.shared) Atomics.store(slots, at, ref);
    else slots[at] = ref;
    if (this.count * 10 > (slots.length >> 1) * 7) this.rehash();
    this.isNew = true;
    return k;
  }

  /**
   * `add` of keys k = 0 … n − 1 of `keys`, in order: out[k] its number, fresh[k] 1 when it was
   * new. In blocks of READ_AHEAD keys whose slots and entries are read first (readAhead); the
   * adds then find them cached, and use the hashes it computed. The numbers are those `add` one
   * by one gives (past FEW keys, `add` skips its few-keys check as addKey does).
   */
  addMany(keys: KeyBytes, n: number, out: Int32Array, fresh: Uint8Array): void {
    const { bytes, ends } = keys;
    for (let from = 0; from < n; from += READ_AHEAD) {
      const to = Math.min(n, from + READ_AHEAD);
      const ahead = this.count > FEW;
      if (ahead) this.touched = readAhead(keys, from, to, this.slots, this.chunks, this.blockHashes, this.blockRefs);
      for (let k = from; k < to; k++) {
        const start = k === 0 ? 0 : ends[k - 1]!;
        out[k] = ahead ? this.addKey(bytes, start, ends[k]!, this.blockHashes[k - from]!) : this.add(bytes, start, ends[k]!);
        fresh[k] = this.isNew ? 1 : 0;
      }
    }
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
      this.store(this.scratch, 0, writeNumbered(form, n, this.scratch), k);
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
    const ref = this.slots[this.probe(bytes, start, end, hashBytes(bytes, start, end))];
    return ref < 0 ? -1 : this.keyAt(ref);
  }

  /** `find` of key k of `other` (another table's), by its bytes: no string made. */
  findKeyOf(other: ByteKeys, k: number): number {
    other.locate(k);
    return this.find(other.at, other.atStart, other.atEnd);
  }

  /**
   * findKeyOf for each of keys ks of `other`: out[j] is this table's number of other's key
   * ks[j], or −1. In blocks of READ_AHEAD whose slots and entries are read first (readAhead),
   * as addMany does: a ticket file's customers looked up one by one waited on two cache misses
   * each.
   */
  findKeysOf(other: ByteKeys, ks: Int32Array): Int32Array {
    const out = new Int32Array(ks.length);
    // Ids placed by number (NumberedKeys) are found without hashing: no cache misses to overlap.
    if (this.numbered.form !== null) {
      for (let j = 0; j < ks.length; j++) out[j] = this.findKeyOf(other, ks[j]!);
      return out;
    }
    const block: KeyBytes = { bytes: Buffer.allocUnsafe(1 << 14), ends: new Int32Array(READ_AHEAD) };
    for (let from = 0; from < ks.length; from += READ_AHEAD) {
      const to = Math.min(ks.length, from + READ_AHEAD);
      let used = 0;
      for (let j = from; j < to; j++) {
        other.locate(ks[j]!);
        const length = other.atEnd - other.atStart;
        if (used + length > block.bytes.length) block.bytes = Buffer.concat([block.bytes.subarray(0, used)], 2 * (used + length));
        other.at.copy(block.bytes, used, other.atStart, other.atEnd);
        used += length;
        block.ends[j - from] = used;
      }
      this.touched = readAhead(block, 0, to - from, this.slots, this.chunks, this.blockHashes, this.blockRefs);
      for (let j = from; j < to; j++) {
        const start = j === from ? 0 : block.ends[j - from - 1]!;
        out[j] = this.findHashed(block.bytes, start, block.ends[j - from]!, this.blockHashes[j - from]!);
      }
    }
    return out;
  }

  /** `find` in a table placing nothing by number, given the key's hashBytes. */
  private findHashed(bytes: Uint8Array, start: number, end: number, hash: number): number {
    const ref = this.slots[this.probe(bytes, start, end, hash)];
    return ref < 0 ? -1 : this.keyAt(ref);
  }

  /** Calls `use` with key k's bytes, bytes[start, end) of a chunk (not a copy: for a lookup). */
  withBytes<T>(k: number, use: (bytes: Uint8Array, start: number, end: number) => T): T {
    this.locate(k);
    return use(this.at, this.atStart, this.atEnd);
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
  private probe(bytes: Uint8Array, start: number, end: number, h: number): number {
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    const length = end - start;
    const tag = keyTag(h, length);
    this.probeTag = tag;
    let slot = (h >>> 4) & mask;
    for (;;) {
      const at = 2 * slot;
      const ref = slots[at];
      if (ref < 0 || (slots[at + 1] === tag && this.entryEquals(ref, bytes, start, end))) return at;
      slot = (slot + 1) & mask;
    }
  }

  addText(text: string): number {
    const length = this.textBytes.write(text);
    return this.add(this.textBytes.bytes, 0, length);
  }

  text(k: number): string {
    this.locate(k);
    return this.at.toString('utf8', this.atStart, this.atEnd);
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
      this.locate(keys[i]!);
      const cell = this.numbered.cell(this.at, this.atStart, this.atEnd, false);
      if (cell < 0) all = false;
      else {
        numbers[i] = this.numbered.numberOf(cell);
        if (numbers[i]! >= limit) all = false;
      }
    }
    if (all) return Int32Array.from(numbers.sort(), (n) => this.numbered.get(this.numbered.cellOf(n)));
    const byBytes = this.sortByBytes(keys);
    if (byBytes !== null) return byBytes;
    const byText = new Map<string, number>();
    for (const k of keys) byText.set(this.text(k), k);
    return Int32Array.from([...byText.keys()].sort(), (text) => byText.get(text)!);
  }

  /**
   * `keys` in the order of their bytes, or null when a key holds a NUL byte or a character at
   * U+E000 or above. Without those, byte order is the order `<` gives the texts: UTF-8 orders
   * code points, and UTF-16 code units differ from code points only from U+E000 up (the
   * surrogates of U+10000 and up sort before U+E000–U+FFFF there, after them in UTF-8).
   *
   * Sorted four bytes at a time, natively: each key's next four bytes and its place are packed
   * in a 64-bit integer; runs that tie go on with their next four. A string per key and a
   * comparison of strings took 1.4 s for 490k e-mail members, and the strings ~65 MB of heap.
   */
  private sortByBytes(keys: Int32Array): Int32Array | null {
    if (!LITTLE_ENDIAN) return null;
    const n = keys.length;
    const sorted = new SortedBytes(this.chunks, n);
    for (let i = 0; i < n; i++) {
      this.locate(keys[i]!);
      if (!sorted.take(i, this.refs[keys[i]!]! >>> CHUNK_BITS, this.at, this.atStart, this.atEnd)) return null;
    }
    const order = sorted.order();
    return Int32Array.from(order, (i) => keys[i]!);
  }

  /** Keys from..to−1, back to back: key k is bytes[ends[k − from − 1] ?? 0 .. ends[k − from]). */
  keyBytes(from: number, to: number): KeyBytes {
    const ends = new Int32Array(to - from);
    let total = 0;
    for (let k = from; k < to; k++) {
      this.locate(k);
      total += this.atEnd - this.atStart;
      ends[k - from] = total;
    }
    const bytes = new Uint8Array(total);
    for (let k = from; k < to; k++) {
      this.locate(k);
      bytes.set(this.at.subarray(this.atStart, this.atEnd), k === from ? 0 : ends[k - from - 1]);
    }
    return { bytes, ends };
  }

  /** The number of a key among the few there are, by comparing bytes; −1 when not one of them. */
  private findFew(bytes: Uint8Array, start: number, end: number): number {
    for (let k = 0; k < this.count; k++) if (this.entryEquals(this.refs[k]!, bytes, start, end)) return k;
    return -1;
  }

  /** Sets `at`, `atStart`, `atEnd` to key k's bytes. */
  private locate(k: number): void {
    const ref = this.refs[k]!;
    const chunk = this.chunks[ref >>> CHUNK_BITS]!;
    const at = ref & (CHUNK - 1);
    let length = chunk[at + 4]!;
    let from = at + 5;
    if (length === LONG) {
      length = chunk.readUInt32LE(at + 5);
      from = at + 9;
    }
    this.at = chunk;
    this.atStart = from;
    this.atEnd = from + length;
  }

  /** The number of the key whose entry is `ref`. */
  private keyAt(ref: number): number {
    return entryKey(this.chunks[ref >>> CHUNK_BITS]!, ref & (CHUNK - 1));
  }

  private entryEquals(ref: number, bytes: Uint8Array, start: number, end: number): boolean {
    const c = ref >>> CHUNK_BITS;
    return entryHolds(this.chunks[c]!, this.chunkViews[c]!, ref & (CHUNK - 1), bytes, start, end);
  }

  /** Writes key k's entry; returns its ref. */
  private store(bytes: Uint8Array, start: number, end: number, k: number): number {
    const length = end - start;
    const size = (length < LONG ? 5 : 9) + length;
    if (this.used + size > CHUNK) {
      if (this.chunks.length === MAX_CHUNKS) throw new RangeError(`more than ${MAX_CHUNKS * CHUNK} bytes of distinct ids in one column`);
      const chunk = this.newChunk(Math.max(CHUNK, size));
      this.chunks.push(chunk);
      this.chunkViews.push(dataViewOf(chunk));
      this.used = 0;
    }
    const c = this.chunks.length - 1;
    const chunk = this.chunks[c]!;
    const at = this.used;
    chunk[at] = k & 255;
    chunk[at + 1] = (k >>> 8) & 255;
    chunk[at + 2] = (k >>> 16) & 255;
    chunk[at + 3] = k >>> 24;
    let to = at + 5;
    if (length < LONG) chunk[at + 4] = length;
    else {
      chunk[at + 4] = LONG;
      chunk.writeUInt32LE(length, at + 5);
      to = at + 9;
    }
    for (let i = 0; i < length; i++) chunk[to + i] = bytes[start + i]!;
    // A chunk of its own (a key over CHUNK bytes) is full.
    this.used = size > CHUNK ? CHUNK : at + size;
    const ref = c * CHUNK + at;
    if (k >= this.refs.length) {
      const grown = new Int32Array(this.refs.length * 2);
      grown.set(this.refs);
      this.refs = grown;
    }
    this.refs[k] = ref;
    return ref;
  }

  private newChunk(size: number): Buffer {
    if (this.shared) return Buffer.from(new SharedArrayBuffer(size));
    return Buffer.allocUnsafe(size);
  }

  /**
   * Room for `keys` keys in all without rehashing or growing `refs`: a file's order ids, about
   * one a row, would otherwise be rehashed ~20 times on the way to ten million, each time into
   * a table twice the size (new memory, and every slot moved).
   */
  reserve(keys: number): void {
    let slots = this.slots.length >> 1;
    while (keys * 10 > slots * 7) slots *= 2;
    if (slots > this.slots.length >> 1) this.rehash(slots * 2);
    if (keys > this.refs.length) {
      const refs = new Int32Array(keys);
      refs.set(this.refs);
      this.refs = refs;
    }
  }

  private rehash(length = this.slots.length * 2): void {
    const old = this.slots;
    // Shared, a new table is whole before a view is told of it; views still on the old one miss the newer keys.
    const slots = (this.shared ? new Int32Array(new SharedArrayBuffer(length * 4)) : new Int32Array(length)).fill(-1);
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

/**
 * Keys read ahead together (readAhead): 4M lookups of 2M e-mails took 550 ns a key one by one,
 * 235 ns in blocks of 256, 300-440 ns in blocks of 12,000 (what was read no longer cached).
 */
export const READ_AHEAD = 256;
export const CHUNK_BITS = 20;
const CHUNK = 1 << CHUNK_BITS;
/** Refs are non-negative Int32s: at most 2^31 bytes of entries. */
const MAX_CHUNKS = 2 ** (31 - CHUNK_BITS);
/** sortByBytes writes a 64-bit integer as two 32-bit words, low word first. */
const LITTLE_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;
/** A length byte of 255: the length is in the next 4 bytes. */
const LONG = 255;

/**
 * The sort of sortByBytes, four bytes at a time, natively: each key's next four bytes and its
 * place are packed in a 64-bit integer; runs that tie go on with their next four. A string per
 * key and a comparison of strings took 1.4 s for 490k e-mail members, and the strings ~65 MB
 * of heap.
 *
 * A key's first PREFIX_WORDS groups of four are copied out as its entry is first read (`take`),
 * so the rounds that need them read a small array in place of an entry apiece across the table
 * (a cache miss each). Runs of at most SMALL_RUN keys, which most runs of e-mails are after the
 * first round, are sorted by comparing their words in place: a typed-array sort of each (a view
 * made, a call, the keys packed and unpacked) cost more than its comparisons.
 */
class SortedBytes {
  private readonly chunkOf: Int32Array;
  private readonly start: Int32Array;
  private readonly length: Int32Array;
  private readonly prefix: Uint32Array;

  constructor(
    private readonly chunks: readonly Buffer[],
    private readonly n: number,
  ) {
    this.chunkOf = new Int32Array(n);
    this.start = new Int32Array(n);
    this.length = new Int32Array(n);
    this.prefix = new Uint32Array(n * PREFIX_WORDS);
  }

  /** Key i is chunk[from, to) of chunks[c]; false when it holds a NUL byte or a byte from 0xee (see sortByBytes). */
  take(i: number, c: number, chunk: Buffer, from: number, to: number): boolean {
    for (let j = from; j < to; j++) if (chunk[j] === 0 || chunk[j]! >= 0xee) return false;
    this.chunkOf[i] = c;
    this.start[i] = from;
    this.length[i] = to - from;
    for (let w = 0; w < PREFIX_WORDS; w++) this.prefix[i * PREFIX_WORDS + w] = this.read(i, 4 * w);
    return true;
  }

  /** The places 0 … n − 1 in the order of their keys' bytes. */
  order(): Int32Array {
    const n = this.n;
    const order = Int32Array.from({ length: n }, (_, i) => i);
    const packed = new BigUint64Array(n);
    // Little-endian words of `packed`: the place at 2i, the four bytes (big-endian) at 2i + 1.
    const words = new Uint32Array(packed.buffer);
    // Runs [from, to) of `order` whose first `depth` bytes are equal, still to sort.
    const runs: number[] = [0, n, 0];
    while (runs.length > 0) {
      const depth = runs.pop()!;
      const to = runs.pop()!;
      const from = runs.pop()!;
      if (to - from <= SMALL_RUN) {
        this.insertionSort(order, from, to, depth);
        continue;
      }
      for (let i = from; i < to; i++) {
        const k = order[i]!;
        words[2 * i] = k;
        words[2 * i + 1] = this.four(k, depth);
      }
      packed.subarray(from, to).sort();
      for (let i = from; i < to; i++) order[i] = words[2 * i]!;
      // Ties: keys of equal four bytes, none of which ended within them (distinct keys cannot tie there).
      for (let i = from; i < to; ) {
        let j = i + 1;
        while (j < to && words[2 * j + 1] === words[2 * i + 1]) j++;
        if (j - i > 1) runs.push(i, j, depth + 4);
        i = j;
      }
    }
    return order;
  }

  /** order[from, to), keys whose first `depth` bytes are equal, sorted by their words from there. */
  private insertionSort(order: Int32Array, from: number, to: number, depth: number): void {
    for (let i = from + 1; i < to; i++) {
      const k = order[i]!;
      let j = i - 1;
      while (j >= from && this.after(order[j]!, k, depth)) {
        order[j + 1] = order[j]!;
        j--;
      }
      order[j + 1] = k;
    }
  }

  /** Whether key a sorts after key b, their first `depth` bytes being equal (distinct keys differ in some word). */
  private after(a: number, b: number, depth: number): boolean {
    for (let d = depth; ; d += 4) {
      const x = this.four(a, d);
      const y = this.four(b, d);
      if (x !== y) return x > y;
    }
  }

  /** Key k's four bytes from `depth` (a multiple of 4), big-endian; a key that ends is padded with 0, which no key holds, so it sorts before its continuations. */
  private four(k: number, depth: number): number {
    return depth < 4 * PREFIX_WORDS ? this.prefix[k * PREFIX_WORDS + depth / 4]! : this.read(k, depth);
  }

  private read(k: number, depth: number): number {
    const chunk = this.chunks[this.chunkOf[k]!]!;
    const s = this.start[k]! + depth;
    const left = this.length[k]! - depth;
    let four = 0;
    for (let b = 0; b < 4; b++) four = four * 256 + (b < left ? chunk[s + b]! : 0);
    return four;
  }
}

/** SortedBytes' words of each key copied out: 16 bytes, "anna.1411182@mai" of an e-mail (472k e-mails: 290 -> 190 ms). */
const PREFIX_WORDS = 4;
const SMALL_RUN = 12;

/** Keys as one byte array and where each ends (see ByteKeys.keyBytes). */
export interface KeyBytes {
  bytes: Uint8Array;
  ends: Int32Array;
}

/** A shared table's hash table and its chunks from `from` on (ByteKeys.view), for a KeyView. */
export interface KeyViewUpdate {
  slots: SharedArrayBuffer;
  from: number;
  chunks: SharedArrayBuffer[];
}

/** A slot's tag: the hash with its low 4 bits replaced by the key's length when under 15 bytes. */
export function keyTag(h: number, length: number): number {
  return (h & ~15) | (length < 15 ? length : 15);
}

/** The key number of the entry at `at` of `chunk`. */
export function entryKey(chunk: Uint8Array, at: number): number {
  return chunk[at]! | (chunk[at + 1]! << 8) | (chunk[at + 2]! << 16) | (chunk[at + 3]! << 24);
}

/**
 * Whether the entry at `at` of `chunk` (`view` reading the same bytes) holds exactly
 * bytes[start, end). Compared four bytes at a time through DataViews: a loop of single bytes
 * took ~55 ns a 28-byte e-mail, words ~19.
 */
export function entryHolds(chunk: Buffer, view: DataView<ArrayBufferLike>, at: number, bytes: Uint8Array, start: number, end: number): boolean {
  at += 4;
  const length = end - start;
  const stored = chunk[at]!;
  if (stored === LONG) {
    if (chunk.readUInt32LE(at + 1) !== length) return false;
    at += 5;
  } else {
    if (stored !== length) return false;
    at += 1;
  }
  const other = bytesView(bytes);
  let i = 0;
  for (; i + 4 <= length; i += 4) if (view.getInt32(at + i) !== other.getInt32(start + i)) return false;
  for (; i < length; i++) if (chunk[at + i] !== bytes[start + i]) return false;
  return true;
}

/** A DataView of exactly the bytes of `bytes` (offset 0 is bytes[0]). */
export function dataViewOf(bytes: Uint8Array): DataView<ArrayBufferLike> {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * DataViews of the two arrays entryHolds was last given: callers look up many keys in one
 * buffer (a batch, a file's chunk), or take turns between two (a ticket's e-mail lower-cased
 * into a buffer of its own, its other ids in the file's chunk), so a view is made once per
 * buffer, not per comparison.
 */
let recentBytes: Uint8Array | null = null;
let recentView: DataView<ArrayBufferLike> = new DataView(new ArrayBuffer(0));
let olderBytes: Uint8Array | null = null;
let olderView: DataView<ArrayBufferLike> = recentView;

function bytesView(bytes: Uint8Array): DataView<ArrayBufferLike> {
  if (bytes === recentBytes) return recentView;
  if (bytes === olderBytes) {
    olderBytes = recentBytes;
    recentBytes = bytes;
    const view = olderView;
    olderView = recentView;
    recentView = view;
    return view;
  }
  olderBytes = recentBytes;
  olderView = recentView;
  recentBytes = bytes;
  recentView = dataViewOf(bytes);
  return recentView;
}

/**
 * For keys from … to − 1 of `keys` (at most READ_AHEAD): each one's hash in hashes[k − from],
 * its first slot's ref in refs[k − from], and a read of the entry that ref names, if `chunks`
 * has it. Loops of a few instructions a key, so that many keys' cache misses (two a key in a
 * table of millions) are in flight at once, where a lookup waits for each in turn. Returns a
 * sum of the bytes read, for the caller to keep, so that the reads are not dropped as unused.
 *
 * The refs are read plainly: the table's own thread wrote them, and a KeyView reads a ref
 * atomically again before it trusts the entry (KeyView.findBlock). Atomics.load is a call
 * here, not an instruction: 16 ns a random slot of 32 MB where a plain load took 4.5, as fewer
 * loads were in flight at once.
 */
export function readAhead(keys: KeyBytes, from: number, to: number, slots: Int32Array<ArrayBufferLike>, chunks: readonly Buffer[], hashes: Int32Array, refs: Int32Array): number {
  const { bytes, ends } = keys;
  const mask = (slots.length >> 1) - 1;
  const n = to - from;
  for (let k = from; k < to; k++) hashes[k - from] = hashBytes(bytes, k === 0 ? 0 : ends[k - 1]!, ends[k]!);
  for (let j = 0; j < n; j++) refs[j] = slots[2 * ((hashes[j]! >>> 4) & mask)]!;
  let touched = 0;
  for (let j = 0; j < n; j++) {
    const ref = refs[j]!;
    if (ref >= 0) touched += chunks[ref >>> CHUNK_BITS]?.[ref & (CHUNK - 1)] ?? 0;
  }
  return touched;
}

/** FNV-1a over the bytes, finished with a multiply-xorshift so sequential ids spread out. */
export function hashBytes(bytes: Uint8Array, start: number, end: number): number {
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
