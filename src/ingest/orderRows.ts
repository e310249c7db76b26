import type { RowAccounting } from './accounting.js';
import { CurrencyTally } from './currencies.js';
import { columnLabel, type ColumnMapping } from './mapping.js';
import { blockLine, OrderTable, type PlainBlock } from '../model/orderTable.js';
import type { IngestOptions } from './records.js';
import { MAX_AMOUNT, parseAmount } from './values/amount.js';
import { normalizeCustomerId, normalizeOrderId } from './values/customerId.js';
import { DateColumn, type PendingTime } from './values/dateColumn.js';

/**
 * What one orders row means, defined once: both readers (the general one over papaparse
 * records, and the byte reader for plain files) hand their rows here. `row` takes the raw
 * text of a row and applies every rule; the byte reader calls `plainBlock` only for rows it
 * has already read exactly as `row` would (no trimming to do, ISO date, plain decimal amount)
 * and `row` for everything else.
 */
export class OrderRows {
  readonly table = new OrderTable();
  readonly dates: DateColumn;
  readonly decimal: '.' | ',';
  readonly currencies: CurrencyTally;
  /** Slash dates and bare numbers wait for the whole column; their rows are fixed up after. */
  readonly pending: { index: number; cell: PendingTime }[] = [];
  duplicateOrderIds = 0;
  /** Raw ids that Unicode normalisation changed (customerId.ts), for the data-quality count. */
  readonly changedIds = { customer_id: new Set<string>(), order_id: new Set<string>() };
  /** The run's time, for the plausible-date window. */
  readonly now: number;
  readonly sources: Record<string, string>;
  /** The optional columns the file has (a column it lacks is null on every row). */
  readonly hasOrderId: boolean;
  readonly hasStatus: boolean;

  constructor(mapping: Pick<ColumnMapping, 'sources' | 'positions'>, delimiter: string, options: IngestOptions, readonly acc: RowAccounting) {
    this.sources = mapping.sources;
    this.hasOrderId = mapping.positions.has('order_id');
    this.hasStatus = mapping.positions.has('status');
    this.dates = new DateColumn('order_date', columnLabel('order_date', this.sources), options.dateFormat, options.tz);
    this.decimal = options.decimal ?? (delimiter === ';' ? ',' : '.');
    this.currencies = new CurrencyTally(options.currency);
    this.now = options.now ?? Date.now();
  }

  row(line: number, values: Partial<Record<string, string>>): void {
    const { acc, sources } = this;
    const rawId = values.customer_id ?? '';
    const rawDate = values.order_date ?? '';
    const rawAmount = values.amount ?? '';
    const customerId = normalizeCustomerId(rawId, this.changedIds.customer_id);
    const date = this.dates.cell(rawDate, line);
    const parsed = parseAmount(rawAmount, this.decimal);
    const implausible = parsed !== null && !(Math.abs(parsed.value) <= MAX_AMOUNT);
    const amount = implausible ? null : parsed;
    if (date === null) acc.unparseable('order_date', line, rawDate);
    if (amount === null) acc.unparseable('amount', line, rawAmount);
    if (customerId === '') {
      acc.skip(line, 'empty customer_id', rawId, 'customer_id', sources.customer_id, 'fill in the customer or map another column with --map orders.customer_id=<header>');
    } else if (date === null) {
      acc.skip(line, 'unparseable order_date', rawDate, 'order_date', sources.order_date, DATE_FIX);
    } else if (amount === null) {
      if (implausible) acc.skip(line, 'implausible amount (above a trillion)', rawAmount, 'amount', sources.amount, 'correct the amount (at most 1,000,000,000,000 per row)');
      else acc.skip(line, 'unparseable amount', rawAmount, 'amount', sources.amount, AMOUNT_FIX);
    } else if (!this.currencies.accept(amount.currency, line)) {
      acc.skip(line, `currency other than ${this.currencies.keep}`, rawAmount, 'amount', sources.amount, `keep only ${this.currencies.keep} rows or change --currency`, true);
    } else {
      const orderId = this.hasOrderId ? normalizeOrderId(values.order_id ?? '', this.changedIds.order_id) : null;
      const orderKey = orderId === null ? -1 : this.table.orderIds.addText(orderId);
      if (orderId !== null && !this.table.orderIds.isNew) {
        this.duplicate(line, orderKey);
        return;
      }
      const status = this.hasStatus ? (values.status ?? '').trim() || null : null;
      if (typeof date !== 'number') this.pending.push({ index: this.table.length, cell: date });
      const customer = this.table.customerIds.addText(customerId);
      this.table.push(line, customer, { orderDate: typeof date === 'number' ? date : NaN, amount: amount.value }, this.table.statusCode(status), orderKey);
    }
  }

  /**
   * Rows from..from+count-1 of a block the byte reader has read completely (its rows, or a
   * worker's message), row i being line `line + i - from` (or block.lines[i]): customer and order-id numbers from
   * the table's ByteKeys (order id −1 for none; `repeated` when its `add` found it seen), a
   * status number, and each value as its byte reader in fast/plainOrderLine.ts read it. The
   * same table rows and the same skips as `row`, without a call per row. Reads the dates in
   * place.
   */
  plainBlock(line: number, from: number, count: number, block: PlainBlock): void {
    this.dates.fastCells(block.values.orderDate, block.sides.orderDate, from, count);
    this.table.pushBlock(line, from, count, block);
    const { repeated, orderId } = block;
    for (let i = from; i < from + count; i++) if (repeated[i] === 1) this.duplicate(blockLine(block, line, from, i), orderId[i]!);
  }

  /** A repeated order_id: counted once, the first row kept. */
  private duplicate(line: number, orderKey: number): void {
    this.duplicateOrderIds++;
    const orderId = this.table.orderIds.text(orderKey);
    this.acc.skip(line, 'duplicate order_id', orderId, 'order_id', this.sources.order_id, 'remove the repeated order row (the first one is kept)', true);
  }
}


const DATE_FIX = 'write dates like 2014-01-31 or 1/31/2014 (see --date-format), or map another column';
const AMOUNT_FIX = 'write amounts like 1234.50 or $1,234.50 (see --decimal), or map another column';
export { DATE_FIX as ORDER_DATE_FIX };
