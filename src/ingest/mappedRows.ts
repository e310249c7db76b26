import { DataError } from '../errors.js';
import type { IngestOptions } from './records.js';
import type { Preset, RawRow, Role } from './presets/preset.js';
import { decodeText, type Encoding } from './decode.js';
import { readRecords, type CsvRecord } from './csvRecords.js';
import type { Dialect } from './dialect.js';
import { indexHeaders, type HeaderIndex } from './headers.js';
import { mapColumns, resolveFormat, type ColumnMapping } from './mapping.js';
import type { RowAccounting } from './accounting.js';
import { ColumnObserver } from './profile.js';

/**
 * The format-independent front of ingest: bytes → decoded text → CSV records → header row →
 * format and column mapping → one RawRow per data row (canonical column → raw text).
 * Rows that cannot even be mapped (ragged, malformed quotes, a "Total" summary row) are
 * skipped and counted here; blank lines are not rows at all.
 */
export interface MappedRows {
  encoding: Encoding;
  dialect: Dialect;
  header: HeaderIndex;
  mapping: ColumnMapping;
  observer: ColumnObserver;
  warnings: string[];
  /** Batches of rows, after the preset's fold when it has one. */
  rows: AsyncIterable<RawRow[]>;
}

/** A first field like these, with a required value empty, marks a spreadsheet's totals row. */
const SUMMARY = /^\s*(grand\s+total|sub-?total|totals?|sum|summe|gesamt|total\s+general)\s*:?\s*$/i;

/** A first field that marks a totals row when a required value is empty (mapRecord). */
export function isSummaryLabel(field: string): boolean {
  return SUMMARY.test(field);
}

export async function openMappedRows(
  source: AsyncIterable<Uint8Array | string> | string,
  file: string,
  role: Role,
  columns: readonly string[],
  required: readonly string[],
  options: IngestOptions,
  acc: RowAccounting,
  presets: readonly Preset[],
): Promise<MappedRows> {
  const decoded = decodeText(source, file);
  const stream = readRecords(decoded.chunks, file);
  const batches = stream.records[Symbol.asyncIterator]();
  let pending: CsvRecord[] = [];
  let headerRecord: CsvRecord | null = null;
  let sawText = false;
  while (headerRecord === null) {
    const next = await batches.next();
    if (next.done) break;
    sawText = true;
    const at = next.value.findIndex((r) => !isBlank(r.fields));
    if (at >= 0) {
      headerRecord = next.value[at];
      pending = next.value.slice(at + 1);
    }
  }
  if (headerRecord === null) {
    throw new DataError(
      sawText
        ? `${file} has only blank lines: no header row and no data; export the ${role} again.`
        : `${file} is empty (0 bytes); export the ${role} again, with a header row and data.`,
    );
  }
  const header = indexHeaders(headerRecord.fields);
  const presetName = role === 'orders' ? options.ordersFormat : options.ticketsFormat;
  const preset = resolveFormat(role, presetName, header, presets);
  const mapping = mapColumns(role, columns, required, header, preset, options.map, file);
  const warnings = header.duplicates.map(
    (h) => `header "${h}" appears more than once; the first column of that name is used`,
  );
  const observer = new ColumnObserver();
  const state = { blank: 0 };
  const mapped = mapRecords(prepend(pending, batches), header, mapping, required, acc, state);
  const mapRow = preset?.mapRow;
  const rows = preset?.fold ? foldAll(mapped, preset.fold, header.headers, acc) : mapRow ? mapEach(mapped, mapRow) : mapped;
  const profiled = Object.keys(mapping.sources);
  async function* observed(): AsyncGenerator<RawRow[]> {
    for await (const batch of rows) {
      for (const row of batch) for (const column of profiled) observer.observe(column, row.values[column]);
      yield batch;
    }
    if (state.blank > 0) warnings.push(`${state.blank} empty row(s) with only delimiters ignored`);
    const mixed = stream.lineEnds.describeMix();
    if (mixed !== null) warnings.push(mixed);
  }
  return { encoding: decoded.encoding, dialect: stream.dialect, header, mapping, observer, warnings, rows: observed() };
}

async function* mapRecords(
  batches: AsyncIterable<CsvRecord[]>,
  header: HeaderIndex,
  mapping: ColumnMapping,
  required: readonly string[],
  acc: RowAccounting,
  state: { blank: number },
): AsyncGenerator<RawRow[]> {
  const shape = rowShape(header, mapping, required);
  for await (const batch of batches) {
    const out: RawRow[] = [];
    for (const record of batch) {
      const row = mapRecord(record, shape, acc, state);
      if (row !== null) out.push(row);
    }
    if (out.length > 0) yield out;
  }
}

/** What mapRecord needs to know about the header, computed once per file. */
export interface RowShape {
  width: number;
  entries: [string, number][];
  requiredPositions: number[];
}

export function rowShape(header: HeaderIndex, mapping: ColumnMapping, required: readonly string[]): RowShape {
  return {
    width: header.headers.length,
    entries: [...mapping.positions],
    requiredPositions: required.map((c) => mapping.positions.get(c)!),
  };
}

/**
 * One CSV record → its RawRow, or null for a blank line (not a row) or a row skipped and
 * counted here (malformed quotes, ragged, a totals row).
 */
export function mapRecord(record: CsvRecord, shape: RowShape, acc: RowAccounting, state: { blank: number }): RawRow | null {
  const { width, entries, requiredPositions } = shape;
  const fields = record.fields;
  if (isBlank(fields)) {
    if (fields.length > 1) state.blank++;
    return null;
  }
  acc.rowsRead++;
  if (record.badQuotes) {
    acc.skip(record.line, 'malformed quotes', fields.join(','), null, null, 'put quotes only around whole fields and double any quote inside one ("")');
    return null;
  }
  if (fields.length !== width && !onlyEmptyExtras(fields, width)) {
    acc.skip(record.line, 'ragged row', `${fields.length} fields, header has ${width}`, null, null, `give every row the ${width} fields of the header`);
    return null;
  }
  if (SUMMARY.test(fields[0]) && requiredPositions.some((p) => (fields[p] ?? '').trim() === '')) {
    acc.skip(record.line, 'summary row', fields.join(','), null, null, 'delete the totals row', true);
    return null;
  }
  const values: Record<string, string> = {};
  for (const [column, position] of entries) values[column] = fields[position] ?? '';
  return { line: record.line, values };
}

/**
 * Rows through the preset's fold: every row goes in before any comes out (Shopify line items
 * of one order may be far apart), then the folded rows stream on in batches.
 */
async function* foldAll(
  rows: AsyncIterable<RawRow[]>,
  fold: NonNullable<Preset['fold']>,
  headers: string[],
  acc: RowAccounting,
): AsyncGenerator<RawRow[]> {
  const folder = fold(headers);
  let read = 0;
  for await (const batch of rows) {
    for (const row of batch) folder.add(row);
    read += batch.length;
  }
  const folded = folder.finish();
  acc.rowsMerged += Math.max(0, read - folded.rows);
  yield* folded.batches;
}

async function* mapEach(rows: AsyncIterable<RawRow[]>, map: (row: RawRow) => RawRow): AsyncGenerator<RawRow[]> {
  for await (const batch of rows) yield batch.map(map);
}

/** A line with nothing but delimiters and spaces carries no data: not a row. */
export function isBlank(fields: string[]): boolean {
  for (const f of fields) if (f.trim() !== '') return false;
  return true;
}

/** "a,b,c," against a 3-column header: a trailing delimiter, not a ragged row. */
function onlyEmptyExtras(fields: string[], width: number): boolean {
  if (fields.length < width) return false;
  for (let i = width; i < fields.length; i++) if (fields[i].trim() !== '') return false;
  return true;
}

async function* prepend(first: CsvRecord[], rest: AsyncIterator<CsvRecord[]>): AsyncGenerator<CsvRecord[]> {
  if (first.length > 0) yield first;
  for (;;) {
    const next = await rest.next();
    if (next.done) return;
    yield next.value;
  }
}
