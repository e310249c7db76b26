import {
  ORDER_COLUMNS,
  REQUIRED_ORDER_COLUMNS,
  type IngestOptions,
  type LoadedOrders,
  type OrderColumn,
  type OrderRecord,
} from './records.js';
import { RowAccounting } from './accounting.js';
import { PRESETS } from './presets/index.js';
import type { Preset } from './presets/preset.js';
import { CurrencyTally } from './currencies.js';
import { openMappedRows } from './mappedRows.js';
import { columnLabel } from './mapping.js';
import { buildQuality } from './quality.js';
import { isoWall, Range } from './profile.js';
import { parseAmount } from './values/amount.js';
import { normalizeCustomerId } from './values/customerId.js';
import { detach, Interner } from './values/detach.js';
import { DateColumn, type PendingTime } from './values/dateColumn.js';

/**
 * Orders: any supported surface form → canonical OrderRecords plus the accounting of every
 * row that could not be used. Disk-free: `source` is the file's bytes or text, in chunks.
 */
export async function parseOrders(
  source: AsyncIterable<Uint8Array | string> | string,
  fileName: string,
  options: IngestOptions,
  presets: readonly Preset[] = PRESETS,
): Promise<LoadedOrders> {
  const acc = new RowAccounting(fileName, options.strict);
  const input = await openMappedRows(source, fileName, 'orders', ORDER_COLUMNS, REQUIRED_ORDER_COLUMNS, options, acc, presets);
  const sources = input.mapping.sources;
  const dates = new DateColumn('order_date', columnLabel('order_date', sources), options.dateFormat, options.tz);
  const decimal = options.decimal ?? (input.dialect.delimiter === ';' ? ',' : '.');
  const currencies = new CurrencyTally(options.currency);
  const hasOrderId = input.mapping.positions.has('order_id');
  const hasStatus = input.mapping.positions.has('status');
  const records: OrderRecord[] = [];
  // Slash dates and bare numbers wait for the whole column; their records are fixed up after.
  const pending: { index: number; cell: PendingTime }[] = [];
  const seen = new Set<string>();
  const statuses = new Interner();
  let duplicateOrderIds = 0;

  for await (const batch of input.rows) {
    for (const { line, values } of batch) {
      const rawId = values.customer_id ?? '';
      const rawDate = values.order_date ?? '';
      const rawAmount = values.amount ?? '';
      const customerId = normalizeCustomerId(rawId);
      const date = dates.cell(rawDate);
      const amount = parseAmount(rawAmount, decimal);
      if (date === null) acc.unparseable('order_date', line, rawDate);
      if (amount === null) acc.unparseable('amount', line, rawAmount);
      if (customerId === '') {
        acc.skip(line, 'empty customer_id', rawId, 'customer_id', sources.customer_id, 'fill in the customer or map another column with --map orders.customer_id=<header>');
      } else if (date === null) {
        acc.skip(line, 'unparseable order_date', rawDate, 'order_date', sources.order_date, DATE_FIX);
      } else if (amount === null) {
        acc.skip(line, 'unparseable amount', rawAmount, 'amount', sources.amount, AMOUNT_FIX);
      } else if (!currencies.accept(amount.currency)) {
        acc.skip(line, `currency other than ${currencies.keep}`, rawAmount, 'amount', sources.amount, `keep only ${currencies.keep} rows or change --currency`, true);
      } else {
        const orderId = hasOrderId ? detach((values.order_id ?? '').trim()) || null : null;
        if (orderId !== null) {
          if (seen.has(orderId)) {
            duplicateOrderIds++;
            acc.skip(line, 'duplicate order_id', orderId, 'order_id', sources.order_id, 'remove the repeated order row (the first one is kept)', true);
            continue;
          }
          seen.add(orderId);
        }
        const status = hasStatus ? statuses.intern((values.status ?? '').trim()) || null : null;
        if (typeof date !== 'number') pending.push({ index: records.length, cell: date });
        records.push({ line, customerId, orderDate: typeof date === 'number' ? date : NaN, amount: amount.value, orderId, status });
      }
    }
  }
  acc.assertSomeRows('orders');
  dates.decide(fileName);
  currencies.assertSingle(fileName, columnLabel('amount', sources));
  let unusable = 0;
  for (const { index, cell } of pending) {
    const orderDate = dates.resolve(cell);
    if (orderDate !== null) records[index].orderDate = orderDate;
    else {
      // Only bare numbers in a column that turned out not to be all Excel dates land here.
      unusable++;
      acc.unparseable('order_date', records[index].line, cell.raw);
      acc.skip(records[index].line, 'unparseable order_date', cell.raw, 'order_date', sources.order_date, DATE_FIX);
    }
  }
  if (unusable > 0) {
    let kept = 0;
    for (const r of records) if (!Number.isNaN(r.orderDate)) records[kept++] = r;
    records.length = kept;
  }
  const dateRange = new Range();
  const amountRange = new Range();
  for (const r of records) {
    dateRange.add(r.orderDate);
    amountRange.add(r.amount);
  }
  acc.assertSomeUsed(records.length + acc.rowsMerged);
  acc.assertColumnsUsable(sources, (column) => HINTS[column as OrderColumn] ?? 'check the column mapping');

  const amountFormat = [decimal === ',' ? 'decimal comma' : 'decimal point', currencies.describe()].filter(Boolean).join(', ');
  const formats: Partial<Record<OrderColumn, [type: 'id' | 'text' | 'date' | 'amount', format: string | null, range: [string, string] | null]>> = {
    customer_id: ['id', null, null],
    order_date: ['date', dates.describe(), dateRange.as(isoWall)],
    amount: ['amount', amountFormat, amountRange.as(String)],
    order_id: ['id', null, null],
    status: ['text', null, null],
  };
  const decisions = [`order_date: ${dates.describe()}`, `amount: ${amountFormat}`];
  const quality = buildQuality(fileName, input, acc, records.length, decisions);
  quality.duplicateOrderIds = duplicateOrderIds;
  const present = new Set(ORDER_COLUMNS.filter((c) => c in sources));
  const profile = {
    encoding: input.encoding,
    delimiter: input.dialect.delimiter,
    lineEnding: input.dialect.lineEnding,
    headers: input.header.headers,
    columns: [...present].map((c) => input.observer.profile(c, sources[c], ...formats[c]!)),
  };
  return { records, present, quality, profile, problems: acc.sortedProblems() };
}

const DATE_FIX = 'write dates like 2014-01-31 or 1/31/2014 (see --date-format), or map another column';
const AMOUNT_FIX = 'write amounts like 1234.50 or $1,234.50 (see --decimal), or map another column';
const HINTS: Partial<Record<OrderColumn, string>> = {
  customer_id: 'map the column that holds the customer with --map orders.customer_id=<header>',
  order_date: 'check that --map orders.order_date points at the date column and that dates are ISO (2014-01-31) or M/D/YYYY (--date-format)',
  amount: 'check that --map orders.amount points at the amount column and the decimal separator (--decimal)',
};
