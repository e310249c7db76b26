import { kernelModule, roomFor } from '../../wasmKernel.js';
import { LINE_SPLIT_KERNEL } from './lineSplitKernelBytes.js';
import { nextLineFields } from './plainFile.js';
import type { KeyBytes } from '../../model/byteKeys.js';

/**
 * A batch's lines split into fields, read one by one as nextLineFields reads them (`next` has
 * its contract), but split in blocks of BLOCK_LINES by the WebAssembly kernel
 * (lineSplitKernel.wat): each 16 bytes are compared with the delimiter and the line feed at
 * once, where the JavaScript loop tested every byte. Where WebAssembly SIMD is missing,
 * nextLineFields itself runs. The same bounds, line bounds and refusals either way; the
 * property test holds the two together.
 */
export class LineSplitter {
  private kernel: Kernel | null = KERNEL_MODULE === null ? null : (new WebAssembly.Instance(KERNEL_MODULE).exports as unknown as Kernel);
  private bytes: Uint8Array = new Uint8Array(0);
  private last = false;
  private crlf = false;
  private delimiter = 0;
  private width = 0;
  /** Where the kernel goes on from, and the block it split last: lines `done` … `count` − 1 are still to give. */
  private at = 0;
  private count = 0;
  private done = 0;
  /** The kernel stopped its block at a CRLF file's line without its CR: `next` says −2 once the block's lines are given. */
  private refused = false;
  private boundsView = new Int32Array(0);
  /** Where the current block's bounds were copied at once (see `next`), if they were. */
  private copiedTo: Int32Array | null = null;
  private copiedBase = 0;
  private linesView = new Int32Array(0);

  /** Starts on `bytes` from its first byte; the kernel's memory gets a copy of them. */
  start(bytes: Uint8Array, last: boolean, crlf: boolean, delimiter: number, width: number): void {
    this.bytes = bytes;
    this.last = last;
    this.crlf = crlf;
    this.delimiter = delimiter;
    this.width = width;
    this.at = 0;
    this.count = 0;
    this.done = 0;
    this.refused = false;
    const kernel = this.kernel;
    if (kernel === null) return;
    // The bytes, 16 bytes the last vector may read, then the block's bounds and lines.
    const boundsAt = align(bytes.length + 16);
    const linesAt = boundsAt + BLOCK_LINES * width * 8;
    roomFor(kernel.memory, linesAt + BLOCK_LINES * 12);
    const memory = kernel.memory.buffer;
    new Uint8Array(memory, 0, bytes.length).set(bytes);
    new Uint8Array(memory, bytes.length, 16).fill(0);
    this.boundsView = new Int32Array(memory, boundsAt, BLOCK_LINES * width * 2);
    this.linesView = new Int32Array(memory, linesAt, BLOCK_LINES * 3);
  }

  /**
   * nextLineFields on the next line: its field bounds at bounds[base …], line[0], line[1] its
   * bounds and line[2] 1 when it has exactly `width` fields; returns where the following line
   * starts, −1 when no whole line is left, −2 when a CRLF file's line lacks its CR. When
   * `bounds` has room, the bounds of the lines after this one in the kernel's block are written
   * after it too (base + 2 · width · j for the j-th next): a caller's later lines go there, or
   * overwrite them.
   */
  next(bounds: Int32Array, base: number, line: Int32Array): number {
    if (this.kernel === null) {
      this.at = nextLineFields(this.bytes, this.at, this.last, this.crlf, this.delimiter, this.width, bounds, base, line);
      return this.at;
    }
    if (this.done === this.count) {
      if (this.refused) return -2;
      const kernel = this.kernel;
      this.count = kernel.split(this.at, this.bytes.length, this.last ? 1 : 0, this.crlf ? 1 : 0, this.delimiter, this.width, this.boundsView.byteOffset, this.linesView.byteOffset, BLOCK_LINES);
      // Lines before a refused one are still given, as nextLineFields gives them.
      this.refused = kernel.refused.value === 1;
      this.done = 0;
      this.copiedTo = null;
      this.at = kernel.next.value as number;
      if (this.count === 0) return this.refused ? -2 : -1;
    }
    const k = this.done++;
    const w2 = 2 * this.width;
    const from = k * w2;
    const fields = this.boundsView;
    if (k === 0 && bounds.length >= base + this.count * w2) {
      // Callers lay a batch's lines out one after another (base grows by 2 · width a line):
      // the block's bounds go where its lines will ask for them, in one copy.
      bounds.set(fields.subarray(0, this.count * w2), base);
      this.copiedTo = bounds;
      this.copiedBase = base;
    } else if (bounds !== this.copiedTo || base !== this.copiedBase + from) {
      for (let j = 0; j < w2; j++) bounds[base + j] = fields[from + j]!;
    }
    line[0] = this.linesView[3 * k]!;
    line[1] = this.linesView[3 * k + 1]!;
    line[2] = this.linesView[3 * k + 2]!;
    return line[1] === this.bytes.length ? this.bytes.length + 1 : this.nextStart(k);
  }

  /**
   * The cells of n lines of the batch `start` was given, copied back to back as CustomerKeys
   * reads them (an e-mail, a cell holding '@', lower-cased A-Z), by the kernel: line k's cell
   * is bytes[bounds[base + 2 · field], bounds[base + 2 · field + 1]) with base k · stride, or
   * bases[k] when given. A view of the kernel's memory, good until the next `start` or
   * `gather`; null where the kernel does not run (the caller copies them itself).
   */
  gather(bounds: Int32Array, field: number, stride: number, bases: Int32Array | null, n: number): KeyBytes | null {
    const kernel = this.kernel;
    if (kernel === null) return null;
    const cellsAt = align(this.linesView.byteOffset + BLOCK_LINES * 12);
    const endsAt = cellsAt + n * 8;
    const outAt = align(endsAt + n * 4);
    // The cells hold at most the batch's bytes, and the last write passes its end by 16.
    if (roomFor(kernel.memory, outAt + this.bytes.length + 32)) this.views();
    const cells = new Int32Array(kernel.memory.buffer, cellsAt, 2 * n);
    for (let k = 0; k < n; k++) {
      const at = (bases === null ? k * stride : bases[k]!) + 2 * field;
      cells[2 * k] = bounds[at]!;
      cells[2 * k + 1] = bounds[at + 1]!;
    }
    const used = kernel.gather(cellsAt, n, outAt, endsAt);
    return { bytes: new Uint8Array(kernel.memory.buffer, outAt, used), ends: new Int32Array(kernel.memory.buffer, endsAt, n) };
  }

  /** The bounds and lines blocks as views of the kernel's memory (again after it grew). */
  private views(): void {
    const memory = this.kernel!.memory.buffer;
    this.boundsView = new Int32Array(memory, this.boundsView.byteOffset, this.boundsView.length);
    this.linesView = new Int32Array(memory, this.linesView.byteOffset, this.linesView.length);
  }

  /** Where the line after block line k starts: just past its line feed. */
  private nextStart(k: number): number {
    if (k + 1 < this.count) return this.linesView[3 * (k + 1)]!;
    return this.at;
  }
}

interface Kernel {
  memory: WebAssembly.Memory;
  next: WebAssembly.Global;
  refused: WebAssembly.Global;
  split(at: number, len: number, last: number, crlf: number, delimiter: number, width: number, boundsAt: number, linesAt: number, maxLines: number): number;
  gather(cellsAt: number, n: number, outAt: number, endsAt: number): number;
}

/** Lines split per call of the kernel: their bounds are copied out at once when the caller's array has room, else a line at a time (see `next`). */
const BLOCK_LINES = 4096;

function align(n: number): number {
  return (n + 15) & ~15;
}

/** Null where WebAssembly or its SIMD is missing (nextLineFields then runs). */
const KERNEL_MODULE = kernelModule(LINE_SPLIT_KERNEL);

/** Whether the kernel runs here (for tests). */
export function lineKernelRuns(): boolean {
  return KERNEL_MODULE !== null;
}
