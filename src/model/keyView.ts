import { CHUNK_BITS, dataViewOf, entryHolds, entryKey, hashBytes, keyTag, readAhead, READ_AHEAD, type KeyBytes, type KeyViewUpdate } from './byteKeys.js';

/**
 * Another thread's look at a shared ByteKeys (ByteKeys.share): the number of a key the table
 * has, read while that thread goes on adding. It only ever answers a number the table gave the
 * key, or −1: a key added after the view's last update, or in a chunk it was not sent yet, or
 * placed by number rather than hashed (NumberedKeys), is simply not found, and the caller
 * numbers it the way it would without a view.
 *
 * The table writes an entry, then the slot's tag, then (atomically) its ref; the view reads a
 * ref atomically before it reads what the ref names, so whatever it reads through a ref is
 * written whole (a read-ahead of slots is plain: its refs are only candidates). Entries and slots
 * are never changed once written; a rehash writes a new hash table, which the view is sent.
 */
export class KeyView {
  private slots: Int32Array<ArrayBufferLike> = new Int32Array(0);
  private mask = -1;
  private readonly chunks: Buffer[] = [];
  private readonly chunkViews: DataView<ArrayBufferLike>[] = [];
  /** findMany's per-key hash and first slot's ref, for a block of keys. */
  private readonly hashes = new Int32Array(READ_AHEAD);
  private readonly refs = new Int32Array(READ_AHEAD);
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
    for (let c = this.chunks.length - u.from; c < u.chunks.length; c++) {
      if (c < 0) continue;
      const chunk = Buffer.from(u.chunks[c]!);
      this.chunks.push(chunk);
      this.chunkViews.push(dataViewOf(chunk));
    }
  }

  /** The table's number for bytes[start, end), or −1. */
  find(bytes: Uint8Array, start: number, end: number): number {
    if (this.mask < 0) return -1;
    const h = hashBytes(bytes, start, end);
    return this.probe(bytes, start, end, keyTag(h, end - start), (h >>> 4) & this.mask);
  }

  /**
   * `find` of keys k = 0 … n − 1 of `keys` into out[k], in blocks of READ_AHEAD whose slots and
   * entries are read first (readAhead); the checks then run on cached lines.
   */
  findMany(keys: KeyBytes, n: number, out: Int32Array): void {
    if (this.mask < 0) {
      out.fill(-1, 0, n);
      return;
    }
    for (let from = 0; from < n; from += READ_AHEAD) this.findBlock(keys, from, Math.min(n, from + READ_AHEAD), out);
  }

  private findBlock(keys: KeyBytes, from: number, to: number, out: Int32Array): void {
    const { slots, mask, hashes, refs, chunks } = this;
    const { bytes, ends } = keys;
    this.touched = readAhead(keys, from, to, slots, chunks, hashes, refs);
    for (let k = from; k < to; k++) {
      // An empty slot read plainly: a key the table had at the view's last update is there
      // (the update message orders those writes before this read); a newer one may be missed.
      if (refs[k - from]! < 0) {
        out[k] = -1;
        continue;
      }
      const h = hashes[k - from]!;
      const start = k === 0 ? 0 : ends[k - 1]!;
      const end = ends[k]!;
      const tag = keyTag(h, end - start);
      const slot = (h >>> 4) & mask;
      if (slots[2 * slot + 1] === tag) {
        // Read atomically before the entry it names is trusted (the line is cached by now).
        const ref = Atomics.load(slots, 2 * slot);
        const chunk = ref < 0 ? undefined : chunks[ref >>> CHUNK_BITS];
        const offset = ref & OFFSET_MASK;
        if (chunk !== undefined && entryHolds(chunk, this.chunkViews[ref >>> CHUNK_BITS]!, offset, bytes, start, end)) {
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
        if (entryHolds(chunk, this.chunkViews[ref >>> CHUNK_BITS]!, offset, bytes, start, end)) return entryKey(chunk, offset);
      }
      slot = (slot + 1) & mask;
    }
  }
}

const OFFSET_MASK = (1 << CHUNK_BITS) - 1;
