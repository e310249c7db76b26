import { open } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { columnBuffers, OrderRangeParser, type OrderRangeRows, type RangeColumns } from './orderRangeParse.js';
import { LineItemRangeParser, type RangeFold } from './lineItemRangeParse.js';
import { PlainFileLoop } from './plainFile.js';
import type { KeyViewUpdate } from '../../model/byteKeys.js';
import type { NumberForm } from '../../model/numberedKeys.js';
import type { OrderLineLayout } from './plainOrderLine.js';

/**
 * A worker thread reading ranges of a plain orders file for parallelOrders.ts. Each range
 * starts where the byte loop would be after some chunk (a cursor), so the worker's batches
 * are the main thread's; rows go back in messages of about `messageBytes` of the file, each
 * with the cursor after it. A batch the parser refuses ends the range early ('declined' with
 * the cursor before it): the main thread reads from there.
 */
export interface OrderRangeJob {
  path: string;
  size: number;
  chunkSize: number;
  messageBytes: number;
  layout: OrderLineLayout;
  crlf: boolean;
  /** Per field, 1 when no role reads it (see unquoteCells). */
  opaque: Uint8Array | undefined;
  /** A line-item export's fields (LineItemRangeParser), else null. */
  fold: RangeFold | null;
  profiled: number[];
  /** The main table's customer ids, shared (ByteKeys.view): ids found there go back as its numbers. */
  customerView: KeyViewUpdate;
  customerForm: NumberForm | null;
  /** The form of the order ids the table's bitmap holds: sent as numbers. */
  orderForm: NumberForm | null;
  ranges: OrderRange[];
  /** Int32Array [ranges applied by the main thread]: a worker waits to stay `lookahead` ahead. */
  applied: SharedArrayBuffer;
  lookahead: number;
}

/** Range `index`: lines from file offset `from`, the loop's next chunk at `position`, to the cursor at `until`. */
export interface OrderRange {
  index: number;
  from: number;
  position: number;
  /** Infinity for the last range (to the end of the file). */
  until: number;
}

export interface RangeCursor {
  position: number;
  /** File offset of the first line not yet read. */
  carryFrom: number;
}

export type OrderRangeMessage =
  | { kind: 'rows'; range: number; rows: OrderRangeRows; cursor: RangeCursor; bytes: number }
  | { kind: 'end'; range: number; step: 'done' | 'declined'; cursor: RangeCursor };

/** From the main thread: a message's columns, applied and given back to be written again, and the table's ids since. */
export interface RecycledColumns {
  kind: 'recycle';
  columns: RangeColumns;
  view: KeyViewUpdate;
}

async function run(job: OrderRangeJob, post: (m: OrderRangeMessage, transfer: ArrayBuffer[]) => void, parser: OrderRangeParser): Promise<void> {
  const file = await open(job.path, 'r');
  try {
    const applied = new Int32Array(job.applied);
    // One loop, and so one read buffer, for every range.
    const loop = new PlainFileLoop<OrderRangeParser>(file, job.size, undefined, job.chunkSize);
    loop.reader = parser;
    for (const range of job.ranges) {
      for (let a = Atomics.load(applied, 0); range.index - a > job.lookahead; a = Atomics.load(applied, 0)) Atomics.wait(applied, 0, a, 1000);
      parser.startRange();
      const carry = Buffer.alloc(range.position - range.from);
      await file.read(carry, 0, carry.length, range.from);
      loop.cursor = { position: range.position, carry };
      let step;
      do {
        const before = loop.cursor.position;
        step = await loop.run(Math.min(range.until, before + job.messageBytes));
        const rows = parser.take();
        post({ kind: 'rows', range: range.index, rows, cursor: cursorOf(loop), bytes: loop.cursor.position - before }, columnBuffers(rows));
      } while (step === 'paused' && loop.cursor.position < range.until);
      post({ kind: 'end', range: range.index, step: step === 'not-plain' ? 'declined' : 'done', cursor: cursorOf(loop) }, []);
    }
  } finally {
    await file.close();
  }
}

function cursorOf(loop: PlainFileLoop<OrderRangeParser>): RangeCursor {
  return { position: loop.cursor.position, carryFrom: loop.cursor.position - loop.cursor.carry.length };
}

if (parentPort !== null && workerData !== null && typeof workerData === 'object' && 'ranges' in workerData) {
  const port = parentPort;
  const job = workerData as OrderRangeJob;
  const parser =
    job.fold === null
      ? new OrderRangeParser(job.layout, job.crlf, job.profiled, job.opaque, job.customerView, job.customerForm, job.orderForm)
      : new LineItemRangeParser(job.layout, job.crlf, job.profiled, job.opaque, job.fold, job.customerView, job.customerForm, job.orderForm);
  const recycle = (m: RecycledColumns) => parser.recycle(m.columns, m.view);
  port.on('message', recycle);
  try {
    await run(job, (m, transfer) => port.postMessage(m, transfer), parser);
  } finally {
    port.off('message', recycle);
  }
}
