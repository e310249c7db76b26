import fc from 'fast-check';
import { open, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parallelRest, type ParallelOptions } from '../../../src/ingest/fast/parallelOrders.js';
import { readPlainOrders } from '../../../src/ingest/fast/plainOrders.js';
import { PRESETS } from '../../../src/ingest/presets/index.js';
import type { IngestOptions } from '../../../src/ingest/records.js';
import { options } from '../ingestTestUtil.js';
import { MIXED_ENDS, plainFiles, renderCsv, settle, type QuoteCells } from './plainFileHarness.js';
import { withRows } from '../../model/orderRecords.js';

/**
 * Reading the rest of a plain orders file on worker threads against reading it on this thread
 * alone (the byte reader, itself held to the general path by plainOrders.test.ts): the same
 * LoadedOrders to the last field — table columns and id numbering, duplicates, profile,
 * problems — or the same hand-back to the general path. Tiny chunks and ranges put range and
 * message boundaries everywhere, rows the workers refuse sit at random places, and failing or
 * stalling workers must change nothing.
 */
const WORKER = new URL('../../../dist/src/ingest/fast/orderRangeWorker.js', import.meta.url);
const files = plainFiles('parallel-orders');

const CUSTOMERS = ['C1001', 'C1002', 'C1003', 'C0042', 'Ann@Example.com', 'ann@example.com', 'ÜLI@x.de', 'Ü1', 'c1001', ' C9 ', '', 'a-customer-id-well-over-forty-characters-long', 'C10\u200b01'];
const DATES = ['2024-01-05', '2024-01-05 10:00:00', '2024-03-31T23:59:59Z', '2024-03-31 23:59:59 -0330', '2024-03-31T23:59:59+05:45', '2024-01-05 10:00', '2024-02-30', '1/5/2024', ''];
const AMOUNTS = ['12.50', '-3', '0.1', '$5.00', '1,234.56', 'abc', ''];
const ORDER_IDS = ['1001', '1002', '1003', '1001', 'A-7', 'A-8', 'A-7', '', '01001', '99999999999999', String(2 ** 40), '10\u200b01'];
const STATUSES = ['completed', 'Cancelled', 'refunded', '', 'näh', ' failed'];

const row = fc.record({
  customer: fc.oneof({ weight: 1, arbitrary: fc.constantFrom(...CUSTOMERS) }, { weight: 6, arbitrary: fc.integer({ min: 1000, max: 1200 }).map((n) => `C${n}`) }),
  date: fc.oneof({ weight: 20, arbitrary: fc.constant('2024-01-05') }, { weight: 1, arbitrary: fc.constantFrom(...DATES) }),
  amount: fc.oneof({ weight: 20, arbitrary: fc.constant('12.50') }, { weight: 1, arbitrary: fc.constantFrom(...AMOUNTS) }),
  orderId: fc.oneof(fc.constantFrom(...ORDER_IDS), fc.integer({ min: 1000, max: 1300 }).map(String)),
  status: fc.oneof({ weight: 6, arbitrary: fc.constant('completed') }, { weight: 1, arbitrary: fc.constantFrom(...STATUSES) }),
});

const file = fc.record({
  rows: fc.array(row, { minLength: 35, maxLength: 250 }),
  delimiter: fc.constantFrom(',', ';'),
  lineEnding: fc.constantFrom('\n', '\r\n'),
  mixedEnds: MIXED_ENDS,
  bom: fc.boolean(),
  finalNewline: fc.boolean(),
  quote: fc.boolean(),
  quoteCells: fc.constantFrom<QuoteCells>('none', 'all', 'some'),
  withStatus: fc.boolean(),
  chunk: fc.integer({ min: 16, max: 200 }),
  range: fc.integer({ min: 1, max: 600 }),
  message: fc.integer({ min: 1, max: 400 }),
  workers: fc.integer({ min: 1, max: 3 }),
  tz: fc.constantFrom<string | null>(null, 'Europe/Berlin'),
});

type File = typeof file extends fc.Arbitrary<infer T> ? T : never;

function render(f: File): Buffer {
  const header = ['order_id', 'customer_id', 'order_date', 'amount', ...(f.withStatus ? ['status'] : [])];
  const rows = f.rows.map((r, i) => ({
    // A quote the byte reader cannot take, in the last range: that range goes back to the general path.
    fields: [r.orderId, f.quote && i === f.rows.length - 1 ? `"${r.customer}` : r.customer, r.date, r.amount, ...(f.withStatus ? [r.status] : [])],
    shape: 'row' as const,
  }));
  return renderCsv(header, rows, f);
}

let counter = 0;
/** Rows the main thread took from workers, so a test can tell the workers did read. */
let workerRows = 0;
const progress = { advance: (_bytes: number, rows: number) => void (workerRows += rows) };

async function read(bytes: Buffer, o: IngestOptions, chunk: number, parallel?: ParallelOptions) {
  const path = files.path(`orders-${counter++}.csv`);
  await writeFile(path, bytes);
  const handle = await open(path, 'r');
  try {
    return await settle(() => readPlainOrders(handle, bytes.length, path, o, PRESETS, undefined, chunk, parallel && parallelRest(path, bytes.length, progress, parallel)));
  } finally {
    await handle.close();
  }
}

/** The table read: every column and id number. */
function tableOf(result: Awaited<ReturnType<typeof read>>) {
  const table = 'value' in result ? result.value?.table : undefined;
  if (table === undefined) return null;
  const n = table.length;
  const cut = (a: { subarray(a: number, b: number): ArrayLike<number> }) => Array.from(a.subarray(0, n));
  return {
    columns: [Float64Array.from({ length: n }, (_, i) => table.lineOf(i)), table.customer, table.orderDate, table.amount, table.status, table.orderId].map(cut),
    customers: Array.from({ length: table.customerIds.size }, (_, k) => table.customerIds.text(k)),
    orderIds: Array.from(table.orderId.subarray(0, n), (code) => (code === -1 ? null : table.orderIds.text(code))),
    statuses: table.statuses,
  };
}

/** The file name is part of messages; both reads of a case must name the same file. */
function sameName(result: Awaited<ReturnType<typeof read>>, from: string, to: string) {
  const rows = 'value' in result ? { value: withRows(result.value) } : result;
  return JSON.parse(JSON.stringify(rows).split(from).join(to)) as typeof rows;
}

describe('plain orders read on worker threads', () => {
  it('gives exactly what reading on this thread alone gives, on any file and any cut into ranges', async () => {
    let used = 0;
    await fc.assert(
      fc.asyncProperty(file, async (f) => {
        const bytes = render(f);
        const o = options({ tz: f.tz });
        const alone = await read(bytes, o, f.chunk);
        const before = workerRows;
        const parallel = await read(bytes, o, f.chunk, { worker: WORKER, workers: f.workers, minBytes: 0, rangeBytes: f.range, messageBytes: f.message });
        if (workerRows > before) used++;
        expect(sameName(parallel, `orders-${counter - 1}.csv`, 'x.csv')).toEqual(sameName(alone, `orders-${counter - 2}.csv`, 'x.csv'));
        expect(tableOf(parallel)).toEqual(tableOf(alone));
      }),
      { numRuns: 100 },
    );
    // The property says nothing unless workers did read rows in many of the cases. Files with
    // mixed line ends go back to the general path by design, so fewer cases reach the workers
    // than before (29 of 100 in one run): more than 20 still shows they read rows.
    expect(used).toBeGreaterThan(20);
  }, 120_000);

  const big = Buffer.from(
    'order_id,customer_id,order_date,amount,status\n' +
      Array.from({ length: 3000 }, (_, i) => `${1000 + (i % 2900)},C${1000 + ((i * 7) % 500)},2024-01-${String(1 + (i % 28)).padStart(2, '0')},${i % 97}.25,${i % 5 === 0 ? 'cancelled' : 'completed'}`).join('\n') +
      '\n',
  );

  it('reads a file of many ranges with workers and finds its repeated order ids across ranges', async () => {
    const alone = await read(big, options(), 256);
    const before = workerRows;
    const parallel = await read(big, options(), 256, { worker: WORKER, workers: 2, minBytes: 0, rangeBytes: 4096, messageBytes: 1024 });
    expect(workerRows - before).toBeGreaterThan(2500);
    expect(tableOf(parallel)).toEqual(tableOf(alone));
    const value = (r: typeof alone) => ('value' in r ? r.value : null);
    expect(value(parallel)?.table.length).toBe(2900);
    expect(value(parallel)?.quality.duplicateOrderIds).toBe(100);
    expect(sameName(parallel, `orders-${counter - 1}.csv`, 'x.csv')).toEqual(sameName(alone, `orders-${counter - 2}.csv`, 'x.csv'));
  });

  it('a worker that fails to start changes nothing: this thread reads its ranges', async () => {
    const failing = new URL('data:text/javascript,throw new Error("worker failed")');
    const alone = await read(big, options(), 256);
    const parallel = await read(big, options(), 256, { worker: failing, workers: 2, minBytes: 0, rangeBytes: 4096 });
    expect(sameName(parallel, `orders-${counter - 1}.csv`, 'x.csv')).toEqual(sameName(alone, `orders-${counter - 2}.csv`, 'x.csv'));
  });

  it('a worker that stalls is given up on after stallMs, not waited for', async () => {
    const stalling = new URL('data:text/javascript,for (;;) {}');
    const alone = await read(big, options(), 256);
    const parallel = await read(big, options(), 256, { worker: stalling, workers: 1, minBytes: 0, rangeBytes: 4096, stallMs: 200 });
    expect(sameName(parallel, `orders-${counter - 1}.csv`, 'x.csv')).toEqual(sameName(alone, `orders-${counter - 2}.csv`, 'x.csv'));
  });
});

/**
 * A Shopify line-item export read on worker threads (LineItemRangeParser, joined by
 * RangeApplier through the reader's LineItemFold) against this thread alone (itself held to
 * the general path by plainLineItems.test.ts): ranges and messages cut orders between their
 * head and their line items everywhere; now and then a head the workers leave to this thread
 * (a refund, a cancellation, a slash date), an order exported twice, or line items carrying a
 * status, an e-mail or a currency.
 */
const lineItemOrder = fc.record({
  repeat: fc.oneof({ weight: 12, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  customer: fc.integer({ min: 1, max: 60 }),
  items: fc.integer({ min: 0, max: 3 }),
  head: fc.oneof({ weight: 12, arbitrary: fc.constant('plain') }, { weight: 1, arbitrary: fc.constantFrom('refund', 'cancelled', 'slash', 'eur', 'no-currency', 'no-status') }),
  item: fc.oneof({ weight: 3, arbitrary: fc.constant('blank') }, { weight: 1, arbitrary: fc.constantFrom('status', 'email', 'currency') }),
});

const lineItemFile = fc.record({
  orders: fc.array(lineItemOrder, { minLength: 20, maxLength: 160 }),
  /** Line items carrying values now and then (which may fill what a head lacks), or never. */
  itemValues: fc.constantFrom(false, false, true),
  lineEnding: fc.constantFrom('\n', '\r\n'),
  finalNewline: fc.boolean(),
  chunk: fc.integer({ min: 16, max: 200 }),
  range: fc.integer({ min: 1, max: 600 }),
  message: fc.integer({ min: 1, max: 400 }),
  workers: fc.integer({ min: 1, max: 3 }),
  currency: fc.constantFrom<string | null>(null, null, 'USD'),
});

function renderLineItems(f: typeof lineItemFile extends fc.Arbitrary<infer T> ? T : never): Buffer {
  const lines = ['Name,Email,Financial Status,Currency,Total,Refunded Amount,Cancelled at,Created at,Lineitem quantity,Lineitem name'];
  f.orders.forEach((o, i) => {
    const name = `#${1001 + (o.repeat ? Math.max(0, i - 3) : i)}`;
    const email = o.customer % 5 === 0 ? `Buyer.${o.customer}@Shop.example` : `buyer.${o.customer}@shop.example`;
    const date = o.head === 'slash' ? '1/13/2024' : `2024-01-${String(1 + (i % 28)).padStart(2, '0')} 10:00:00 +0100`;
    lines.push(
      [
        name,
        email,
        o.head === 'no-status' ? '' : 'paid',
        o.head === 'eur' ? 'EUR' : o.head === 'no-currency' ? '' : 'USD',
        `${10 + (i % 90)}.50`,
        o.head === 'refund' ? '2.00' : '',
        o.head === 'cancelled' ? '2024-02-01 10:00:00 +0100' : '',
        date,
        '1',
        `"Mug, large ${i}"`,
      ].join(','),
    );
    for (let k = 0; k < o.items; k++) {
      const given = (what: string, value: string) => (f.itemValues && o.item === what ? value : '');
      lines.push([name, given('email', email) || email, given('status', 'paid'), given('currency', 'USD'), '', '', '', date, '2', `item ${k}`].join(','));
    }
  });
  return Buffer.from(lines.join(f.lineEnding) + (f.finalNewline ? f.lineEnding : ''));
}

describe('line-item exports read on worker threads', () => {
  it('gives exactly what reading on this thread alone gives, however ranges and messages cut orders', async () => {
    let used = 0;
    await fc.assert(
      fc.asyncProperty(lineItemFile, async (f) => {
        const bytes = renderLineItems(f);
        const o = options({ currency: f.currency });
        const alone = await read(bytes, o, f.chunk);
        const before = workerRows;
        const parallel = await read(bytes, o, f.chunk, { worker: WORKER, workers: f.workers, minBytes: 0, rangeBytes: f.range, messageBytes: f.message });
        if (workerRows > before && 'value' in parallel && parallel.value !== null) used++;
        expect(sameName(parallel, `orders-${counter - 1}.csv`, 'x.csv')).toEqual(sameName(alone, `orders-${counter - 2}.csv`, 'x.csv'));
        expect(tableOf(parallel)).toEqual(tableOf(alone));
      }),
      { numRuns: 80 },
    );
    expect(used).toBeGreaterThan(30);
  }, 120_000);

  /** 100 orders of two lines each; order `at` has no status on its head, and `item` on its line item. */
  function statusOnItem(at: number, item: string): Buffer {
    const lines = ['Name,Email,Financial Status,Currency,Total,Created at,Lineitem quantity'];
    for (let i = 0; i < 100; i++) {
      lines.push(`#${1001 + i},b${i}@x.org,${i === at ? '' : 'paid'},USD,10.50,2024-01-05 10:00:00 +0100,1`);
      lines.push(`#${1001 + i},b${i}@x.org,${i === at ? item : ''},,,2024-01-05 10:00:00 +0100,2`);
    }
    return Buffer.from(`${lines.join('\n')}\n`);
  }

  it('leaves the file to the general path when a line item a worker read would give its order a status', async () => {
    const cut = { worker: WORKER, workers: 2, minBytes: 0, rangeBytes: 500, messageBytes: 300 };
    // Messages of ~300 bytes cut orders between head and item: some items are a message's lead.
    for (const at of [60, 61, 62, 63, 64, 65, 66, 67, 68, 69, 70]) {
      expect(await read(statusOnItem(at, 'paid'), options(), 64)).toEqual({ value: null });
      expect(await read(statusOnItem(at, 'paid'), options(), 64, cut)).toEqual({ value: null });
    }
    const before = workerRows;
    const fine = await read(statusOnItem(70, ''), options(), 64, cut);
    expect(workerRows).toBeGreaterThan(before);
    expect(tableOf(fine)).toEqual(tableOf(await read(statusOnItem(70, ''), options(), 64)));
  });

  it('leaves a line-item export to the general path on a row-rule error, as this thread does', async () => {
    // --strict makes an unreadable date an error; the general path raises it only after folding every line.
    const bytes = Buffer.concat([statusOnItem(70, ''), Buffer.from('#2000,b50@x.org,paid,USD,10.50,not a date,1\n')]);
    const cut = { worker: WORKER, workers: 2, minBytes: 0, rangeBytes: 500, messageBytes: 300 };
    expect(await read(bytes, options({ strict: true }), 64)).toEqual({ value: null });
    expect(await read(bytes, options({ strict: true }), 64, cut)).toEqual({ value: null });
  });

  it('folds a line-item export on worker threads by default', async () => {
    const before = workerRows;
    const unasked = await read(statusOnItem(70, ''), options(), 64, { worker: WORKER, minBytes: 0, rangeBytes: 500, messageBytes: 300 });
    expect(workerRows).toBeGreaterThan(before);
    expect(tableOf(unasked)).toEqual(tableOf(await read(statusOnItem(70, ''), options(), 64)));
  });
});

describe('parallelRest', () => {
  it('reads small files, or without a compiled worker, on this thread alone', () => {
    expect(parallelRest('x.csv', 1000, undefined, { minBytes: 4096 })).toBeUndefined();
    expect(parallelRest('x.csv', 1 << 30, undefined, { worker: new URL('file:///nonexistent/worker.js') })).toBeUndefined();
    expect(parallelRest('x.csv', 1 << 30, undefined, { workers: 0 })).toBeUndefined();
  });
});
