import { CHUNK_BITS, entryHolds, entryKey, hashBytes, keyTag, type KeyViewUpdate } from './byteKeys.js';

/**
 * Another thread's look at a shared ByteKeys (ByteKeys.share): the number of a key the table
 * has, read while that thread goes on adding. It only ever answers a number the table gave the
 * key, or −1: a key added after the view's last update, or in a chunk it was not sent yet, or
 * placed by number rather than hashed (NumberedKeys), is simply not found, and the caller
 * numbers it the way it would without a view.
 *
 * The table writes an entry, then the slot's tag, then (atomically) its ref; the view reads the
 * ref atomically first, so whatever it reads through a ref is written whole. Entries and slots
 * are never changed once written; a rehash writes a new hash table, which the view is sent.
 */
export class KeyView {
  private slots: Int32Array<ArrayBufferLike> = new Int32Array(0);
  private mask = -1;
  private readonly chunks: Buffer[] = [];
  /** findMany's per-key hash and first slot's ref, for a block of keys. */
  private readonly hashes = new Int32Array(BLOCK);
  private readonly refs = new Int32Array(BLOCK);
  /** A sum of bytes findMany reads only to have them in the cache, kept so that the reads stay. */
  private touched = 0;

  constructor(update: KeyViewUpdate) {
    this.update(update);
  }

  /** Takes the table's newer hash table and chunks (an update may repeat chunks already had). */
  update(u: KeyViewUpdate): void {
    if (u.slots !== this.slots.buffer) {
      this.slots = new Int32Array(u.slots);
      this.mask = (this.slots.length >> 1) - 1;
    }
    for (let c = this.chunks.length - u.from; c < u.chunks.length; c++) if (c >= 0) this.chunks.push(Buffer.from(u.chunks[c]!));
  }

  /** The table's number for bytes[start, end), or −1. */
  find(bytes: Uint8Array, start: number, end: number): number {
    if (this.mask < 0) return -1;
    const h = hashBytes(bytes, start, end);
    return this.probe(bytes, start, end, keyTag(h, end - start), (h >>> 4) & this.mask);
  }

  /**
   * `find` of many keys: out[k] for key k = bytes[starts[k], ends[k]), k < n. For each block of
   * BLOCK keys, their first slots are read in one loop and their entries touched in the next,
   * loops of a few instructions a key, so that many keys' cache misses (two a key in a table of
   * millions) are in flight at once; the checks then run on cached lines. Blocks of 256 keep
   * what was touched in the cache (4M lookups of 2M e-mails: 550 ns a key one by one, 235 ns
   * in blocks of 256, 300-440 ns in blocks of 12,000).
   */
  findMany(bytes: Uint8Array, starts: Int32Array, ends: Int32Array, n: number, out: Int32Array): void {
    if (this.mask < 0) {
      out.fill(-1, 0, n);
      return;
    }
    for (let from = 0; from < n; from += BLOCK) this.findBlock(bytes, starts, ends, from, Math.min(n, from + BLOCK), out);
  }

  private findBlock(bytes: Uint8Array, starts: Int32Array, ends: Int32Array, from: number, to: number, out: Int32Array): void {
    const slots = this.slots;
    const mask = this.mask;
    const { hashes, refs, chunks } = this;
    const n = to - from;
    for (let j = 0; j < n; j++) hashes[j] = hashBytes(bytes, starts[from + j]!, ends[from + j]!);
    for (let j = 0; j < n; j++) refs[j] = Atomics.load(slots, 2 * ((hashes[j]! >>> 4) & mask));
    let touched = 0;
    for (let j = 0; j < n; j++) {
      const ref = refs[j]!;
      if (ref >= 0) touched += chunks[ref >>> CHUNK_BITS]?.[ref & OFFSET_MASK] ?? 0;
    }
    this.touched = touched;
    for (let j = 0; j < n; j++) {
      const k = from + j;
      const ref = refs[j]!;
      if (ref < 0) {
        out[k] = -1;
        continue;
      }
      const h = hashes[j]!;
      const start = starts[k]!;
      const end = ends[k]!;
      const tag = keyTag(h, end - start);
      const slot = (h >>> 4) & mask;
      if (slots[2 * slot + 1] === tag) {
        const chunk = chunks[ref >>> CHUNK_BITS];
        const offset = ref & OFFSET_MASK;
        if (chunk !== undefined && entryHolds(chunk, offset, bytes, start, end)) {
          out[k] = entryKey(chunk, offset);
          continue;
        }
      }
      out[k] = this.probe(bytes, start, end, tag, (slot + 1) & mask);
    }
  }

  /** From `slot` on: the number of the key whose tag is `tag`, or −1 at the first empty slot. */
  private probe(bytes: Uint8Array, start: number, end: number, tag: number, slot: number): number {
    const slots = this.slots;
    const mask = this.mask;
    for (;;) {
      const at = 2 * slot;
      const ref = Atomics.load(slots, at);
      if (ref < 0) return -1;
      if (slots[at + 1] === tag) {
        const chunk = this.chunks[ref >>> CHUNK_BITS];
        if (chunk === undefined) return -1;
        const offset = ref & OFFSET_MASK;
        if (entryHolds(chunk, offset, bytes, start, end)) return entryKey(chunk, offset);
      }
      slot = (slot + 1) & mask;
    }
  }
}

const OFFSET_MASK = (1 << CHUNK_BITS) - 1;
/** Keys findMany looks up together. */
const BLOCK = 256;
