import { unquoteCommon } from './unquoter.js';
import { isUtf8 } from 'node:buffer';
import type { FileHandle } from 'node:fs/promises';
import { sniffDialect } from '../dialect.js';
import { indexHeaders } from '../headers.js';
import type { RowAccounting } from '../accounting.js';
import { isBlank, isSummaryLabel, mapRecord, rowShape, type MappedRows, type RowShape } from '../mappedRows.js';
import { mapColumns, resolveFormat } from '../mapping.js';
import { ColumnObserver } from '../profile.js';
import type { IngestOptions } from '../records.js';
import type { Preset, RawRow, Role } from '../presets/preset.js';

/**
 * What the plain-file readers (plainOrders.ts, plainTickets.ts) share: a plain file is UTF-8
 * without a single `"`, lines ending in \n or \r\n, so its records are its lines and its
 * fields are split at the delimiter. Here: the chunked byte loop, the line splitter and the
 * header and column mapping, made as the general path makes them.
 */
export const PLAIN_CHUNK = 1024 * 1024;
const SNIFF_LINES = 30;
const MAX_LINE = 16 * 1024 * 1024;
const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/** What the shared loop of readPlainFile hands each batch of whole lines to. */
export interface PlainBatches {
  /** The file's lines end in CRLF (else LF). */
  readonly crlf: boolean;
  /** The field delimiter's byte, for unquoting cells (unquoteCells). */
  readonly delimiterByte: number;
  /** Per field, 1 when the reader never reads its cells (see unquoteCells). */
  readonly opaque?: Uint8Array;
  /** False hands the file back to the general path. */
  batch(bytes: Buffer, last: boolean): boolean;
}

/** Where a plain-file loop stands: the next chunk's file offset, and the bytes read but not handed over. */
export interface PlainCursor {
  position: number;
  /** The start of an unfinished line (file offset position − carry.length). */
  carry: Buffer;
}

/** How a call to PlainFileLoop.run ended. */
export type PlainStep = 'eof' | 'paused' | 'not-plain';

/**
 * The byte loop every plain reader shares: reads `file` in chunks on a fixed grid (offsets
 * that are multiples of `chunkSize`), waits for enough lines to sniff the dialect from, drops
 * a UTF-8 BOM, and hands whole lines to the reader `start` makes from the first bytes (given
 * an estimate of the file's lines). The batches are therefore the same however the reading is
 * divided: `run(until)` stops after the batch of the chunk that reaches `until`, and a loop
 * set to that cursor (another thread's, say) goes on with exactly the next batch.
 *
 * Cells quoted whole, as spreadsheets write them, are unquoted first (unquoteCells).
 *
 * 'not-plain', for the general path: a UTF-16 mark, a quote unquoteCells cannot take, a NUL
 * byte, invalid UTF-8, an endless line, or a batch the reader refused; the cursor is then left
 * before that chunk.
 */
export class PlainFileLoop<R extends PlainBatches> {
  reader: R | null = null;
  cursor: PlainCursor = { position: 0, carry: Buffer.alloc(0) };
  private buffer = Buffer.alloc(0);

  constructor(
    readonly file: FileHandle,
    private readonly size: number,
    private readonly progress: { read(chunk: Uint8Array): void } | undefined,
    readonly chunkSize: number,
    private readonly start: (bytes: Buffer, last: boolean, lines: number) => R | null = () => null,
  ) {}

  async run(until = Infinity): Promise<PlainStep> {
    let { position, carry } = this.cursor;
    for (;;) {
      // One buffer for every chunk, the carried start of a line copied in front: a new one per
      // chunk was a megabyte or two of fresh memory each time (page faults, and collections
      // for the external memory). Readers copy what they keep of a batch.
      if (this.buffer.length < carry.length + this.chunkSize) this.buffer = Buffer.allocUnsafe(carry.length + this.chunkSize);
      carry.copy(this.buffer, 0);
      const { bytesRead } = await this.file.read(this.buffer, carry.length, this.chunkSize, position);
      // The file ended before the size it had when reading began (truncated while read): the
      // general path reads it again and its reader reports the change (load.ts).
      if (bytesRead === 0 && position < this.size) return 'not-plain';
      this.progress?.read(this.buffer.subarray(carry.length, carry.length + bytesRead));
      const last = bytesRead === 0 || position + bytesRead >= this.size;
      let bytes = this.buffer.subarray(0, carry.length + bytesRead);
      if (this.reader === null) {
        // As the general path, wait for enough of the file to sniff the dialect from.
        if (!last && countLines(bytes, SNIFF_LINES) < SNIFF_LINES) {
          carry = Buffer.from(bytes);
          position += bytesRead;
          continue;
        }
        if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) return 'not-plain';
        if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
        this.reader = this.start(bytes, last, Math.ceil((this.size / Math.max(1, bytes.length)) * countLines(bytes, Infinity) * 1.02) + 1024);
        if (this.reader === null) return 'not-plain';
      }
      const end = last ? bytes.length : bytes.lastIndexOf(LF) + 1;
      let batch = bytes.subarray(0, end);
      if (batch.indexOf(0) >= 0 || !isUtf8(batch) || strayCr(batch, this.reader.crlf)) return 'not-plain';
      const quote = batch.indexOf(QUOTE);
      if (quote >= 0) {
        // In place: the carry (bytes after `end`) is untouched, and the loop's buffer is its own.
        const unquoted = unquoteCells(batch, quote, this.reader.delimiterByte, this.reader.opaque);
        if (unquoted < 0) return 'not-plain';
        batch = batch.subarray(0, unquoted);
      }
      if (!this.reader.batch(batch, last)) return 'not-plain';
      position += bytesRead;
      carry = Buffer.from(bytes.subarray(end));
      this.cursor = { position, carry };
      if (carry.length > MAX_LINE) return 'not-plain';
      if (last) return 'eof';
      if (position >= until) return 'paused';
    }
  }
}

/** The whole file through a PlainFileLoop: the reader, or null for the general path. */
export async function readPlainFile<R extends PlainBatches>(
  file: FileHandle,
  size: number,
  progress: { read(chunk: Uint8Array): void } | undefined,
  chunkSize: number,
  start: (bytes: Buffer, last: boolean, lines: number) => R | null,
): Promise<R | null> {
  const loop = new PlainFileLoop(file, size, progress, chunkSize, start);
  return (await loop.run()) === 'not-plain' ? null : loop.reader;
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

/**
 * Removes the quotes of cells quoted whole (`"#1001","ann@example.com"`), in place, from
 * `from` (the first quote) on; returns the bytes' new length, or −1 when some quote is not of
 * that kind. A cell may be quoted only when its quote opens it (at a line start or after the
 * delimiter) and its closing quote comes right before the delimiter or the line end: then the
 * general path's parser reads exactly the text between the quotes, and when nothing between
 * them is a delimiter or `""`, the unquoted line splits into the same fields.
 *
 * A cell that holds a delimiter or `""` (`"Mug, large"`, `"say ""hi"""`) is taken only in a
 * field the reader never reads (`opaque[f]` is 1: a column no role maps): it becomes OPAQUE
 * when trim() leaves something of its text, else nothing, so the line keeps its fields and
 * its blank or not. Its text is gone: a reader that would quote a line's text (a totals row's
 * message) hands the file back instead (hasOpaque). A quoted line break, a quote in mid-cell,
 * and such a cell elsewhere are the general path's.
 */
export function unquoteCells(bytes: Uint8Array, from: number, delimiter: number, opaque?: Uint8Array): number {
  const common = unquoteCommon(bytes, from, delimiter, LF);
  return common >= 0 ? common : unquoteCellsByByte(bytes, from, delimiter, opaque);
}

/** unquoteCells, a byte at a time: every case, and the reference its common case is held to. */
export function unquoteCellsByByte(bytes: Uint8Array, from: number, delimiter: number, opaque?: Uint8Array): number {
  const end = bytes.length;
  // 1 at the bytes either loop must look at: a quote, a line end, the delimiter, white space
  // (a cell's visible text), non-ASCII; every other byte is only moved, one load and one test.
  const special = specialBytes(delimiter);
  let w = from;
  let r = from;
  // The field the next byte is in (counted only when some field is opaque).
  let f = 0;
  if (opaque !== undefined) for (let i = from - 1; i >= 0 && bytes[i] !== LF; i--) if (bytes[i] === delimiter) f++;
  let prev = from === 0 ? LF : bytes[from - 1]!;
  while (r < end) {
    let c = bytes[r]!;
    if (special[c] === 0) {
      // A run of ordinary bytes outside quotes.
      do {
        bytes[w++] = c;
        r++;
      } while (r < end && special[(c = bytes[r]!)] === 0);
      prev = bytes[w - 1]!;
      continue;
    }
    if (c !== QUOTE) {
      bytes[w++] = c;
      prev = c;
      r++;
      if (opaque === undefined) continue;
      if (c === delimiter) f++;
      else if (c === LF) f = 0;
      continue;
    }
    if (prev !== LF && prev !== delimiter) return -1;
    // The cell's bytes are moved as they are checked: one pass, where finding the closing
    // quote and then copying took two (1.4× the time on a file quoted throughout).
    const cell = w;
    let plain = true;
    let visible = false;
    let q = r + 1;
    for (;;) {
      if (q === end) return -1;
      const b = bytes[q]!;
      if (special[b] === 0) {
        visible = true;
        if (plain) bytes[w++] = b;
        q++;
        continue;
      }
      if (b === QUOTE) {
        if (q + 1 < end && bytes[q + 1] === QUOTE) {
          plain = false;
          visible = true;
          q += 2;
          continue;
        }
        break;
      }
      if (b === LF || b === CR) return -1;
      if (b === delimiter) plain = false;
      if (b >= 0x80) {
        // Whether trim() leaves something is a question for its text: the general path's.
        if (!plain) return -1;
      } else if (!WHITE[b]) visible = true;
      if (plain) bytes[w++] = b;
      q++;
    }
    if (!plain) {
      if (opaque === undefined || opaque[f] !== 1) return -1;
      for (let i = cell; i < w; i++) if (bytes[i]! >= 0x80) return -1;
      w = cell;
      if (visible) bytes[w++] = OPAQUE;
    }
    const after = q + 1 < end ? bytes[q + 1]! : LF;
    if (after !== delimiter && after !== LF && after !== CR) return -1;
    prev = QUOTE;
    r = q + 1;
  }
  return w;
}

/** Per delimiter, unquoteCells' table of the bytes it must look at. */
const SPECIAL = new Map<number, Uint8Array>();

function specialBytes(delimiter: number): Uint8Array {
  let table = SPECIAL.get(delimiter);
  if (table === undefined) {
    table = new Uint8Array(256);
    for (let c = 0; c < 256; c++) if (c >= 0x80 || c < 0x20 || WHITE[c] === 1) table[c] = 1;
    table[QUOTE] = 1;
    table[delimiter] = 1;
    SPECIAL.set(delimiter, table);
  }
  return table;
}

/** What an opaque cell (see unquoteCells) holding text becomes: a NUL, which no plain batch holds otherwise. */
export const OPAQUE = 0;

/** 1 at each ASCII byte trim() removes. */
export const WHITE = new Uint8Array(128);
for (const c of [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20]) WHITE[c] = 1;

/** Whether line [start, end) of an unquoted batch lost the text of a cell (see unquoteCells). */
export function hasOpaque(bytes: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (bytes[i] === OPAQUE) return true;
  return false;
}

/**
 * mapRecord of a plain line, from its text; undefined (hand the file back) when the line lost a
 * cell's text (unquoteCells) and could be a totals row, whose message quotes the whole line.
 */
export function mapPlainLine(bytes: Buffer, start: number, end: number, delimiter: string, line: number, shape: RowShape, acc: RowAccounting, state: { blank: number }): RawRow | null | undefined {
  const fields = bytes.toString('utf8', start, end).split(delimiter);
  if (isSummaryLabel(fields[0]!) && hasOpaque(bytes, start, end)) return undefined;
  return mapRecord({ fields, line, badQuotes: false }, shape, acc, state);
}

/** A first cell that could mark a totals row (isSummaryLabel), checked as text only when it could. */
export function maybeSummary(bytes: Uint8Array, start: number, end: number): boolean {
  if (end === start) return false;
  const first = bytes[start]!;
  if (first > 0x20 && first < 0x80) {
    // A label (SUMMARY) opens with "to", "su", "gr" or "ge" in any case and has 3 characters
    // at least: ticket ids such as T1042 are told apart here, not by a string and a regex.
    const c = first | 0x20;
    const d = end - start < 3 ? 0 : bytes[start + 1]! | 0x20;
    if (!((c === 0x74 && d === 0x6f) || (c === 0x73 && d === 0x75) || (c === 0x67 && (d === 0x72 || d === 0x65)))) return false;
  }
  return isSummaryLabel(Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString('utf8'));
}

/** What every byte reader of a mapped file takes from its header and dialect. */
export interface PlainSetup {
  crlf: boolean;
  delimiterByte: number;
  opaque: Uint8Array | undefined;
  /** The profiled (canonical) columns and their field positions. */
  profiled: { column: string; position: number }[];
}

export function plainSetup(input: Omit<MappedRows, 'rows'>, width: number): PlainSetup {
  const positions = input.mapping.positions;
  return {
    crlf: input.dialect.lineEnding === '\r\n',
    delimiterByte: input.dialect.delimiter.charCodeAt(0),
    opaque: opaqueFields(width, positions.values()),
    profiled: Object.keys(input.mapping.sources).map((column) => ({ column, position: positions.get(column)! })),
  };
}

/**
 * The fields of a header whose roles are mapped: 1 for each field no role reads (its cells may
 * be opaque, see unquoteCells), 0 for the first field (a totals row is told by it) and every
 * mapped one; undefined when every field is read.
 */
export function opaqueFields(width: number, positions: Iterable<number>): Uint8Array | undefined {
  const opaque = new Uint8Array(width).fill(1);
  opaque[0] = 0;
  for (const p of positions) opaque[p] = 0;
  return opaque.includes(1) ? opaque : undefined;
}

/**
 * A CR that does not end a CRLF line end (any CR in an LF file): the file mixes line endings,
 * which the general path reads with every kind ending a row (lineEnds.ts). In an LF file this
 * is one native search per batch; in a CRLF file one per line.
 */
function strayCr(batch: Buffer, crlf: boolean): boolean {
  if (!crlf) return batch.indexOf(CR) >= 0;
  for (let i = batch.indexOf(CR); i >= 0; i = batch.indexOf(CR, i + 2)) if (batch[i + 1] !== LF) return true;
  return false;
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
 * path does; null (for the general path) when the file is not plain or its preset merges rows
 * (but an orders preset whose line-item fold the byte reader can do: plainLineItems.ts).
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
  const raw = bytes.subarray(0, bytes.lastIndexOf(LF) + 1);
  if (!isUtf8(raw)) return null;
  const dialect = sniffDialect(last ? bytes.toString('utf8') : raw.toString('utf8'));
  if (dialect.lineEnding === '\r') return null;
  // The header and mapping from the header line as the first batch will have it: unquoted (on
  // a copy). Cells of later lines are unquoted with the batch, knowing the mapping.
  const line = raw.subarray(0, raw.indexOf(LF) + 1);
  const quote = line.indexOf(QUOTE);
  const sample = quote < 0 ? line : Buffer.from(line);
  const length = quote < 0 ? line.length : unquoteCells(sample, quote, dialect.delimiter.charCodeAt(0));
  if (length < 0) return null;
  const text = sample.toString('utf8', 0, length);
  const headerEnd = text.indexOf('\n');
  if (headerEnd < 0) return null;
  const headerFields = text.slice(0, dialect.lineEnding === '\r\n' ? headerEnd - 1 : headerEnd).split(dialect.delimiter);
  if (isBlank(headerFields) || (dialect.lineEnding === '\r\n' && text[headerEnd - 1] !== '\r')) return null;
  try {
    const header = indexHeaders(headerFields);
    const preset = resolveFormat(role, format, header, presets);
    // A fold only when the byte reader can do it (plainLineItems.ts, orders only).
    if (preset?.mapRow || (preset?.fold && !(role === 'orders' && preset.lineItems?.plainHead))) return null;
    const mapping = mapColumns(role, columns, required, header, preset, options.map, fileName);
    const warnings = header.duplicates.map((h) => `header "${h}" appears more than once; the first column of that name is used`);
    const input: Omit<MappedRows, 'rows'> = { encoding: 'utf-8', dialect, header, mapping, observer: new ColumnObserver(), warnings };
    return { input, shape: rowShape(header, mapping, required), headerBytes: Buffer.byteLength(text.slice(0, headerEnd + 1)) };
  } catch {
    // Let the general path raise the error, with exactly its message.
    return null;
  }
}

/**
 * Splits line [start, end) at `delimiter` into exactly `width` fields: field f is
 * bounds[base + 2f] .. bounds[base + 2f + 1]. False when the line has another number of fields.
 */
export function splitFields(bytes: Uint8Array, start: number, end: number, delimiter: number, width: number, bounds: Int32Array, base: number): boolean {
  let f = 0;
  let s = start;
  for (let i = start; i < end; i++) {
    if (bytes[i] !== delimiter) continue;
    if (f === width - 1) return false;
    bounds[base + 2 * f] = s;
    bounds[base + 2 * f + 1] = i;
    f++;
    s = i + 1;
  }
  if (f !== width - 1) return false;
  bounds[base + 2 * f] = s;
  bounds[base + 2 * f + 1] = end;
  return true;
}

/**
 * splitLines and splitFields in one pass, for the hottest loop (a worker reading orders): reads
 * the line starting at `at`, putting its field bounds at bounds[base …] as splitFields does.
 * Returns where the next line starts, and sets line[0], line[1] to the line's bounds and
 * line[2] to 1 when it has exactly `width` fields, else 0. Returns −1 when there is no whole
 * line left (as splitLines stops), −2 when a file that ends its lines in \r\n has one that
 * does not.
 */
export function nextLineFields(
  bytes: Uint8Array,
  at: number,
  last: boolean,
  crlf: boolean,
  delimiter: number,
  width: number,
  bounds: Int32Array,
  base: number,
  line: Int32Array,
): number {
  const length = bytes.length;
  if (at >= length) return -1;
  let f = 0;
  let s = at;
  let fits = true;
  let i = at;
  // Most bytes are above both the delimiter and LF: one comparison passes them.
  const high = delimiter > LF ? delimiter : LF;
  for (; i < length; i++) {
    const c = bytes[i]!;
    if (c > high) continue;
    if (c === LF) break;
    if (c !== delimiter) continue;
    if (f === width - 1) fits = false;
    else {
      bounds[base + 2 * f] = s;
      bounds[base + 2 * f + 1] = i;
      f++;
      s = i + 1;
    }
  }
  if (i === length && !last) return -1;
  let end = i;
  if (crlf && i < length) {
    if (i === at || bytes[i - 1] !== CR) return -2;
    end = i - 1;
  }
  if (f !== width - 1) fits = false;
  else {
    bounds[base + 2 * f] = s;
    bounds[base + 2 * f + 1] = end;
  }
  line[0] = at;
  line[1] = end;
  line[2] = fits ? 1 : 0;
  return i + 1;
}
