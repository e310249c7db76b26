import { isUtf8 } from 'node:buffer';
import type { FileHandle } from 'node:fs/promises';
import { RowAccounting } from './accounting.js';
import { sniffDialect, type Dialect } from './dialect.js';
import { indexHeaders } from './headers.js';
import { isBlank, mapRecord, rowShape, type MappedRows, type RowShape } from './mappedRows.js';
import { mapColumns, resolveFormat } from './mapping.js';
import { finishOrders, orderRowsFor } from './orders.js';
import type { OrderRows } from './orderRows.js';
import { ColumnObserver } from './profile.js';
import { ORDER_COLUMNS, REQUIRED_ORDER_COLUMNS, type IngestOptions, type LoadedOrders } from './records.js';
import type { Preset, Role } from './presets/preset.js';
import { fastIsoMsBytes } from './values/timestamp.js';
import { ByteKeys } from './byteKeys.js';
import { AT, clean, hasByte, plainAmount } from './values/plainBytes.js';

/**
 * The orders reader for plain files, straight from bytes: UTF-8 without a single `"`, lines
 * ending in \n or \r\n. Such a file is a CSV whose records are its lines and whose fields are
 * split at the delimiter, so no CSV parser, decoded text or per-row strings are needed: a row
 * whose cells are already canonical (no spaces to trim, an ISO date, a plain decimal amount)
 * goes to OrderRows.plain as numbers; every other row is turned into strings and read by the
 * same code as the general path (mapRecord, OrderRows.row). Lines are taken in the same 1 MB
 * batches as the general path, so even the order in which problems are noted is the same.
 *
 * Returns null as soon as the file is not plain (a quote, a NUL byte, invalid UTF-8, a UTF-16
 * mark, a preset that merges rows, …): the caller then reads it with the general path, which
 * also produces every error message.
 */
export const PLAIN_CHUNK = 1024 * 1024;
const SNIFF_LINES = 30;
const MAX_LINE = 16 * 1024 * 1024;
const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

export async function readPlainOrders(
  file: FileHandle,
  size: number,
  fileName: string,
  options: IngestOptions,
  presets: readonly Preset[],
  progress?: { read(chunk: Uint8Array): void },
  chunkSize = PLAIN_CHUNK,
): Promise<LoadedOrders | null> {
  const reader = await readPlainFile(file, size, progress, chunkSize, (bytes, last, lines) => {
    const start = startPlain(bytes, last, fileName, 'orders', ORDER_COLUMNS, REQUIRED_ORDER_COLUMNS, options.ordersFormat, options, presets);
    if (start === null) return null;
    const { input, shape, headerBytes } = start;
    const reader = new BatchReader(fileName, input, orderRowsFor(input, options, new RowAccounting(fileName, options.strict)), shape, headerBytes);
    // Room for the whole file at the first batch's bytes per line: no growing and copying.
    reader.rows.table.reserve(lines);
    return reader;
  });
  return reader === null ? null : reader.finish();
}

/** What the shared loop of readPlainFile hands each batch of whole lines to. */
export interface PlainBatches {
  /** False hands the file back to the general path. */
  batch(bytes: Buffer, last: boolean): boolean;
}

/**
 * The byte loop every plain reader shares: reads `file` in chunks, waits for enough lines to
 * sniff the dialect from, drops a UTF-8 BOM, and hands whole lines to the reader `start`
 * makes from the first bytes (given an estimate of the file's lines). Returns null, for the
 * general path, on a UTF-16 mark, a quote, a NUL byte, invalid UTF-8 or an endless line.
 */
export async function readPlainFile<R extends PlainBatches>(
  file: FileHandle,
  size: number,
  progress: { read(chunk: Uint8Array): void } | undefined,
  chunkSize: number,
  start: (bytes: Buffer, last: boolean, lines: number) => R | null,
): Promise<R | null> {
  let carry: Buffer = Buffer.alloc(0);
  let position = 0;
  let reader: R | null = null;
  for (;;) {
    const chunk = Buffer.allocUnsafe(chunkSize);
    const { bytesRead } = await file.read(chunk, 0, chunkSize, position);
    position += bytesRead;
    progress?.read(chunk.subarray(0, bytesRead));
    const last = bytesRead === 0 || position >= size;
    let bytes = carry.length === 0 ? chunk.subarray(0, bytesRead) : Buffer.concat([carry, chunk.subarray(0, bytesRead)]);
    if (reader === null) {
      // As the general path, wait for enough of the file to sniff the dialect from.
      if (!last && countLines(bytes, SNIFF_LINES) < SNIFF_LINES) {
        carry = Buffer.from(bytes);
        continue;
      }
      if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) return null;
      if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
      reader = start(bytes, last, Math.ceil((size / Math.max(1, bytes.length)) * countLines(bytes, Infinity) * 1.02) + 1024);
      if (reader === null) return null;
    }
    const end = last ? bytes.length : bytes.lastIndexOf(LF) + 1;
    const batch = bytes.subarray(0, end);
    if (batch.indexOf(QUOTE) >= 0 || batch.indexOf(0) >= 0 || !isUtf8(batch)) return null;
    if (!reader.batch(batch, last)) return null;
    carry = Buffer.from(bytes.subarray(end));
    if (carry.length > MAX_LINE) return null;
    if (last) break;
  }
  return reader;
}

/**
 * Calls `visit` with the bounds of each line of `bytes` from `at` (without its \n or \r\n);
 * a last line without a newline only when `last`. Returns the number of lines, or -1 when a
 * file that ends its lines in \r\n has one that does not.
 */
export function splitLines(bytes: Buffer, at: number, last: boolean, crlf: boolean, visit: (start: number, end: number, k: number) => void): number {
  let n = 0;
  while (at < bytes.length) {
    let nl = bytes.indexOf(LF, at);
    if (nl < 0) {
      if (!last) break;
      nl = bytes.length;
    }
    let end = nl;
    if (crlf && nl < bytes.length) {
      if (nl === at || bytes[nl - 1] !== CR) return -1;
      end = nl - 1;
    }
    visit(at, end, n);
    n++;
    at = nl + 1;
  }
  return n;
}

function countLines(bytes: Buffer, upTo: number): number {
  let n = 0;
  for (let i = bytes.indexOf(LF); i >= 0 && n < upTo; i = bytes.indexOf(LF, i + 1)) n++;
  return n;
}

/** A plain file's header, dialect and column mapping, as the general path makes them. */
export interface PlainStart {
  input: Omit<MappedRows, 'rows'>;
  shape: RowShape;
  /** Bytes of the header line, with its line ending. */
  headerBytes: number;
}

/**
 * Reads the header of a plain file from its first bytes and maps its columns as the general
 * path does; null (for the general path) when the file is not plain or its preset merges rows.
 */
export function startPlain(
  bytes: Buffer,
  last: boolean,
  fileName: string,
  role: Role,
  columns: readonly string[],
  required: readonly string[],
  format: string,
  options: IngestOptions,
  presets: readonly Preset[],
): PlainStart | null {
  const sample = bytes.subarray(0, bytes.lastIndexOf(LF) + 1);
  if (sample.indexOf(QUOTE) >= 0 || !isUtf8(sample)) return null;
  const text = sample.toString('utf8');
  const dialect = sniffDialect(last ? bytes.toString('utf8') : text);
  if (dialect.lineEnding === '\r') return null;
  const headerEnd = text.indexOf('\n');
  if (headerEnd < 0) return null;
  const headerFields = text.slice(0, dialect.lineEnding === '\r\n' ? headerEnd - 1 : headerEnd).split(dialect.delimiter);
  if (isBlank(headerFields) || (dialect.lineEnding === '\r\n' && text[headerEnd - 1] !== '\r')) return null;
  try {
    const header = indexHeaders(headerFields);
    const preset = resolveFormat(role, format, header, presets);
    if (preset?.fold) return null;
    const mapping = mapColumns(role, columns, required, header, preset, options.map, fileName);
    const warnings = header.duplicates.map((h) => `header "${h}" appears more than once; the first column of that name is used`);
    const input: Omit<MappedRows, 'rows'> = { encoding: 'utf-8', dialect, header, mapping, observer: new ColumnObserver(), warnings };
    return { input, shape: rowShape(header, mapping, required), headerBytes: Buffer.byteLength(text.slice(0, headerEnd + 1)) };
  } catch {
    // Let the general path raise the error, with exactly its message.
    return null;
  }
}

class BatchReader {
  private line = 2;
  private readonly state = { blank: 0 };
  private readonly delimiter: number;
  private readonly crlf: boolean;
  private readonly width: number;
  private readonly profiled: { column: string; position: number }[];
  private readonly positions: number[];
  /** Per line of the current batch: field boundaries (width × [start, end]), date, amount. */
  private bounds = new Int32Array(0);
  private ms = new Float64Array(0);
  private amounts = new Float64Array(0);
  private readonly statusCodes = new ByteKeys();
  private readonly statusOf: number[] = [];
  private readonly examples = new Map<string, Buffer[]>();
  /** Per profiled column: complete (examples full, monotonic), and non-empty values seen since. */
  private readonly completeColumns: boolean[];
  private readonly pendingSeen: number[];
  private lower = Buffer.allocUnsafe(256);
  private first = true;

  constructor(
    private readonly fileName: string,
    private readonly input: Omit<MappedRows, 'rows'>,
    readonly rows: OrderRows,
    private readonly shape: RowShape,
    private readonly headerBytes: number,
  ) {
    this.delimiter = input.dialect.delimiter.charCodeAt(0);
    this.crlf = input.dialect.lineEnding === '\r\n';
    this.width = shape.width;
    const p = input.mapping.positions;
    this.profiled = Object.keys(input.mapping.sources).map((column) => ({ column, position: p.get(column)! }));
    this.positions = ['customer_id', 'order_date', 'amount', 'order_id', 'status'].map((c) => p.get(c) ?? -1);
    this.completeColumns = this.profiled.map(() => false);
    this.pendingSeen = this.profiled.map(() => 0);
  }

  /**
   * One batch of whole lines, in two passes as the general path does: first every line is
   * split and the ones that are not already canonical are mapped (mapRecord may skip them),
   * then every row is read in order.
   */
  batch(bytes: Buffer, last: boolean): boolean {
    let at = 0;
    if (this.first) {
      at = this.headerBytes;
      this.first = false;
    }
    const mapped = new Map<number, Partial<Record<string, string>> | null>();
    const firstLine = this.line;
    const n = splitLines(bytes, at, last, this.crlf, (start, end, k) => {
      if (k === this.ms.length) this.grow();
      if (!this.canonical(bytes, start, end, k)) {
        const fields = bytes.toString('utf8', start, end).split(this.input.dialect.delimiter);
        const row = mapRecord({ fields, line: firstLine + k, badQuotes: false }, this.shape, this.rows.acc, this.state);
        mapped.set(k, row === null ? null : row.values);
      }
    });
    if (n < 0) return false;
    this.line = firstLine + n;
    for (let k = 0; k < n; k++) {
      const values = mapped.get(k);
      if (values === undefined) this.plainRow(bytes, firstLine + k, k);
      else if (values !== null) {
        for (const { column } of this.profiled) this.input.observer.observe(column, values[column]);
        this.rows.row(firstLine + k, values);
      }
    }
    return true;
  }

  finish(): LoadedOrders {
    this.flushSeen();
    if (this.state.blank > 0) this.input.warnings.push(`${this.state.blank} empty row(s) with only delimiters ignored`);
    return finishOrders(this.fileName, this.input, this.rows);
  }

  private grow(): void {
    const lines = Math.max(1024, this.ms.length * 2);
    const bounds = new Int32Array(lines * this.width * 2);
    bounds.set(this.bounds);
    this.bounds = bounds;
    const ms = new Float64Array(lines);
    ms.set(this.ms);
    this.ms = ms;
    const amounts = new Float64Array(lines);
    amounts.set(this.amounts);
    this.amounts = amounts;
  }

  /**
   * Splits line k (bytes [start, end)) into its field boundaries and says whether every cell
   * the row rules read is already what they would make of it: the header's number of fields,
   * nothing to trim, an ISO date fastIsoMs reads, a plain amount.
   */
  private canonical(bytes: Buffer, start: number, end: number, k: number): boolean {
    const width = this.width;
    const base = k * width * 2;
    const b = this.bounds;
    const d = this.delimiter;
    let f = 0;
    let s = start;
    for (let i = start; i < end; i++) {
      if (bytes[i] !== d) continue;
      if (f === width - 1) return false;
      b[base + 2 * f] = s;
      b[base + 2 * f + 1] = i;
      f++;
      s = i + 1;
    }
    if (f !== width - 1) return false;
    b[base + 2 * f] = s;
    b[base + 2 * f + 1] = end;
    const [customer, date, amount, orderId, status] = this.positions;
    if (!clean(bytes, b[base + 2 * customer], b[base + 2 * customer + 1], false)) return false;
    const ms = fastIsoMsBytes(bytes, b[base + 2 * date], b[base + 2 * date + 1]);
    if (ms !== ms) return false;
    const value = plainAmount(bytes, b[base + 2 * amount], b[base + 2 * amount + 1], this.rows.decimal);
    if (value !== value) return false;
    if (orderId >= 0 && !clean(bytes, b[base + 2 * orderId], b[base + 2 * orderId + 1], true)) return false;
    if (status >= 0 && !clean(bytes, b[base + 2 * status], b[base + 2 * status + 1], true)) return false;
    this.ms[k] = ms;
    this.amounts[k] = value;
    return true;
  }

  private plainRow(bytes: Buffer, line: number, k: number): void {
    const [customer, date, , orderId, status] = this.positions;
    const rows = this.rows;
    const table = rows.table;
    const b = this.bounds;
    const base = k * this.width * 2;
    rows.acc.rowsRead++;
    for (let c = 0; c < this.profiled.length; c++) {
      const position = this.profiled[c].position;
      const start = b[base + 2 * position];
      const end = b[base + 2 * position + 1];
      if (this.completeColumns[c] && end > start) this.pendingSeen[c]++;
      else this.observe(c, bytes, start, end);
    }
    let orderKey = -1;
    let repeated = false;
    if (orderId >= 0 && b[base + 2 * orderId + 1] > b[base + 2 * orderId]) {
      orderKey = table.orderIds.add(bytes, b[base + 2 * orderId], b[base + 2 * orderId + 1]);
      repeated = !table.orderIds.isNew;
    }
    let statusCode = 0;
    if (status >= 0 && b[base + 2 * status + 1] > b[base + 2 * status]) {
      const s = this.statusCodes.add(bytes, b[base + 2 * status], b[base + 2 * status + 1]);
      if (this.statusCodes.isNew) this.statusOf[s] = table.statusCode(this.statusCodes.text(s));
      statusCode = this.statusOf[s];
    }
    const cs = b[base + 2 * customer];
    const ce = b[base + 2 * customer + 1];
    const customerKey = hasByte(bytes, cs, ce, AT) ? this.lowerKey(bytes, cs, ce) : table.customerIds.add(bytes, cs, ce);
    const dateLength = b[base + 2 * date + 1] - b[base + 2 * date];
    rows.plain(line, customerKey, this.ms[k], dateLength, this.amounts[k], statusCode, orderKey, repeated);
  }

  /** An e-mail id: all ASCII (checked by `clean`), lower-cased as normalizeCustomerId does. */
  private lowerKey(bytes: Buffer, start: number, end: number): number {
    const n = end - start;
    if (n > this.lower.length) this.lower = Buffer.allocUnsafe(n * 2);
    const out = this.lower;
    for (let i = 0; i < n; i++) {
      const c = bytes[start + i];
      out[i] = c >= 65 && c <= 90 ? c + 32 : c;
    }
    return this.rows.table.customerIds.add(out, 0, n);
  }

  /** ColumnObserver.observe, without a string when the outcome is known (see `seen`). */
  private observe(c: number, bytes: Buffer, start: number, end: number): void {
    const column = this.profiled[c].column;
    const observer = this.input.observer;
    if (end === start) return observer.observe(column, '');
    const known = this.examples.get(column) ?? [];
    for (const k of known) if (k.length === end - start && k.equals(bytes.subarray(start, end))) return observer.seen(column);
    const text = bytes.toString('utf8', start, end);
    observer.observe(column, text);
    // Values over 40 characters are stored cut short, so observe() would add them again.
    if (text.length <= 40) this.examples.set(column, [...known, Buffer.from(bytes.subarray(start, end))]);
    this.completeColumns[c] = observer.complete(column);
  }

  /** Hands the counted values to the observer (they change nothing but its row count). */
  private flushSeen(): void {
    for (let c = 0; c < this.profiled.length; c++) {
      if (this.pendingSeen[c] > 0) this.input.observer.seen(this.profiled[c].column, this.pendingSeen[c]);
      this.pendingSeen[c] = 0;
    }
  }
}
