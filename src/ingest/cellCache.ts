import { ByteKeys } from './byteKeys.js';

/** Distinct values a column may have and still be compared directly rather than hashed. */
const FEW = 8;

/**
 * What a rule of a cell's raw text alone makes of it, remembered by the cell's bytes: equal
 * bytes are equal text, so the answer is the rule's own, and a column of a few distinct values
 * (status, channel, a score) costs a lookup per row instead of a string and a parse. After
 * `limit` distinct values the cache stops growing and new values are read by the rule each time.
 */
export class CellCache<T> {
  private readonly keys = new ByteKeys();
  private readonly values: T[] = [];
  /** The first distinct values' bytes while there are at most FEW of them; null after. */
  private few: Uint8Array[] | null = [];

  constructor(
    private readonly rule: (raw: string) => T,
    private readonly limit = 4096,
  ) {}

  get(bytes: Buffer, start: number, end: number): T {
    // A column of a handful of values (a status, a channel, a score): compared directly with the
    // ones seen, cheaper than hashing; value k is the k-th distinct one, as ByteKeys numbers them.
    const few = this.few;
    if (few !== null) {
      const length = end - start;
      for (let k = 0; k < few.length; k++) {
        const candidate = few[k]!;
        if (candidate.length !== length) continue;
        let i = 0;
        while (i < length && bytes[start + i] === candidate[i]) i++;
        if (i === length) return this.values[k]!;
      }
      if (few.length < FEW && this.keys.size < this.limit) few.push(Uint8Array.from(bytes.subarray(start, end)));
      else this.few = null;
    }
    if (this.keys.size < this.limit) {
      const k = this.keys.add(bytes, start, end);
      if (this.keys.isNew) this.values.push(this.rule(bytes.toString('utf8', start, end)));
      return this.values[k]!;
    }
    const k = this.keys.find(bytes, start, end);
    return k >= 0 ? this.values[k]! : this.rule(bytes.toString('utf8', start, end));
  }
}
