import type { IngestOptions, LoadedOrders } from './records.js';
import { RowAccounting } from './accounting.js';
import { PRESETS } from './presets/index.js';
import type { Preset } from './presets/preset.js';
import { openMappedRows, type MappedRows } from './mappedRows.js';
import { columnLabel } from './mapping.js';
import { buildQuality, noteNormalizedIds } from './quality.js';
import { isoWall, Range } from './profile.js';
import { ORDER_DATE_FIX, OrderRows } from './orderRows.js';
import { plausibleDates } from './values/plausibleDate.js';
import { ORDER_COLUMNS, type OrderColumn, REQUIRED_ORDER_COLUMNS } from '../model/orderTable.js';

/**
 * Orders: any supported surface form → the canonical OrderTable plus the accounting of every
 * row that could not be used. Disk-free: `source` is the file's bytes or text, in chunks.
 */
export async function parseOrders(
  source: AsyncIterable<Uint8Array | string> | string,
  fileName: string,
  options: IngestOptions,
  presets: readonly Preset[] = PRESETS,
): Promise<LoadedOrders> {
  const acc = new RowAccounting(fileName, options.strict, options.maxUnusable);
  const input = await openMappedRows(source, fileName, 'orders', ORDER_COLUMNS, REQUIRED_ORDER_COLUMNS, options, acc, presets);
  const rows = orderRowsFor(input, options, acc);
  for await (const batch of input.rows) for (const { line, values } of batch) rows.row(line, values);
  return finishOrders(fileName, input, rows);
}

/** The row rules for a file whose header has been mapped. */
export function orderRowsFor(input: Pick<MappedRows, 'mapping' | 'dialect'>, options: IngestOptions, acc: RowAccounting): OrderRows {
  return new OrderRows(input.mapping, input.dialect.delimiter, options, acc);
}

/** After the last row: decisions that need the whole column, checks, quality and profile. */
export function finishOrders(fileName: string, input: Omit<MappedRows, 'rows'>, rows: OrderRows): LoadedOrders {
  const { acc, dates, currencies, table, decimal } = rows;
  const sources = input.mapping.sources;
  acc.assertSomeRows('orders');
  dates.decide(fileName);
  currencies.assertSingle(fileName, columnLabel('amount', sources));
  const unusable = new Set<number>();
  for (const { index, cell } of rows.pending) {
    const orderDate = dates.resolve(cell);
    if (orderDate !== null) table.orderDate[index] = orderDate;
    else {
      // Only bare numbers in a column that turned out not to be all Excel dates land here.
      unusable.add(index);
      acc.unparseable('order_date', table.lineOf(index), cell.raw);
      acc.skip(table.lineOf(index), 'unparseable order_date', cell.raw, 'order_date', sources.order_date, ORDER_DATE_FIX);
    }
  }
  // Dates outside 1970 .. a year after the run are typos: skipped, so they move no window.
  const plausible = plausibleDates(rows.now);
  for (let i = 0; i < table.length; i++) {
    const ms = table.orderDate[i];
    if (plausible.has(ms) || unusable.has(i)) continue;
    unusable.add(i);
    const shown = isoWall(ms);
    acc.unparseable('order_date', table.lineOf(i), shown);
    acc.skip(table.lineOf(i), `implausible order_date (${plausible.why(ms)})`, shown, 'order_date', sources.order_date, PLAUSIBLE_FIX);
  }
  if (unusable.size > 0) table.retain((i) => !unusable.has(i));
  const dateRange = new Range();
  const amountRange = new Range();
  for (let i = 0; i < table.length; i++) {
    dateRange.add(table.orderDate[i]);
    amountRange.add(table.amount[i]);
  }
  acc.assertSomeUsed(table.length + acc.rowsMerged);
  acc.assertColumnsUsable(sources, (column) => HINTS[column as OrderColumn] ?? 'check the column mapping');

  const amountFormat = [decimal === ',' ? 'decimal comma' : 'decimal point', currencies.describe()].filter(Boolean).join(', ');
  const formats: Partial<Record<OrderColumn, ColumnFormat>> = {
    customer_id: ['id', null, null],
    order_date: ['date', dates.describe(), dateRange.as(isoWall)],
    amount: ['amount', amountFormat, amountRange.as(String)],
    order_id: ['id', null, null],
    status: TEXT_FORMAT,
  };
  const decisions = [`order_date: ${dates.describe()}`, `amount: ${amountFormat}`];
  const quality = buildQuality(fileName, input, acc, table.length, decisions);
  quality.duplicateOrderIds = rows.duplicateOrderIds;
  noteNormalizedIds(quality, rows.changedIds);
  const present = new Set(ORDER_COLUMNS.filter((c) => c in sources));
  const profile = {
    encoding: input.encoding,
    delimiter: input.dialect.delimiter,
    lineEnding: input.dialect.lineEnding,
    headers: input.header.headers,
    // A column added without a format of its own is profiled as text.
    columns: [...present].map((c) => input.observer.profile(c, sources[c], ...(formats[c] ?? TEXT_FORMAT))),
  };
  return { table, present, currency: currencies.describe(), quality, profile, problems: acc.sortedProblems() };
}

/** How validate profiles a column: its kind, the format read, the range of its values. */
type ColumnFormat = [type: 'id' | 'text' | 'date' | 'amount', format: string | null, range: [string, string] | null];
const TEXT_FORMAT: ColumnFormat = ['text', null, null];

const PLAUSIBLE_FIX = 'correct the year (dates from 1970 to a year after today are read)';

const HINTS: Partial<Record<OrderColumn, string>> = {
  customer_id: 'map the column that holds the customer with --map orders.customer_id=<header>',
  order_date: 'check that --map orders.order_date points at the date column and that dates are ISO (2014-01-31) or M/D/YYYY (--date-format)',
  amount: 'check that --map orders.amount points at the amount column and the decimal separator (--decimal)',
};
