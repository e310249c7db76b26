import { isAscii } from 'node:buffer';
import type { FileHandle } from 'node:fs/promises';
import { RowAccounting } from '../accounting.js';
import { ByteObserver } from './byteObserver.js';
import { grown } from '../../model/grown.js';
import type { MappedRows, RowShape } from '../mappedRows.js';
import { mapPlainLine, PLAIN_CHUNK, plainSetup, readPlainFile, splitLines, startPlain, type PlainBatches } from './plainFile.js';
import type { Preset } from '../presets/preset.js';
import type { IngestOptions, LoadedTickets } from '../records.js';
import { TicketLineReader } from './plainTicketLine.js';
import { ticketRowsFor, type TicketRows } from '../tickets.js';
import { REQUIRED_TICKET_COLUMNS, TICKET_COLUMNS } from '../../model/ticketRecord.js';
import { TicketTable } from '../../model/ticketTable.js';

/**
 * The tickets reader for plain files (UTF-8 without a single `"`, lines ending in \n or
 * \r\n), on the byte loop of plainFile.ts (readPlainFile): a line whose every cell the row rules
 * accept is read straight from its bytes into a row of a batch table (TicketLineReader), then
 * copied in line order into the tickets table (TicketRows.plain);
 * any other line is cut into strings and goes through the same code as the general path
 * (mapRecord, then the row rules of tickets.ts), which skips, counts and explains it. Lines are
 * taken in the same batches, mapped first and then read, as the general path does.
 *
 * Returns null as soon as the file is not plain (see readPlainFile and startPlain): the caller
 * then reads it with the general path, which also produces every error message.
 */
export async function readPlainTickets(
  file: FileHandle,
  size: number,
  fileName: string,
  options: IngestOptions,
  presets: readonly Preset[],
  progress?: { read(chunk: Uint8Array): void },
  chunkSize = PLAIN_CHUNK,
): Promise<LoadedTickets | null> {
  const reader = await readPlainFile(file, size, progress, chunkSize, (bytes, last, lines) => {
    const start = startPlain(bytes, last, fileName, 'tickets', TICKET_COLUMNS, REQUIRED_TICKET_COLUMNS, options.ticketsFormat, options, presets);
    if (start === null) return null;
    const acc = new RowAccounting(fileName, options.strict, options.maxUnusable);
    const rows = ticketRowsFor(start.input, options, acc);
    // Room for the whole file at the first batch's bytes per line: ~17 copies of every column fewer at 1M tickets.
    rows.table.reserve(lines);
    return new TicketBatches(start.input, rows, acc, start.shape, start.headerBytes);
  });
  return reader === null ? null : reader.finish(fileName);
}

class TicketBatches implements PlainBatches {
  readonly crlf: boolean;
  readonly delimiterByte: number;
  readonly opaque: Uint8Array | undefined;
  private line = 2;
  private first = true;
  private readonly state = { blank: 0 };
  private readonly lines: TicketLineReader;
  /** The current batch's lines read from bytes, numbering ids and labels with the tickets table. */
  private readonly batchRows: TicketTable;
  private readonly observed: ByteObserver;
  private readonly width2: number;
  /** Per line of the current batch: field bounds, its row in batchRows (−1: read as text), and what TicketRows.plain needs besides. */
  private bounds = new Int32Array(0);
  private batchRow = new Int32Array(0);
  private createdZone = new Int32Array(0);
  private responseMs = new Float64Array(0);
  private responseZone = new Int32Array(0);

  constructor(
    private readonly input: Omit<MappedRows, 'rows'>,
    private readonly rows: TicketRows,
    private readonly acc: RowAccounting,
    private readonly shape: RowShape,
    private readonly headerBytes: number,
  ) {
    const setup = plainSetup(input, shape.width);
    ({ crlf: this.crlf, delimiterByte: this.delimiterByte, opaque: this.opaque } = setup);
    this.batchRows = new TicketTable(rows.table);
    this.lines = new TicketLineReader(input.dialect.delimiter, shape.width, input.mapping.positions, this.batchRows, rows.changedIds);
    this.observed = new ByteObserver(input.observer, setup.profiled);
    this.width2 = 2 * shape.width;
  }

  /**
   * One batch of whole lines, in two passes as the general path does: first every line is
   * split, and the ones TicketLineReader cannot read are mapped as text (mapRecord may skip
   * them); then every row is observed and kept, in order.
   */
  batch(bytes: Buffer, last: boolean): boolean {
    const at = this.first ? this.headerBytes : 0;
    this.first = false;
    const firstLine = this.line;
    const delimiter = this.input.dialect.delimiter;
    this.lines.ascii = isAscii(bytes);
    this.batchRows.length = 0;
    const slow: (Partial<Record<string, string>> | null)[] = [];
    let plain = true;
    const n = splitLines(bytes, at, last, this.input.dialect.lineEnding === '\r\n', (start, end, k) => {
      if (k === this.createdZone.length) this.grow();
      const fast = this.lines.read(bytes, start, end, firstLine + k, this.bounds, k * this.width2);
      this.batchRow[k] = fast ? this.batchRows.length - 1 : -1;
      if (fast) {
        slow.push(null);
        this.createdZone[k] = this.lines.createdZone;
        this.responseMs[k] = this.lines.responseMs;
        this.responseZone[k] = this.lines.responseZone;
        return;
      }
      const row = mapPlainLine(bytes, start, end, delimiter, firstLine + k, this.shape, this.acc, this.state);
      if (row === undefined) plain = false;
      slow.push(row?.values ?? null);
    });
    this.lines.flushCustomers();
    if (n < 0 || !plain) return false;
    this.line = firstLine + n;
    const observer = this.input.observer;
    for (let k = 0; k < n; k++) {
      const row = this.batchRow[k]!;
      if (row >= 0) {
        this.acc.rowsRead++;
        this.observed.line(bytes, this.bounds, k * this.width2);
        this.rows.plain(this.batchRows, row, this.createdZone[k]!, this.responseMs[k]!, this.responseZone[k]!);
      } else {
        const values = slow[k];
        if (values === null || values === undefined) continue;
        for (const { column } of this.observed.profiled) observer.observe(column, values[column]);
        this.rows.row(firstLine + k, values);
      }
    }
    return true;
  }

  finish(fileName: string): LoadedTickets {
    this.observed.flush();
    if (this.state.blank > 0) this.input.warnings.push(`${this.state.blank} empty row(s) with only delimiters ignored`);
    return this.rows.finish(fileName, this.input);
  }

  private grow(): void {
    const lines = Math.max(1024, this.createdZone.length * 2);
    this.bounds = grown(this.bounds, lines * this.width2);
    this.createdZone = grown(this.createdZone, lines);
    this.batchRow = grown(this.batchRow, lines);
    this.responseMs = grown(this.responseMs, lines);
    this.responseZone = grown(this.responseZone, lines);
  }
}
