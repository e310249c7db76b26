import { ByteKeys } from '../../model/byteKeys.js';
import { cellText } from './plainBytes.js';

/**
 * What a rule of a cell's raw text alone makes of it, remembered by the cell's bytes: equal
 * bytes are equal text, so the answer is the rule's own, and a column of a few distinct values
 * (status, channel, a score) costs a lookup per row instead of a string and a parse. After
 * `limit` distinct values the cache stops growing and new values are read by the rule each time.
 */
export class CellCache<T> {
  private readonly keys = new ByteKeys();
  private readonly values: T[] = [];

  constructor(
    private readonly rule: (raw: string) => T,
    private readonly limit = 4096,
  ) {}

  get(bytes: Buffer, start: number, end: number): T {
    if (this.keys.size < this.limit) {
      const k = this.keys.add(bytes, start, end);
      if (this.keys.isNew) this.values.push(this.rule(cellText(bytes, start, end)));
      return this.values[k]!;
    }
    const k = this.keys.find(bytes, start, end);
    return k >= 0 ? this.values[k]! : this.rule(cellText(bytes, start, end));
  }
}
