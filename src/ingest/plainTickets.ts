import type { FileHandle } from 'node:fs/promises';
import { RowAccounting } from './accounting.js';
import { mapRecord, type MappedRows, type RowShape } from './mappedRows.js';
import { PLAIN_CHUNK, readPlainFile, splitLines, startPlain, type PlainBatches } from './plainFile.js';
import type { Preset, RawRow } from './presets/preset.js';
import { REQUIRED_TICKET_COLUMNS, TICKET_COLUMNS, type IngestOptions, type LoadedTickets } from './records.js';
import { ticketRowsFor, type TicketRows } from './tickets.js';

/**
 * The tickets reader for plain files (UTF-8 without a single `"`, lines ending in \n or
 * \r\n), on the byte loop of plainFile.ts (readPlainFile): each line is cut at the
 * delimiter straight from the bytes, with no CSV parser and no decoded chunk text, and every
 * row goes through the same code as the general path (mapRecord, then the row rules of
 * tickets.ts). Lines are taken in the same batches, mapped first and then read, as the general
 * path does.
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
  const reader = await readPlainFile(file, size, progress, chunkSize, (bytes, last) => {
    const start = startPlain(bytes, last, fileName, 'tickets', TICKET_COLUMNS, REQUIRED_TICKET_COLUMNS, options.ticketsFormat, options, presets);
    if (start === null) return null;
    const acc = new RowAccounting(fileName, options.strict);
    return new TicketBatches(start.input, ticketRowsFor(start.input, options, acc), acc, start.shape, start.headerBytes);
  });
  return reader === null ? null : reader.finish(fileName);
}

class TicketBatches implements PlainBatches {
  private line = 2;
  private first = true;
  private readonly state = { blank: 0 };
  private readonly profiled: string[];

  constructor(
    private readonly input: Omit<MappedRows, 'rows'>,
    private readonly rows: TicketRows,
    private readonly acc: RowAccounting,
    private readonly shape: RowShape,
    private readonly headerBytes: number,
  ) {
    this.profiled = Object.keys(input.mapping.sources);
  }

  batch(bytes: Buffer, last: boolean): boolean {
    const at = this.first ? this.headerBytes : 0;
    this.first = false;
    const firstLine = this.line;
    const delimiter = this.input.dialect.delimiter;
    const mapped: RawRow[] = [];
    const n = splitLines(bytes, at, last, this.input.dialect.lineEnding === '\r\n', (start, end, k) => {
      const fields = bytes.toString('utf8', start, end).split(delimiter);
      const row = mapRecord({ fields, line: firstLine + k, badQuotes: false }, this.shape, this.acc, this.state);
      if (row !== null) mapped.push(row);
    });
    if (n < 0) return false;
    this.line = firstLine + n;
    const observer = this.input.observer;
    for (const row of mapped) for (const column of this.profiled) observer.observe(column, row.values[column]);
    for (const { line, values } of mapped) this.rows.row(line, values);
    return true;
  }

  finish(fileName: string): LoadedTickets {
    if (this.state.blank > 0) this.input.warnings.push(`${this.state.blank} empty row(s) with only delimiters ignored`);
    return this.rows.finish(fileName, this.input);
  }
}
