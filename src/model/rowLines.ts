import { grown } from './grown.js';

/**
 * The file line of each row of a table, kept as runs of consecutive lines: row i of the run
 * that starts at row s with line l is line l + i − s. Rows read in file order with none
 * skipped are one run, and each skipped line starts another (any order of lines is kept
 * right, only larger). Ten million order rows took 40 MB as one line number each, for the
 * few rows a message ever names.
 */
export class RowLines {
  /** Per run: its first row, and that row's line. */
  private starts = new Int32Array(16);
  private lines = new Float64Array(16);
  private runs = 0;
  /** Rows so far, and the line the next row has when it continues the last run. */
  private rows = 0;
  private next = Number.NaN;
  /**
   * Each row's line, once runs are more than a third of the rows (a line-item export's
   * orders, each a line or two after the last): 4 bytes a row cost less than 12 a run.
   */
  private dense: Uint32Array | Float64Array | null = null;

  /** `denseAfter`: runs before rows may be kept one line each (small in tests). */
  constructor(private readonly denseAfter = 4096) {}

  get length(): number {
    return this.rows;
  }

  /** Appends a row read from `line`. */
  push(line: number): void {
    if (this.dense !== null) return this.pushDense(line);
    if (line !== this.next) {
      if (this.runs >= this.denseAfter && this.runs * 3 > this.rows) {
        this.toDense();
        return this.pushDense(line);
      }
      this.startRun(line);
    }
    this.rows++;
    this.next = line + 1;
  }

  /** Appends `count` rows read from lines `line`, `line` + 1, …: `push` of each, in one step. */
  pushRun(line: number, count: number): void {
    if (count <= 0) return;
    this.push(line);
    if (this.dense !== null) {
      for (let i = 1; i < count; i++) this.pushDense(line + i);
      return;
    }
    this.rows += count - 1;
    this.next = line + count;
  }

  /** `push` of lines[from], …, lines[end − 1]: once rows are kept a line each, in one step. */
  pushLines(lines: Int32Array, from: number, end: number): void {
    let i = from;
    while (i < end && this.dense === null) this.push(lines[i++]!);
    if (i === end) return;
    let dense = this.dense!;
    if (dense instanceof Uint32Array) {
      for (let k = i; k < end; k++) {
        if (fitsUint32(lines[k]!)) continue;
        dense = Float64Array.from(dense);
        break;
      }
    }
    if (this.rows + end - i > dense.length) dense = grown(dense, Math.max(this.rows + end - i, Math.ceil(dense.length * 1.5)));
    let rows = this.rows;
    for (; i < end; i++) dense[rows++] = lines[i]!;
    this.rows = rows;
    this.dense = dense;
  }

  /** Row i's line. */
  at(i: number): number {
    if (this.dense !== null) return this.dense[i]!;
    let lo = 0;
    let hi = this.runs - 1;
    // The last run starting at or before row i.
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.starts[mid]! <= i) lo = mid;
      else hi = mid - 1;
    }
    return this.lines[lo]! + (i - this.starts[lo]!);
  }

  /** The lines of rows 0 … n − 1, as a new RowLines: their runs, copied. */
  prefix(n: number): RowLines {
    const out = new RowLines(this.denseAfter);
    if (this.dense !== null) {
      out.dense = grown(this.dense.subarray(0, n), Math.max(16, n));
      out.rows = n;
      return out;
    }
    let r = 0;
    while (r < this.runs && this.starts[r]! < n) r++;
    out.starts = grown(this.starts.subarray(0, r), Math.max(16, r));
    out.lines = grown(this.lines.subarray(0, r), Math.max(16, r));
    out.runs = r;
    out.rows = n;
    out.next = r === 0 ? Number.NaN : this.lines[r - 1]! + (n - this.starts[r - 1]!);
    return out;
  }

  /** The lines of the rows `keep` accepts, in order, as a new RowLines. */
  retain(keep: (i: number) => boolean): RowLines {
    const out = new RowLines(this.denseAfter);
    const lineOf = this.walk();
    for (let i = 0; i < this.rows; i++) if (keep(i)) out.push(lineOf(i));
    return out;
  }

  /** The lines of the rows `rows` (increasing row numbers), as a new RowLines. */
  pick(rows: ArrayLike<number>): RowLines {
    const out = new RowLines(this.denseAfter);
    const lineOf = this.walk();
    for (let j = 0; j < rows.length; j++) out.push(lineOf(rows[j]!));
    return out;
  }

  /** Row i's line for rows asked in increasing order: the run is followed, not searched. */
  private walk(): (i: number) => number {
    const dense = this.dense;
    if (dense !== null) return (i) => dense[i]!;
    let r = 0;
    return (i) => {
      while (r + 1 < this.runs && this.starts[r + 1]! <= i) r++;
      return this.lines[r]! + (i - this.starts[r]!);
    };
  }

  /** From runs to a line per row. */
  private toDense(): void {
    const lineOf = this.walk();
    let fits = true;
    for (let r = 0; r < this.runs; r++) fits &&= fitsUint32(this.lines[r]!) && fitsUint32(this.lines[r]! + ((r + 1 < this.runs ? this.starts[r + 1]! : this.rows) - this.starts[r]!) - 1);
    const dense = fits ? new Uint32Array(this.rows * 2) : new Float64Array(this.rows * 2);
    for (let i = 0; i < this.rows; i++) dense[i] = lineOf(i);
    this.dense = dense;
    this.starts = new Int32Array(0);
    this.lines = new Float64Array(0);
    this.runs = 0;
  }

  private pushDense(line: number): void {
    let dense = this.dense!;
    if (!fitsUint32(line) && dense instanceof Uint32Array) dense = Float64Array.from(dense);
    if (this.rows === dense.length) dense = grown(dense, Math.ceil(dense.length * 1.5));
    dense[this.rows++] = line;
    this.dense = dense;
  }

  private startRun(line: number): void {
    if (this.runs === this.starts.length) {
      this.starts = grown(this.starts, this.runs * 2);
      this.lines = grown(this.lines, this.runs * 2);
    }
    this.starts[this.runs] = this.rows;
    this.lines[this.runs] = line;
    this.runs++;
  }
}

function fitsUint32(line: number): boolean {
  return line >= 0 && line <= 0xffffffff;
}
