import { DataError } from '../errors.js';
import type { Engine } from './engine.js';
import { matchColumns, SLICE_ONLY_TICKET_COLUMNS, sourceOf, type FactsSource } from './factsSource.js';

/**
 * Orders and tickets files (CSV, Parquet, or globs of either: `orders/*.parquet`) as DuckDB
 * tables the facts query reads, out of core. Each table numbers its rows in DuckDB's scan order
 * (files in name order, rows in file order: DuckDB keeps insertion order by default), the
 * row order by which the first of repeated order ids is kept, as the CSV path keeps the first
 * in the file.
 *
 * CSV cells are read as text (ids keep leading zeros), dates are the first 19 characters of an
 * ISO 8601 value (the wall clock as written; an offset is kept, not converted, as in the CSV
 * path) and amounts plain decimals. Anything else (slash dates, currency symbols, platform
 * exports) is the CSV path's job: a column that is more than 5% unreadable is an error naming
 * it, and fewer unreadable cells are counted as skipped rows.
 */
export interface FileViews {
  source: FactsSource;
  /** Per file: canonical column → the column read. */
  columns: { orders: Record<string, string>; tickets: Record<string, string> };
}

const ORDERS_TABLE = 'loyalty_orders';
const TICKETS_TABLE = 'loyalty_tickets';
/**
 * The table's rowid: a table made by one CREATE TABLE … AS SELECT keeps DuckDB's insertion
 * order (preserve_insertion_order, on by default), so rowid numbers the rows in scan order,
 * as ROW_NUMBER() OVER () did at ~0.5 s more per 1M rows. The table holds only the columns
 * read, by their names in the file: one named rowid would hide it, and loyalty_row then
 * numbers the rows instead.
 */
const ROW_ID = 'rowid';
const NUMBERED_ROW = 'loyalty_row';

const DATES = new Set(['order_date', 'created_at', 'first_response_at']);

export async function duckdbFileViews(engine: Engine, files: { orders: string; tickets: string }, columnMap: Record<string, string>): Promise<FileViews> {
  const orders = await view(engine, ORDERS_TABLE, files.orders, 'orders', columnMap);
  // The facts stage leaves the slice-only columns in the file: not loaded, not checked.
  const tickets = await view(engine, TICKETS_TABLE, files.tickets, 'tickets', columnMap, (c) => !SLICE_ONLY_TICKET_COLUMNS.includes(c));
  const row = rowIdHidden(orders) ? NUMBERED_ROW : ROW_ID;
  return { source: sourceOf({ orders: ORDERS_TABLE, tickets: TICKETS_TABLE }, { orders, tickets }, row), columns: { orders, tickets } };
}

/** The tickets file alone, as the table `slices` reads (the orders are not read). */
export async function duckdbTicketsView(engine: Engine, path: string, columnMap: Record<string, string>): Promise<{ table: string; columns: Record<string, string> }> {
  return { table: TICKETS_TABLE, columns: await view(engine, TICKETS_TABLE, path, 'tickets', columnMap) };
}

const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;
const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Creates the view; returns canonical column → the file's column, for the columns found. */
async function view(
  engine: Engine,
  name: string,
  path: string,
  role: 'orders' | 'tickets',
  columnMap: Record<string, string>,
  wanted: (column: string) => boolean = () => true,
): Promise<Record<string, string>> {
  const parquet = /\.parquet$/i.test(path);
  const reader = parquet ? `read_parquet(${literal(path)})` : `read_csv(${literal(path)}, all_varchar = true)`;
  const names = await engine.columnNames(`SELECT * FROM ${reader}`);
  const found = Object.fromEntries(Object.entries(matchColumns(names, role, columnMap, path)).filter(([c]) => wanted(c)));
  // Typed the same way for CSV and Parquet: dates as wall-clock TIMESTAMPs, amounts exact. The
  // file is read once, into a table (DuckDB spills it to disk beyond --memory-limit): the span,
  // facts and count queries then read the table, not the file four times over.
  const typed = Object.entries(found).filter(([c]) => DATES.has(c) || c === 'amount');
  const select = Object.entries(found).map(([column, source]) => {
    const q = quoted(source);
    return typed.some(([c]) => c === column) ? `${castOf(column, q)} AS ${q}` : q;
  });
  const flags = typed.map(([column, source], i) => {
    const raw = `TRIM(CAST(${quoted(source)} AS VARCHAR))`;
    return `(${raw} <> '' AND ${castOf(column, quoted(source))} IS NULL) AS loyalty_unreadable_${i}`;
  });
  const numbered = rowIdHidden(found) ? [`ROW_NUMBER() OVER () AS ${NUMBERED_ROW}`] : [];
  await engine.run(`CREATE OR REPLACE TABLE ${name} AS SELECT ${[...numbered, ...select, ...flags].join(', ')} FROM ${reader}`);
  await assertReadable(engine, path, name, typed);
  return found;
}

const rowIdHidden = (found: Record<string, string>) => Object.values(found).some((name) => name.toLowerCase() === ROW_ID);

/** A date as the wall-clock TIMESTAMP of its first 19 characters; an amount as an exact decimal; null when unreadable. */
function castOf(column: string, q: string): string {
  const raw = `TRIM(CAST(${q} AS VARCHAR))`;
  if (DATES.has(column)) return `TRY_CAST(LEFT(${raw}, 19) AS TIMESTAMP)`;
  // Text to DECIMAL(38, 6) is ~10 times slower in DuckDB than to DECIMAL(18, 6) (2 s per 1M
  // amounts): the wide type only for amounts of 13 or more integer digits, rounded alike.
  return `COALESCE(TRY_CAST(${raw} AS DECIMAL(18, 6)), TRY_CAST(${raw} AS DECIMAL(38, 6)))`;
}

/**
 * The date and amount cells that are filled but unreadable (flagged when the table was made).
 * Over 5% of a column is an error naming it (as the CSV path's threshold); fewer are counted as
 * skipped rows.
 */
async function assertReadable(engine: Engine, path: string, table: string, typed: [string, string][]): Promise<void> {
  if (typed.length === 0) return;
  const counts = typed.map((_, i) => `COUNT(*) FILTER (WHERE loyalty_unreadable_${i}) AS bad_${i}`);
  const [row] = await engine.rows(`SELECT COUNT(*) AS total, ${counts.join(', ')} FROM ${table}`);
  const total = Number(row!.total);
  typed.forEach(([column, source], i) => {
    const bad = Number(row![`bad_${i}`]);
    if (total > 0 && bad / total > 0.05) {
      const form = DATES.has(column) ? 'ISO 8601 dates (2014-01-31 or 2014-01-31 10:00:00)' : 'plain decimal amounts (1234.50)';
      throw new DataError(
        `${path}: column ${source} (${column}) is unreadable in ${bad} of ${total} rows; --engine duckdb reads ${form}. Read this file without --engine, which understands more forms`,
      );
    }
  });
}
