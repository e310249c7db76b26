import type { ColumnObserver } from '../profile.js';

/**
 * ColumnObserver.observe for the byte readers: the profiled cells of a line given by its field
 * bounds, without making a string when the outcome is known. A non-blank value equal to an
 * example already taken, or one that is plainly not blank once the examples are complete, only
 * counts (ColumnObserver.seen); those counts are handed over in `flush`.
 */
export class ByteObserver {
  private readonly examples: Buffer[][];
  /** Per profiled column: examples full (they never change after), and values counted since. */
  private readonly complete: boolean[];
  private readonly pendingSeen: number[];

  constructor(
    private readonly observer: ColumnObserver,
    /** The profiled columns and their field positions. */
    readonly profiled: readonly { column: string; position: number }[],
  ) {
    this.examples = profiled.map(() => []);
    this.complete = profiled.map(() => false);
    this.pendingSeen = profiled.map(() => 0);
  }

  /** Observes every profiled cell of a line; bounds[base + 2f], bounds[base + 2f + 1] hold field f. */
  line(bytes: Buffer, bounds: Int32Array, base: number): void {
    for (let c = 0; c < this.profiled.length; c++) this.lineCell(c, bytes, bounds, base);
  }

  private lineCell(c: number, bytes: Buffer, bounds: Int32Array, base: number): void {
    const position = this.profiled[c]!.position;
    const start = bounds[base + 2 * position]!;
    const end = bounds[base + 2 * position + 1]!;
    // A cell starting with a visible ASCII byte is not blank once trimmed.
    const first = bytes[start]!;
    if (this.complete[c] && end > start && first > 0x20 && first < 0x7f) this.pendingSeen[c]!++;
    else this.cell(c, bytes, start, end);
  }

  /**
   * `line`, but profiled column `c` observes `text()` instead of its cell (a value a fold made,
   * such as an amount with its currency added); `blank` says whether that value trims to ''.
   */
  lineWith(bytes: Buffer, bounds: Int32Array, base: number, c: number, blank: boolean, text: () => string): void {
    for (let d = 0; d < this.profiled.length; d++) {
      if (d !== c) this.lineCell(d, bytes, bounds, base);
      else if (this.complete[c] && !blank) this.pendingSeen[c]!++;
      else {
        this.observer.observe(this.profiled[c]!.column, text());
        this.complete[c] = this.observer.complete(this.profiled[c]!.column);
      }
    }
  }

  /** Hands the counted values to the observer (they change nothing but its row count). */
  flush(): void {
    for (let c = 0; c < this.profiled.length; c++) {
      if (this.pendingSeen[c]! > 0) this.observer.seen(this.profiled[c]!.column, this.pendingSeen[c]);
      this.pendingSeen[c] = 0;
    }
  }

  private cell(c: number, bytes: Buffer, start: number, end: number): void {
    const column = this.profiled[c]!.column;
    const observer = this.observer;
    if (end === start) return observer.observe(column, '');
    const known = this.examples[c]!;
    for (const k of known) if (k.length === end - start && k.equals(bytes.subarray(start, end))) return observer.seen(column);
    const text = bytes.toString('utf8', start, end);
    observer.observe(column, text);
    // Values over 40 characters are stored cut short, so observe() would add them again;
    // blank ones count as empty.
    if (text.length <= 40 && text.trim() !== '') known.push(Buffer.from(bytes.subarray(start, end)));
    this.complete[c] = observer.complete(column);
  }
}
