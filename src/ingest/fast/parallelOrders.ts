import { existsSync, readSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { RangeApplier, type RangeReader } from './orderRangeApply.js';
import type { RangeFold } from './lineItemRangeParse.js';
import type { OrderLineLayout } from './plainOrderLine.js';
import type { OrderRange, OrderRangeJob, OrderRangeMessage, RangeCursor, RecycledColumns } from './orderRangeWorker.js';
import { columnBuffers, rangeColumns, type OrderRangeRows, type RangeColumns } from './orderRangeParse.js';
import { DataError } from '../../errors.js';
import type { PlainBatches, PlainFileLoop, PlainStep } from './plainFile.js';

/** The reader on this thread whose batches workers read ahead of it (OrderBatchReader, LineItemBatchReader). */
export interface ParallelReader extends PlainBatches, RangeReader {
  readonly layout: OrderLineLayout;
  /** A line-item export's field positions for the workers (LineItemRangeParser). */
  rangeFold?(): RangeFold;
}

/**
 * Reads the rest of a large plain orders file on worker threads while this thread is free
 * (for the tickets file, say). The rest is cut into ranges that start where the byte loop
 * would be after some chunk; workers read them in turn (worker w takes ranges w, w + W, …)
 * and this thread applies their rows in file order (RangeApplier). So the batches, the rows
 * and every number are the byte reader's own.
 *
 * Whatever a worker does not finish — a batch it refuses (a row it cannot read as canonical),
 * a failure, or no word for `stallMs` — this thread reads itself from the last cursor it
 * applied, up to the range's end, with the byte reader: the result is the same and nothing
 * hangs. Files below `minBytes`, or where the compiled worker is missing (tests run from
 * source), are read on this thread alone.
 */
export interface ParallelOptions {
  worker?: URL;
  workers?: number;
  minBytes?: number;
  rangeBytes?: number;
  messageBytes?: number;
  stallMs?: number;
}

const DEFAULT_WORKER = new URL('./orderRangeWorker.js', import.meta.url);
const MIN_BYTES = 32 * 1024 * 1024;
const RANGE_BYTES = 16 * 1024 * 1024;
const MESSAGE_BYTES = 4 * 1024 * 1024;
const LF = 0x0a;

export function parallelRest(
  path: string,
  size: number,
  progress: { advance?(bytes: number, rows: number): void } | undefined,
  options: ParallelOptions = {},
): ((loop: PlainFileLoop<ParallelReader>) => Promise<PlainStep>) | undefined {
  const worker = options.worker ?? DEFAULT_WORKER;
  const workers = options.workers ?? envThreads() ?? Math.min(2, availableParallelism());
  if (workers < 1 || size < (options.minBytes ?? MIN_BYTES)) return undefined;
  if (worker.protocol === 'file:' && !existsSync(fileURLToPath(worker))) return undefined;
  return async (loop) => {
    const ranges = planRanges(loop, size, options.rangeBytes ?? RANGE_BYTES);
    const job = { path, size, chunkSize: loop.chunkSize, messageBytes: options.messageBytes ?? MESSAGE_BYTES };
    return new RangeRun(loop, ranges, Math.min(workers, ranges.length), worker, job, progress, options.stallMs ?? 30_000).run();
  };
}

/** LOYALTY_THREADS: worker threads for reading orders (0 = this thread only); unset or invalid = default. */
function envThreads(): number | undefined {
  const value = process.env.LOYALTY_THREADS;
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined;
}

/**
 * Ranges of about `rangeBytes` from the loop's cursor to the end: each later one starts after
 * the last newline before a chunk boundary, which is where the loop's batch ends.
 */
function planRanges(loop: PlainFileLoop<ParallelReader>, size: number, rangeBytes: number): OrderRange[] {
  const chunk = loop.chunkSize;
  const ranges: OrderRange[] = [{ index: 0, from: loop.cursor.position - loop.cursor.carry.length, position: loop.cursor.position, until: Infinity }];
  const probe = Buffer.alloc(Math.min(chunk, 1 << 20));
  for (;;) {
    const previous = ranges[ranges.length - 1]!;
    const position = Math.ceil((previous.position + rangeBytes) / chunk) * chunk;
    if (position >= size) break;
    // The loop's batch for the chunk ending at `position` ends after its last newline.
    const at = Math.max(previous.position, position - probe.length);
    const nl = lastLineFeed(loop.file.fd, probe, at, position);
    if (nl < 0) break;
    previous.until = position;
    ranges.push({ index: ranges.length, from: nl + 1, position, until: Infinity });
  }
  return ranges;
}

/**
 * The file position of the last line feed in [at, to), or −1; the last 64 KB are read first,
 * which nearly always hold one. Read synchronously: each await let the tickets file, read
 * meanwhile on this thread, take its turn, and ~50 ranges' reads held the workers' start back
 * by over a second.
 */
function lastLineFeed(fd: number, probe: Buffer, at: number, to: number): number {
  for (const length of [Math.min(1 << 16, to - at), to - at]) {
    const bytesRead = readSync(fd, probe, 0, length, to - length);
    const nl = probe.subarray(0, bytesRead).lastIndexOf(LF);
    if (nl >= 0) return to - length + nl;
  }
  return -1;
}

type Event = OrderRangeMessage | { kind: 'failed' };

class RangeRun {
  private readonly inbox: Event[][];
  private readonly waiting: (() => void)[] = [];
  /** Per worker, its thread (null when it could not be started). */
  private readonly threads: (Worker | null)[] = [];
  private readonly appliers: RangeApplier[] = [];
  private readonly applied = new Int32Array(new SharedArrayBuffer(4));
  /** Per worker, the table's customer-id chunks it has been sent. */
  private readonly chunksSent: number[] = [];

  constructor(
    private readonly loop: PlainFileLoop<ParallelReader>,
    private readonly ranges: OrderRange[],
    private readonly workers: number,
    private readonly worker: URL,
    private readonly job: Pick<OrderRangeJob, 'path' | 'size' | 'chunkSize' | 'messageBytes'>,
    private readonly progress: { advance?(bytes: number, rows: number): void } | undefined,
    private readonly stallMs: number,
  ) {
    this.inbox = ranges.map(() => []);
  }

  async run(): Promise<PlainStep> {
    try {
      this.start();
      for (const range of this.ranges) {
        const step = await this.take(range);
        if (step !== 'paused') return step;
        Atomics.store(this.applied, 0, range.index + 1);
        Atomics.notify(this.applied, 0);
      }
      return 'eof';
    } finally {
      for (const t of this.threads) void t?.terminate();
    }
  }

  private start(): void {
    const reader = this.loop.reader!;
    const ids = reader.rows.table.customerIds;
    ids.share();
    // About an order id a row, if the rows so far had one each: the table holds room for the
    // file's estimated rows (a line-item export's room is a row a line, not an order).
    const table = reader.rows.table;
    if (reader.rangeFold === undefined) table.orderIds.reserve(table.capacity - table.length, table.length);
    for (let w = 0; w < this.workers; w++) {
      this.appliers.push(new RangeApplier(reader));
      this.chunksSent.push(ids.chunkCount);
      const job: OrderRangeJob = {
        ...this.job,
        layout: reader.layout,
        crlf: reader.crlf,
        opaque: reader.opaque,
        fold: reader.rangeFold?.() ?? null,
        profiled: reader.profiled.map((p) => p.position),
        customerView: ids.view(0),
        customerForm: ids.numberForm,
        orderForm: reader.rows.table.orderIds.numberForm,
        ranges: this.ranges.filter((r) => r.index % this.workers === w),
        applied: this.applied.buffer as SharedArrayBuffer,
        // Two ranges more than the workers: while this thread reads tickets it applies slowly,
        // and workers kept one range ahead would both wait, leaving a core idle.
        lookahead: this.workers + 1,
      };
      let thread: Worker;
      try {
        thread = new Worker(this.worker, { workerData: job, resourceLimits: { maxYoungGenerationSizeMb: 4 } });
      } catch {
        this.threads.push(null);
        for (const r of job.ranges) this.post(r.index, { kind: 'failed' });
        continue;
      }
      thread.unref();
      thread.on('message', (m: OrderRangeMessage) => this.post(m.range, m));
      const fail = () => {
        for (const r of job.ranges) this.post(r.index, { kind: 'failed' });
      };
      thread.on('error', fail);
      thread.on('exit', fail);
      this.threads.push(thread);
    }
  }

  private post(range: number, event: Event): void {
    this.inbox[range]!.push(event);
    this.waiting.splice(0).forEach((wake) => wake());
  }

  /** Applies range `range`'s rows as they come; reads on this thread what its worker left. */
  private async take(range: OrderRange): Promise<PlainStep> {
    const applier = this.appliers[range.index % this.workers]!;
    let cursor: RangeCursor = { position: range.position, carryFrom: range.from };
    for (;;) {
      const event = await this.next(range.index);
      if (event.kind === 'rows') {
        // A line item that would change its order: the general path's file.
        if (!this.applyRows(applier, event.rows)) return 'not-plain';
        this.giveBack(range.index % this.workers, event.rows);
        cursor = event.cursor;
        this.progress?.advance?.(event.bytes, event.rows.fold?.lines ?? event.rows.rows);
        continue;
      }
      if (event.kind === 'end' && event.step === 'done') return range.until === Infinity ? 'eof' : 'paused';
      if (event.kind === 'end') cursor = event.cursor;
      else void this.threads[range.index % this.workers]?.terminate();
      return this.readHere(cursor, range.until);
    }
  }

  /**
   * Applies a message; false hands the file to the general path. A row-rule error (--strict,
   * --max-unusable) in a line-item export does too: the general path reports such errors only
   * after folding every line, so its message may differ (LineItemBatchReader does the same).
   */
  private applyRows(applier: RangeApplier, rows: OrderRangeRows): boolean {
    try {
      return applier.apply(rows);
    } catch (e) {
      if (e instanceof DataError && rows.fold !== null) return false;
      throw e;
    }
  }

  /** A message's columns back to its worker, to be written again (see OrderRangeParser.recycle). */
  private giveBack(w: number, rows: RangeColumns): void {
    const columns = rangeColumns(rows);
    const ids = this.loop.reader!.rows.table.customerIds;
    const recycled: RecycledColumns = { kind: 'recycle', columns, view: ids.view(this.chunksSent[w]!) };
    this.chunksSent[w] = ids.chunkCount;
    try {
      this.threads[w]?.postMessage(recycled, columnBuffers(columns));
    } catch {
      // A worker that has stopped needs no buffers.
    }
  }

  private async readHere(cursor: RangeCursor, until: number): Promise<PlainStep> {
    const carry = Buffer.alloc(cursor.position - cursor.carryFrom);
    await this.loop.file.read(carry, 0, carry.length, cursor.carryFrom);
    this.loop.cursor = { position: cursor.position, carry };
    return this.loop.run(until);
  }

  /** The next event of a range, or 'failed' after `stallMs` without one. */
  private async next(range: number): Promise<Event> {
    const inbox = this.inbox[range]!;
    while (inbox.length === 0) {
      let timer: NodeJS.Timeout | undefined;
      const stalled = await new Promise<boolean>((resolve) => {
        this.waiting.push(() => resolve(false));
        timer = setTimeout(() => resolve(true), this.stallMs);
      });
      clearTimeout(timer);
      if (stalled && inbox.length === 0) return { kind: 'failed' };
    }
    return inbox.shift()!;
  }
}
