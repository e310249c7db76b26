import { isAscii } from 'node:buffer';
import type { FileHandle } from 'node:fs/promises';
import { RowAccounting } from '../accounting.js';
import type { MappedRows, RowShape } from '../mappedRows.js';
import { finishOrders, orderRowsFor } from '../orders.js';
import type { OrderRows } from '../orderRows.js';
import { mapPlainLine, PLAIN_CHUNK, PlainFileLoop, plainSetup, splitLines, startPlain, type PlainBatches } from './plainFile.js';
import { canonicalOrderLine, grownBlock, orderLineLayout, valueArrays, valueColumns, type OrderLineLayout } from './plainOrderLine.js';
import { LineIds } from './lineIds.js';
import { LineItemBatchReader } from './plainLineItems.js';
import type { IngestOptions, LoadedOrders } from '../records.js';
import type { Preset } from '../presets/preset.js';
import type { ParallelReader } from './parallelOrders.js';
import type { ColumnObserver } from '../profile.js';
import { ByteObserver } from './byteObserver.js';
import { grown } from '../../model/grown.js';
import { ORDER_COLUMNS, REQUIRED_ORDER_COLUMNS, type OrderColumn, type PlainBlock } from '../../model/orderTable.js';

/**
 * The orders reader for plain files, straight from bytes (see plainFile.ts): no CSV parser,
 * decoded text or per-row strings are needed: a row whose cells are already canonical (no
 * spaces to trim, an ISO date, a plain decimal amount) goes to OrderRows.plainBlock as numbers;
 * every other row is turned into strings and read by the same code as the general path
 * (mapRecord, OrderRows.row). Lines are taken in the same 1 MB batches as the general path,
 * so even the order in which problems are noted is the same.
 *
 * After the first batch, `rest` may read the remainder of a large file on other threads
 * (parallelOrders.ts); whatever it does not finish is read here, batch by batch.
 *
 * Returns null as soon as the file is not plain (a quote, a NUL byte, invalid UTF-8, a UTF-16
 * mark, a preset that merges rows, …): the caller then reads it with the general path, which
 * also produces every error message.
 */
export async function readPlainOrders(
  file: FileHandle,
  size: number,
  fileName: string,
  options: IngestOptions,
  presets: readonly Preset[],
  progress?: { read(chunk: Uint8Array): void },
  chunkSize = PLAIN_CHUNK,
  rest?: (loop: PlainFileLoop<ParallelReader>) => Promise<'eof' | 'paused' | 'not-plain'>,
): Promise<LoadedOrders | null> {
  const loop = new PlainFileLoop<OrderBatchReader | LineItemBatchReader>(file, size, progress, chunkSize, (bytes, last, lines) => {
    const start = startPlain(bytes, last, fileName, 'orders', ORDER_COLUMNS, REQUIRED_ORDER_COLUMNS, options.ordersFormat, options, presets);
    if (start === null) return null;
    const { input, shape, headerBytes } = start;
    const rows = orderRowsFor(input, options, new RowAccounting(fileName, options.strict, options.maxUnusable));
    if (input.mapping.preset?.fold) {
      const spec = LineItemBatchReader.applies(input);
      if (spec === null) return null;
      // About one order per line item (untouched room costs no memory).
      rows.table.reserve(lines);
      return new LineItemBatchReader(fileName, input, rows, shape, headerBytes, spec);
    }
    const reader = new OrderBatchReader(fileName, input, rows, shape, headerBytes);
    // Room for the whole file at the first batch's bytes per line: no growing and copying.
    reader.rows.table.reserve(lines);
    return reader;
  });
  let step = await loop.run(rest ? 0 : Infinity);
  if (step === 'paused' && rest) step = await rest(loop);
  if (step === 'paused') step = await loop.run();
  return step === 'not-plain' ? null : loop.reader!.finish();
}

/** The byte reader's state for one orders file: what range readers need to carry on with it. */
export class OrderBatchReader implements PlainBatches {
  /** Line number of the next line. */
  line = 2;

  private readonly state = { blank: 0 };
  readonly layout: OrderLineLayout;
  readonly crlf: boolean;
  readonly delimiterByte: number;
  readonly opaque: Uint8Array | undefined;
  /** The current batch is all ASCII: its ids need no Unicode normalisation. */
  private ascii = false;
  readonly profiled: { column: string; position: number }[];
  private readonly width: number;
  /** Per line of the current batch: field boundaries (width × [start, end]), and its row. */
  private bounds = new Int32Array(0);
  private block: PlainBlock = { customer: new Int32Array(0), status: new Int32Array(0), orderId: new Int32Array(0), repeated: new Uint8Array(0), ...valueColumns(0) };
  private arrays = valueArrays(this.block);
  private readonly ids: LineIds;
  private readonly observed: ByteObserver;
  private first = true;

  constructor(
    private readonly fileName: string,
    private readonly input: Omit<MappedRows, 'rows'>,
    readonly rows: OrderRows,
    private readonly shape: RowShape,
    private readonly headerBytes: number,
  ) {
    ({ crlf: this.crlf, delimiterByte: this.delimiterByte, opaque: this.opaque, profiled: this.profiled } = plainSetup(input, shape.width));
    this.width = shape.width;
    const p = input.mapping.positions;
    this.layout = orderLineLayout(this.delimiterByte, shape.width, rows.decimal, (c: OrderColumn) => p.get(c) ?? -1);
    this.ids = new LineIds(rows.table, this.layout);
    this.observed = new ByteObserver(input.observer, this.profiled);
  }

  /**
   * One batch of whole lines, in two passes as the general path does: first every line is
   * split and the ones that are not already canonical are mapped (mapRecord may skip them),
   * then every row is read in order: each run of canonical rows as one block, each other row
   * by the row rule.
   */
  batch(bytes: Buffer, last: boolean): boolean {
    let at = 0;
    if (this.first) {
      at = this.headerBytes;
      this.first = false;
    }
    const mapped = new Map<number, Partial<Record<string, string>> | null>();
    const firstLine = this.line;
    this.ascii = isAscii(bytes);
    let plain = true;
    const n = splitLines(bytes, at, last, this.crlf, (start, end, k) => {
      if (k === this.block.customer.length) this.grow();
      if (!canonicalOrderLine(bytes, start, end, this.layout, this.bounds, k * this.width * 2, this.arrays, k, this.ascii)) {
        const row = mapPlainLine(bytes, start, end, this.input.dialect.delimiter, firstLine + k, this.shape, this.rows.acc, this.state);
        if (row === undefined) plain = false;
        mapped.set(k, row === null || row === undefined ? null : row.values);
      }
    });
    if (n < 0 || !plain) return false;
    this.line = firstLine + n;
    let run = 0;
    for (let k = 0; k < n; k++) {
      const values = mapped.get(k);
      if (values === undefined) {
        this.plainRow(bytes, k);
        continue;
      }
      if (k > run) this.rows.plainBlock(firstLine + run, run, k - run, this.block);
      run = k + 1;
      if (values !== null) {
        for (const { column } of this.profiled) this.input.observer.observe(column, values[column]);
        this.rows.row(firstLine + k, values);
      }
    }
    if (n > run) this.rows.plainBlock(firstLine + run, run, n - run, this.block);
    return true;
  }

  get observer(): ColumnObserver {
    return this.input.observer;
  }

  finish(): LoadedOrders {
    this.observed.flush();
    if (this.state.blank > 0) this.input.warnings.push(`${this.state.blank} empty row(s) with only delimiters ignored`);
    return finishOrders(this.fileName, this.input, this.rows);
  }

  private grow(): void {
    const lines = Math.max(1024, this.block.customer.length * 2);
    this.bounds = grown(this.bounds, lines * this.width * 2);
    this.block = grownBlock(this.block, lines);
    this.arrays = valueArrays(this.block);
  }

  /** Numbers the ids and status of canonical line k of the batch into its block row. */
  private plainRow(bytes: Buffer, k: number): void {
    const base = k * this.width * 2;
    this.rows.acc.rowsRead++;
    this.observed.line(bytes, this.bounds, base);
    this.ids.number(bytes, this.bounds, base, this.block, k);
  }
}
