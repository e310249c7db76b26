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
    const slots = this.slots;
    const mask = this.mask;
    if (mask < 0) return -1;
    const h = hashBytes(bytes, start, end);
    const tag = keyTag(h, end - start);
    let slot = (h >>> 4) & mask;
    for (;;) {
      const at = 2 * slot;
      const ref = Atomics.load(slots, at);
      if (ref < 0) return -1;
      if (slots[at + 1] === tag) {
        const chunk = this.chunks[ref >>> CHUNK_BITS];
        if (chunk === undefined) return -1;
        const offset = ref & ((1 << CHUNK_BITS) - 1);
        if (entryHolds(chunk, offset, bytes, start, end)) return entryKey(chunk, offset);
      }
      slot = (slot + 1) & mask;
    }
  }
}
