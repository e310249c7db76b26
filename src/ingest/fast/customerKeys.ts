import { ByteKeys, type KeyBytes } from '../../model/byteKeys.js';
import type { KeyView } from '../../model/keyView.js';
import { KeyList } from './keyList.js';
import { AT, hasByte } from './plainBytes.js';
import type { LineSplitter } from './lineSplitter.js';

/**
 * Numbers canonical customer cells in `keys`: by their bytes, or for an e-mail id (all ASCII,
 * checked by `clean`) by its bytes lower-cased as normalizeCustomerId does.
 */
export class CustomerKeys {
  private readonly lower = new LowerCased();

  constructor(readonly keys: ByteKeys) {}

  add(bytes: Uint8Array, start: number, end: number): number {
    if (!hasByte(bytes, start, end, AT)) return this.keys.add(bytes, start, end);
    return this.keys.add(this.lower.bytes, 0, this.lower.write(bytes, start, end));
  }

  /**
   * `add` of cells bytes[starts[j], ends[j]) for j < n, in order, into out[j]: the numbers
   * `add` one by one gives, found together (ByteKeys.addMany reads their slots ahead).
   */
  addMany(bytes: Uint8Array, starts: Int32Array, ends: Int32Array, n: number, out: Int32Array): void {
    const cells = this.cells;
    cells.clear(n);
    for (let j = 0; j < n; j++) cells.push(bytes, starts[j]!, ends[j]!);
    if (this.fresh.length < n) this.fresh = new Uint8Array(n);
    this.keys.addMany(cells, n, out, this.fresh);
  }

  private readonly cells = new CellBlock();
  private fresh = new Uint8Array(0);
}

/**
 * A worker's customer cells, read as CustomerKeys reads them: the main table's number when the
 * worker's view of that table has the id already (≥ 0), else −2 − the id's number among the
 * message's ids the view did not have (`take` hands those over and starts afresh). So a worker
 * keeps only a message's new ids, and the main thread numbers each id about once.
 */
export class ViewedCustomerKeys {
  private readonly lower = new LowerCased();
  /** The message's ids the view did not have, numbered, and their bytes in number order. */
  private readonly fresh = new ByteKeys();
  private readonly sent = new KeyList();
  private readonly cells = new CellBlock();

  constructor(readonly view: KeyView) {}

  add(bytes: Uint8Array, start: number, end: number): number {
    if (hasByte(bytes, start, end, AT)) {
      end = this.lower.write(bytes, start, end);
      bytes = this.lower.bytes;
      start = 0;
    }
    const k = this.view.find(bytes, start, end);
    return k >= 0 ? k : this.addFresh(bytes, start, end);
  }

  /**
   * `add` of n cells at once, cell k at bounds[k · stride + 2 · field] and the next int (as a
   * batch's field bounds are laid out): their numbers in `out`. The view is asked for all of
   * them together (KeyView.findMany).
   */
  addMany(bytes: Uint8Array, bounds: Int32Array, field: number, stride: number, n: number, out: Int32Array, splitter?: LineSplitter): void {
    this.numberCells(this.cellsOf(bytes, bounds, field, stride, null, n, splitter), n, out);
  }

  /** addMany of the cells of the lines whose field bounds start at bases[0 … n − 1] (some of a batch's lines). */
  addManyAt(bytes: Uint8Array, bounds: Int32Array, field: number, bases: Int32Array, n: number, out: Int32Array, splitter?: LineSplitter): void {
    this.numberCells(this.cellsOf(bytes, bounds, field, 0, bases, n, splitter), n, out);
  }

  /**
   * The n cells (line k's bounds at bases[k], else k · stride) back to back as `add` reads them:
   * gathered by the splitter's kernel when it runs, else copied here.
   */
  private cellsOf(bytes: Uint8Array, bounds: Int32Array, field: number, stride: number, bases: Int32Array | null, n: number, splitter?: LineSplitter): KeyBytes {
    const gathered = splitter?.gather(bounds, field, stride, bases, n) ?? null;
    if (gathered !== null) return gathered;
    const cells = this.cells;
    cells.clear(n);
    for (let k = 0; k < n; k++) {
      const at = (bases === null ? k * stride : bases[k]!) + 2 * field;
      cells.push(bytes, bounds[at]!, bounds[at + 1]!);
    }
    return cells;
  }

  /** The numbers of the n cells in `cells`: the view's, else fresh ones in order. */
  private numberCells(cells: KeyBytes, n: number, out: Int32Array): void {
    this.view.findMany(cells, n, out);
    for (let k = 0; k < n; k++) if (out[k]! < 0) out[k] = this.addFresh(cells.bytes, k === 0 ? 0 : cells.ends[k - 1]!, cells.ends[k]!);
  }

  /** −2 − the number of a key the view does not have, among the message's. */
  private addFresh(bytes: Uint8Array, start: number, end: number): number {
    const j = this.fresh.add(bytes, start, end);
    if (this.fresh.isNew) this.sent.push(bytes, start, end);
    return -2 - j;
  }

  /** The message's ids the view did not have, in their numbers' order, in `room` (see KeyList.moveTo); the next message starts afresh. */
  take(room: KeyBytes): KeyBytes {
    this.fresh.clear();
    return this.sent.moveTo(room);
  }
}

/** Customer cells back to back (KeyBytes), e-mails lower-cased as CustomerKeys.add reads them. */
class CellBlock implements KeyBytes {
  bytes = Buffer.allocUnsafe(1 << 16);
  ends = new Int32Array(0);
  private used = 0;
  private count = 0;

  /** Starts afresh, with room for n cells' ends. */
  clear(n: number): void {
    if (this.ends.length < n) this.ends = new Int32Array(n * 2);
    this.used = 0;
    this.count = 0;
  }

  push(bytes: Uint8Array, start: number, end: number): void {
    let used = this.used;
    if (used + end - start > this.bytes.length) this.bytes = Buffer.concat([this.bytes.subarray(0, used)], Math.max(used + end - start, this.bytes.length * 2));
    const keys = this.bytes;
    if (hasByte(bytes, start, end, AT)) for (let i = start; i < end; i++) keys[used++] = lowerAscii(bytes[i]!);
    else for (let i = start; i < end; i++) keys[used++] = bytes[i]!;
    this.used = used;
    this.ends[this.count++] = used;
  }
}

/** An e-mail id's bytes lower-cased into a kept buffer. */
class LowerCased {
  bytes = Buffer.allocUnsafe(256);

  /** Writes bytes[start, end) lower-cased (ASCII) at the start of `bytes`; returns its length. */
  write(bytes: Uint8Array, start: number, end: number): number {
    const n = end - start;
    if (n > this.bytes.length) this.bytes = Buffer.allocUnsafe(n * 2);
    const out = this.bytes;
    for (let i = 0; i < n; i++) out[i] = lowerAscii(bytes[start + i]!);
    return n;
  }
}

function lowerAscii(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}
