import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import type { SliceTable } from '../model/sliceTable.js';
import { DataError, InputMissingError } from '../errors.js';
import { sliceTableFromRows, type SliceTableRow } from './sliceTableRows.js';

/**
 * An exported result of `loyalty sql --query slices` (CSV with a header row, or Parquet) →
 * the SliceTable, read strictly (sliceTableFromRows). Parquet is read by hyparquet, pure
 * JavaScript, loaded only here.
 */
export async function readSliceTableFile(file: string): Promise<SliceTable> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    throw new InputMissingError(`${file}: cannot read the slice table (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); check the path`);
  }
  const { columns, rows } = /\.parquet$/i.test(file) ? await parquetRows(file, bytes) : csvRows(file, bytes.toString('utf8').replace(/^\uFEFF/, ''));
  return sliceTableFromRows(columns, rows, file);
}

/** CSV rows with the line each starts on (a quoted label may span lines). */
function csvRows(file: string, text: string): { columns: string[]; rows: SliceTableRow[] } {
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true });
  if (parsed.errors.length > 0) {
    const first = parsed.errors[0]!;
    throw new DataError(`${file}: not a readable CSV file (${first.message}${first.row === undefined ? '' : ` in data row ${first.row + 1}`}); export the slice table as CSV with a header row`);
  }
  const [header, ...data] = parsed.data;
  if (header === undefined) throw new DataError(`${file}: empty; export the result of \`loyalty sql --query slices\` with a header row`);
  // Each record's first line: count the line breaks before it, records being rejoined in order.
  const lines = recordLines(text, parsed.data.length);
  return {
    columns: header,
    rows: data.map((cells, i) => {
      if (cells.length !== header.length) {
        throw new DataError(`${file}:${lines[i + 1]}: ${cells.length} cells where the header has ${header.length}; export the slice table as CSV with a header row`);
      }
      return { place: `${file}:${lines[i + 1]}`, values: Object.fromEntries(header.map((h, j) => [h, cells[j]!])) };
    }),
  };
}

/** The line number each of the first `count` non-empty CSV records starts on. */
function recordLines(text: string, count: number): number[] {
  const out: number[] = [];
  let line = 1;
  let quoted = false;
  let atStart = true;
  for (let i = 0; i < text.length && out.length < count; i++) {
    const c = text[i];
    if (atStart && c !== '\n' && c !== '\r') {
      out.push(line);
      atStart = false;
    }
    if (c === '"') quoted = !quoted;
    else if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) {
      line += 1;
      if (!quoted) atStart = true;
    }
  }
  return out;
}

async function parquetRows(file: string, bytes: Buffer): Promise<{ columns: string[]; rows: SliceTableRow[] }> {
  const { parquetMetadata, parquetSchema, parquetReadObjects } = await import('hyparquet');
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  let columns: string[];
  let objects: Record<string, unknown>[];
  try {
    columns = parquetSchema(parquetMetadata(buffer)).children.map((c) => c.element.name);
    objects = await parquetReadObjects({ file: buffer });
  } catch (e) {
    throw new DataError(`${file}: not a readable Parquet file (${(e as Error).message.split('\n')[0]}); export the slice table with COPY … (FORMAT parquet)`);
  }
  return {
    columns,
    rows: objects.map((o, i) => ({
      place: `${file} row ${i + 1}`,
      values: Object.fromEntries(columns.map((c) => [c, cellText(o[c])])),
    })),
  };
}

/** A Parquet value as the text the CSV export would hold: numbers as JavaScript prints them, bigints whole. */
function cellText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}
