import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { DataError, InputMissingError } from '../errors.js';
import type { CustomerFactsTable } from '../model/customerFacts.js';
import { readRecords } from './csvRecords.js';
import { decodeText } from './decode.js';
import { factsTable, type FactsCells } from './factsTable.js';

export interface FactsFileRead {
  facts: CustomerFactsTable;
  format: 'csv' | 'parquet';
  rowsRead: number;
}

/**
 * `cohort --facts-in FILE`: a per-customer facts table (written by `cohort --facts`, or the
 * result of `loyalty sql` exported from a warehouse) → the table, every cell checked
 * (factsTable.ts). Parquet when the name ends in .parquet (read with hyparquet, pure
 * JavaScript), CSV otherwise.
 */
export async function readFactsFile(path: string): Promise<FactsFileRead> {
  try {
    if (!(await stat(path)).isFile()) throw new InputMissingError(`--facts-in ${path} is not a file; give the facts file written by loyalty cohort --facts or exported from loyalty sql.`);
  } catch (e) {
    if (e instanceof InputMissingError) throw e;
    throw new InputMissingError(`--facts-in ${path}: cannot read it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); check the path.`);
  }
  const parquet = /\.parquet$/i.test(path);
  const cells = parquet ? await parquetCells(path) : await csvCells(path);
  return { facts: factsTable(cells), format: parquet ? 'parquet' : 'csv', rowsRead: cells.rows.length };
}

/** CSV rows as text; blank lines are skipped, a row of another width is an error naming its line. */
async function csvCells(path: string): Promise<FactsCells> {
  const stream = readRecords(decodeText(createReadStream(path), path).chunks, path);
  let header: string[] | null = null;
  const rows: FactsCells['rows'] = [];
  for await (const batch of stream.records) {
    for (const record of batch) {
      if (record.fields.length === 1 && record.fields[0] === '') continue;
      if (header === null) {
        header = record.fields;
        continue;
      }
      if (record.fields.length !== header.length) {
        throw new DataError(`${path}:${record.line}: ${record.fields.length} fields where the header has ${header.length}; every row of a facts file has one cell per column (quote cells that hold a comma).`);
      }
      rows.push({ line: record.line, cells: record.fields });
    }
  }
  if (header === null) throw new DataError(`${path}: empty file; a facts file has a header row and one row per cohort member (loyalty cohort --facts FILE writes one).`);
  return { file: path, where: 'line', formulaGuarded: true, header, rows };
}

/**
 * Parquet rows as text, as a CSV export of the same table would spell them: numbers as the
 * shortest text of their double, a DECIMAL as its exact decimal's nearest double (hyparquet
 * scales by a float factor, which can land a bit off), dates as YYYY-MM-DD, timestamps as
 * ISO text, booleans as true/false, null as empty.
 */
async function parquetCells(path: string): Promise<FactsCells> {
  const { parquetMetadata, parquetReadObjects, parquetSchema } = await import('hyparquet');
  const bytes = await readFile(path);
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  let metadata;
  let objects: Record<string, unknown>[];
  try {
    metadata = parquetMetadata(buffer);
    objects = (await parquetReadObjects({ file: buffer, metadata })) as Record<string, unknown>[];
  } catch (e) {
    throw new DataError(`${path}: not a readable Parquet file (${(e as Error).message}); write it with loyalty cohort --facts FILE.parquet or export the loyalty sql result as Parquet.`);
  }
  const columns = parquetSchema(metadata).children.map((c) => c.element);
  const header = columns.map((c) => c.name);
  const scales = columns.map((c) => (c.converted_type === 'DECIMAL' || c.logical_type?.type === 'DECIMAL' ? (c.scale ?? 0) : null));
  const rows = objects.map((object, i) => ({ line: i + 1, cells: header.map((name, k) => parquetText(object[name], scales[k]!)) }));
  return { file: path, where: 'row', header, rows };
}

function parquetText(value: unknown, decimalScale: number | null): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' && decimalScale !== null && decimalScale > 0) {
    const unit = 10 ** decimalScale;
    return String(Math.round(value * unit) / unit);
  }
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  return String(value);
}
