import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseOrders } from '../../../src/ingest/orders.js';
import { readPlainOrders } from '../../../src/ingest/fast/plainOrders.js';
import { PRESETS } from '../../../src/ingest/presets/index.js';
import type { IngestOptions } from '../../../src/ingest/records.js';
import { inPieces, options } from '../ingestTestUtil.js';
import { orderRecords, withRows } from '../../model/orderRecords.js';
import { expectPlainOrGeneral, plainFiles, renderCsv, SURFACE, type RowShape } from './plainFileHarness.js';

/**
 * The byte reader of a Shopify line-item export (plainLineItems.ts) against the general path
 * (papaparse → the preset's fold over every row → OrderRows.row): on any generated export it
 * hands the file back or gives exactly the general result. Exports are mostly as Shopify
 * writes them (an order's rows together, the order's fields on its first row), with what the
 * fold must get right mixed in: orders exported twice, rows of an order apart, a first row
 * without a total, line items carrying a status or a cancellation, refunds in either decimal
 * separator, currencies, blank names, totals rows and broken lines.
 */
const files = plainFiles('line-items');

const EMAILS = ['ann@example.com', 'Ann@Example.com', 'bob@x.org', '', ' bob@x.org', 'ÜLI@x.de'];
const DATES = ['2024-01-05 10:00:00 +0100', '2024-03-31 23:59:59 -0330', '2024-01-05', '1/5/2024', '', '2024-02-30 10:00:00 +0000', '2024-01-05T10:00:00Z'];
const TOTALS = ['12.50', '-3.00', '7', '1,234.56', '12,50', '$5.00', 'abc', ' 4.20', '0.125', '1234567890123456'];
const STATUSES = ['paid', 'refunded', 'voided', 'pending', '', ' paid'];
const CURRENCIES = ['USD', 'usd', 'EUR', 'XYZ', '', ' USD'];
const REFUNDS = ['', '', '', '2.00', '2,00', '0', 'x'];
const CANCELLED = ['', '', '', '2024-01-06 09:00:00 +0100', ' '];
const NAMES = ['#1001', '#1002', '#1003', '#1004', '#1005', '#1006', '#1007', '#1008', 'A-9', 'Total', ' #1009', ''];

const order = fc.record({
  name: fc.constantFrom(...NAMES),
  email: fc.constantFrom(...EMAILS),
  date: fc.constantFrom(...DATES),
  total: fc.constantFrom(...TOTALS),
  status: fc.constantFrom(...STATUSES),
  currency: fc.constantFrom(...CURRENCIES),
  refund: fc.constantFrom(...REFUNDS),
  cancelled: fc.constantFrom(...CANCELLED),
  /** Line items after the head: 0–2. */
  items: fc.integer({ min: 0, max: 2 }),
  /** What the items carry besides blanks: usually nothing, now and then a value to pick. */
  itemValue: fc.constantFrom('none', 'none', 'none', 'none', 'none', 'status', 'cancelled', 'currency', 'email', 'refund', 'total'),
  /** The head comes after its first item (the first row has no total). */
  headLast: fc.constantFrom(false, false, false, false, false, false, true),
  /** One item goes to the end of the file (rows of an order apart). */
  itemApart: fc.constantFrom(false, false, false, false, false, false, false, true),
  shape: fc.constantFrom<RowShape>('row', 'row', 'row', 'row', 'row', 'row', 'row', 'row', 'row', 'row', 'row', 'row', 'blank', 'delimiters', 'short', 'long', 'trailing'),
});

const file = fc.record({
  orders: fc.array(order, { minLength: 0, maxLength: 30 }),
  /** Half the exports as Shopify writes them (any values, but an order's rows together and whole), half with anything. */
  wellFormed: fc.constantFrom(true, true, true, false),
  ...SURFACE,
  withRefund: fc.boolean(),
  withCancelled: fc.boolean(),
  decimal: fc.constantFrom<IngestOptions['decimal']>(null, null, '.', ','),
  currency: fc.constantFrom<string | null>(null, null, null, 'USD', 'EUR'),
});

type File = typeof file extends fc.Arbitrary<infer T> ? T : never;

const HEADER = ['Name', 'Email', 'Financial Status', 'Currency', 'Total', 'Created at', 'Lineitem quantity', 'Lineitem name'];

function render(f: File): Buffer {
  const header = [...HEADER, ...(f.withRefund ? ['Refunded Amount'] : []), ...(f.withCancelled ? ['Cancelled at'] : [])];
  const rows: { fields: string[]; shape: RowShape }[] = [];
  const apart: { fields: string[]; shape: RowShape }[] = [];
  // A cell holding the delimiter would make the row ragged.
  const cell = (value: string) => (f.delimiter === ',' ? value.replace(/,/g, '') : value);
  const orders = f.wellFormed ? f.orders.map((o) => ({ ...o, total: cell(o.total), refund: cell(o.refund), name: NAMES[NAMES.indexOf(o.name) % 9]!, shape: 'row' as const, headLast: false, itemApart: false, itemValue: o.itemValue === 'email' ? 'email' : 'none' })) : f.orders;
  orders.forEach((o, i) => {
    const line = (head: boolean, k: number) => {
      const pickedOnItem = (what: string, value: string) => (head ? value : o.itemValue === what ? value || 'x' : '');
      return [
        o.name,
        head || o.itemValue !== 'email' ? o.email : 'other@x.org',
        pickedOnItem('status', o.status),
        pickedOnItem('currency', o.currency),
        head ? o.total : o.itemValue === 'total' ? '9.99' : '',
        o.date,
        String(1 + k),
        // A name with a comma, quoted as exports write it: a cell no role reads.
        k % 2 === 1 ? `"Mug, large ""${i}"""` : `item ${i}.${k}`,
        ...(f.withRefund ? [pickedOnItem('refund', o.refund)] : []),
        ...(f.withCancelled ? [pickedOnItem('cancelled', o.cancelled)] : []),
      ];
    };
    const group = [line(true, 0), ...Array.from({ length: o.items }, (_, k) => line(false, k + 1))];
    if (o.headLast && group.length > 1) group.push(group.shift()!);
    group.forEach((fields, k) => {
      const shape = k === 0 ? o.shape : 'row';
      if (o.itemApart && k === group.length - 1 && k > 0) apart.push({ fields, shape });
      else rows.push({ fields, shape });
    });
  });
  return renderCsv(header, [...rows, ...apart], f.wellFormed ? { ...f, mixedEnds: null } : f);
}

function plainRead(bytes: Buffer, o: IngestOptions, chunk: number) {
  return files.read(bytes, (handle) => readPlainOrders(handle, bytes.length, 'orders.csv', o, PRESETS, undefined, chunk));
}

describe('line-item export reader', () => {
  it('gives the general path’s result, or hands the file back, on any export', async () => {
    const o = (f: File) => options({ decimal: f.decimal, currency: f.currency });
    await expectPlainOrGeneral(
      file,
      async (f) => withRows(await parseOrders(inPieces(render(f), 1 << 20), 'orders.csv', o(f))),
      async (f) => {
        const read = await plainRead(render(f), o(f), f.chunk);
        return 'value' in read && read.value !== null ? { value: withRows(read.value) } : read;
      },
    );
  });

  it('folds a Shopify export itself: one order per Name, line items counted as merged', async () => {
    const text = [
      'Name,Email,Financial Status,Currency,Total,Refunded Amount,Cancelled at,Created at,Lineitem quantity',
      '#1001,Ann@Example.com,paid,USD,12.50,,,2024-01-05 10:00:00 +0100,1',
      '#1001,Ann@Example.com,,,,,,2024-01-05 10:00:00 +0100,2',
      '#1002,bob@x.org,paid,USD,20.00,5.00,,2024-01-06 10:00:00 +0100,1',
      '#1003,bob@x.org,voided,USD,7.00,,2024-01-07 11:00:00 +0100,2024-01-07 10:00:00 +0100,1',
      '#1001,Ann@Example.com,paid,USD,12.50,,,2024-01-05 10:00:00 +0100,1',
      '#1001,Ann@Example.com,,,,,,2024-01-05 10:00:00 +0100,2',
      '',
    ].join('\n');
    const bytes = Buffer.from(text);
    const plain = await plainRead(bytes, options(), 1 << 20);
    expect('value' in plain && plain.value !== null).toBe(true);
    const loaded = (plain as { value: NonNullable<Awaited<ReturnType<typeof readPlainOrders>>> }).value;
    // The refund is netted and the cancelled order's status is "cancelled" (both made from
    // text by the preset); the second #1001 is a duplicate order_id.
    expect(orderRecords(loaded.table)).toEqual([
      { line: 2, customerId: 'ann@example.com', orderDate: Date.UTC(2024, 0, 5, 10), amount: 12.5, orderId: '#1001', status: 'paid' },
      { line: 4, customerId: 'bob@x.org', orderDate: Date.UTC(2024, 0, 6, 10), amount: 15, orderId: '#1002', status: 'paid' },
      { line: 5, customerId: 'bob@x.org', orderDate: Date.UTC(2024, 0, 7, 10), amount: 7, orderId: '#1003', status: 'cancelled' },
    ]);
    expect(loaded.quality.duplicateOrderIds).toBe(1);
    expect([loaded.quality.rowsRead, loaded.quality.rowsUsed, loaded.quality.rowsSkipped]).toEqual([6, 5, 1]);
    expect(loaded.profile.columns.find((c) => c.column === 'amount')?.examples).toEqual(['12.50 USD', '15.00 USD', '7.00 USD']);
    expect(withRows(loaded)).toEqual(withRows(await parseOrders(text, 'orders.csv', options())));
  });

  it('nets a refund with the decimal separator the fold guesses from the whole file', async () => {
    // The refund comes before the decimal commas that decide the guess; read with a point, 1,5 would be 15.
    const text = 'Name;Email;Financial Status;Currency;Total;Refunded Amount;Created at;Lineitem quantity\n#1;a@x.org;paid;EUR;12.50;1,5;2024-01-05;1\n#2;a@x.org;paid;EUR;3,25;;2024-01-06;1\n#3;a@x.org;paid;EUR;4,75;;2024-01-07;1\n';
    const general = await parseOrders(text, 'orders.csv', options());
    expect(orderRecords(general.table).map((o) => o.amount)).toEqual([11, 3.25, 4.75]);
    const plain = await plainRead(Buffer.from(text), options(), 1 << 20);
    expect(plain).toEqual({ value: null });
  });

  it('hands back an export whose order rows are apart, or whose first row has no total', async () => {
    const header = 'Name,Email,Financial Status,Currency,Total,Created at,Lineitem quantity\n';
    const apart = `${header}#1,a@x.org,paid,USD,5.00,2024-01-05,A\n#2,b@x.org,paid,USD,6.00,2024-01-05,B\n#1,a@x.org,,,,2024-01-05,C\n`;
    const headless = `${header}#1,a@x.org,,,,2024-01-05,A\n#1,a@x.org,paid,USD,5.00,2024-01-05,B\n`;
    for (const text of [apart, headless]) expect(await plainRead(Buffer.from(text), options(), 1 << 20)).toEqual({ value: null });
  });
});
