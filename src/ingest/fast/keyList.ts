import type { KeyBytes } from '../../model/byteKeys.js';
import { grown } from '../../model/grown.js';

/** Byte strings kept back to back in the order pushed, each found again by its index. */
export class KeyList {
  private bytes = new Uint8Array(1 << 12);
  private ends = new Int32Array(1024);
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** Appends bytes [start, end); returns the key's index. */
  push(bytes: Uint8Array, start: number, end: number): number {
    const from = this.count === 0 ? 0 : this.ends[this.count - 1]!;
    const to = from + end - start;
    if (to > this.bytes.length) this.bytes = grown(this.bytes, Math.max(this.bytes.length * 2, to));
    if (this.count === this.ends.length) this.ends = grown(this.ends, this.ends.length * 2);
    // A loop: a subarray to copy from was an object made per key (an order id a row).
    const to8 = this.bytes;
    for (let i = start, o = from; i < end; i++, o++) to8[o] = bytes[i]!;
    this.ends[this.count] = to;
    return this.count++;
  }

  /**
   * The keys so far, copied into `room`'s arrays (replaced by larger ones when short), as views
   * of just their length; the list is emptied. A worker's messages carry their keys in rooms
   * that come back with their columns: a new array per message was garbage its collector let
   * pile up to ~64 MB a worker, which the allocator then kept.
   */
  moveTo(room: KeyBytes): KeyBytes {
    const used = this.count === 0 ? 0 : this.ends[this.count - 1]!;
    if (room.bytes.length < used) room.bytes = new Uint8Array(Math.max(used, room.bytes.length * 2));
    if (room.ends.length < this.count) room.ends = new Int32Array(Math.max(this.count, room.ends.length * 2));
    room.bytes.set(this.bytes.subarray(0, used));
    room.ends.set(this.ends.subarray(0, this.count));
    const taken = { bytes: room.bytes.subarray(0, used), ends: room.ends.subarray(0, this.count) };
    this.count = 0;
    return taken;
  }
}
