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
    this.bytes.set(bytes.subarray(start, end), from);
    this.ends[this.count] = to;
    return this.count++;
  }

  /** The keys so far as KeyBytes (copies), and the list emptied. */
  take(): KeyBytes {
    const used = this.count === 0 ? 0 : this.ends[this.count - 1]!;
    const taken = { bytes: this.bytes.slice(0, used), ends: this.ends.slice(0, this.count) };
    this.count = 0;
    return taken;
  }
}
