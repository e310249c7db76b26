import fc from 'fast-check';
import { writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { readOrders } from '../../../src/ingest/readOrders.js';
import { parseOrders } from '../../../src/ingest/orders.js';
import { readPlainOrders } from '../../../src/ingest/fast/plainOrders.js';
import { plainAmount } from '../../../src/ingest/fast/plainBytes.js';
import { PRESETS } from '../../../src/ingest/presets/index.js';
import type { IngestOptions } from '../../../src/ingest/records.js';
import { parseAmount } from '../../../src/ingest/values/amount.js';
import { fastIsoMs, fastIsoMsBytes } from '../../../src/ingest/values/timestamp.js';
import { inPieces, options } from '../ingestTestUtil.js';
import { orderRecords, withRows } from '../../model/orderRecords.js';
import { expectPlainOrGeneral, plainFiles, renderCsv, ROW_SHAPE, SURFACE } from './plainFileHarness.js';

/**
 * The byte reader for plain orders files against the general path (papaparse → OrderRows.row),
 * which defines what a file means: on any file, the byte reader either hands the file back
 * (null) or gives exactly the general result: records, quality, profile, problems, or the same
 * error. Files mix canonical rows with everything the byte reader must not read itself.
 */
const files = plainFiles('orders');

const CUSTOMERS = ['C1', 'C2', 'c2', ' C3 ', 'Ann@Example.com', 'ann@example.com', 'ÜLI@x.de', 'Ü1', '', 'Total', 'a\u00a0', 'jos\u00e9', 'jose\u0301', 'ann\u200b', '\u200bann', 'ZW\u200d1'];
const DATES = ['2024-01-05', '2024-01-05 10:00:00', '2024-03-31T23:59:59Z', '2024-01-05 10:00:00 +0100', '2024-12-31T23:30:00-03:30', '2024-01-05 10:00', '2024-03-31T23:59:59.250Z', '2024-03-31 22:00:00 +1500', '2024-02-30', '1/5/2024', '13/1/2024', ' 2024-02-01', '', '45000', '5 Jan 2024'];
const AMOUNTS = ['12.50', '-3', '007.10', '0.1', '$5.00', '1,234.56', '1.234', 'abc', '', '12.', '-', '1234567890123456', ' 4.20'];
const ORDER_IDS = ['Total', 'A1', 'A2', 'A1 ', ' ', '', 'B-7', 'ü9', 'A2', '1001', '1002', '01001', '1001', '0', '999999999999999', '1234567890123456', 'A1\u200b', 'u\u0308\u0039'];
const STATUSES = ['completed', 'Cancelled', ' refunded', '', 'näh', 'failed'];
const NOTES = ['', 'ok', 'café ☕', '"quoted, with comma"', '"two\nlines"', '"say ""hi"""'];

const row = fc.record({
  customer: fc.constantFrom(...CUSTOMERS),
  date: fc.constantFrom(...DATES),
  amount: fc.constantFrom(...AMOUNTS),
  orderId: fc.constantFrom(...ORDER_IDS),
  status: fc.constantFrom(...STATUSES),
  note: fc.constantFrom(...NOTES),
  shape: ROW_SHAPE,
});

const file = fc.record({
  rows: fc.array(row, { minLength: 0, maxLength: 60 }),
  ...SURFACE,
  withNote: fc.boolean(),
  withStatus: fc.boolean(),
  decimal: fc.constantFrom<IngestOptions['decimal']>(null, '.', ','),
  tz: fc.constantFrom<string | null>(null, 'Europe/Berlin'),
});

type File = typeof file extends fc.Arbitrary<infer T> ? T : never;

function render(f: File): Buffer {
  const header = ['order_id', 'customer_id', 'order_date', 'amount', ...(f.withStatus ? ['status'] : []), ...(f.withNote ? ['note'] : [])];
  const rows = f.rows.map((r) => {
    const note = f.quotes ? r.note : r.note.replace(/"/g, '');
    return { fields: [r.orderId, r.customer, r.date, r.amount, ...(f.withStatus ? [r.status] : []), ...(f.withNote ? [note] : [])], shape: r.shape };
  });
  return renderCsv(header, rows, f);
}

function plainRead(bytes: Buffer, name: string, o: IngestOptions, chunk: number) {
  return files.read(bytes, (handle) => readPlainOrders(handle, bytes.length, name, o, PRESETS, undefined, chunk));
}

describe('plain orders reader', () => {
  it('gives the general path’s result, or hands the file back, on any file', async () => {
    const o = (f: File) => options({ decimal: f.decimal, tz: f.tz });
    await expectPlainOrGeneral(
      file,
      async (f) => withRows(await parseOrders(inPieces(render(f), 1 << 20), 'orders.csv', o(f))),
      async (f) => {
        const read = await plainRead(render(f), 'orders.csv', o(f), f.chunk);
        return 'value' in read ? { value: withRows(read.value) } : read;
      },
    );
  });

  it('reads a plain file itself: the same records as the general path, kept by column', async () => {
    const text = 'order_id,customer_id,order_date,amount,status\r\nA1,Ann@Example.com,2024-01-05 10:00:00,12.50,completed\r\nA1,C2,2024-01-06,3,completed\r\nA2,C2,2024-01-07,-1.25,\r\n';
    const bytes = Buffer.from(text);
    const plain = await plainRead(bytes, 'o.csv', options(), 1 << 20);
    expect('value' in plain && plain.value !== null).toBe(true);
    const loaded = (plain as { value: NonNullable<Awaited<ReturnType<typeof readPlainOrders>>> }).value;
    expect(loaded.table.length).toBe(2);
    expect(orderRecords(loaded.table)).toEqual([
      { line: 2, customerId: 'ann@example.com', orderDate: Date.UTC(2024, 0, 5, 10), amount: 12.5, orderId: 'A1', status: 'completed' },
      { line: 4, customerId: 'C2', orderDate: Date.UTC(2024, 0, 7), amount: -1.25, orderId: 'A2', status: null },
    ]);
    expect(loaded.quality.duplicateOrderIds).toBe(1);
    expect(withRows(loaded)).toEqual(withRows(await parseOrders(inPieces(bytes, 1 << 20), 'o.csv', options())));
  });

  it('reads cells quoted whole itself, as the general path reads them', async () => {
    const text = '"order_id","customer_id","order_date","amount"\r\n"#1001","Ann@Example.com","2024-01-05 10:00:00 +0100","12.50"\r\n#1002,"C2",,"3"\r\n';
    const plain = await plainRead(Buffer.from(text), 'o.csv', options(), 1 << 20);
    expect('value' in plain && plain.value !== null).toBe(true);
    const loaded = (plain as { value: NonNullable<Awaited<ReturnType<typeof readPlainOrders>>> }).value;
    // The second row has no date: skipped and counted, as the general path does.
    expect(orderRecords(loaded.table).map((o) => o.orderId)).toEqual(['#1001']);
    expect(withRows(loaded)).toEqual(withRows(await parseOrders(text, 'o.csv', options())));
  });

  it('reads a cell holding delimiters or doubled quotes in a column no role reads, as the general path reads the file', async () => {
    const text = 'order_id,customer_id,order_date,amount,note\n#1,C1,2024-01-05,1.50,"Mug, large"\n#2,C2,1/13/2024,2,"say ""hi"""\n#3,C3,2024-01-07,3,ok\n';
    const plain = await plainRead(Buffer.from(text), 'o.csv', options(), 1 << 20);
    expect('value' in plain && plain.value !== null).toBe(true);
    expect(withRows((plain as { value: NonNullable<Awaited<ReturnType<typeof readPlainOrders>>> }).value)).toEqual(withRows(await parseOrders(text, 'o.csv', options())));
    // A totals row's message quotes the whole line, which such a cell no longer holds: handed back.
    const totals = `${text}Total,,,6.50,"a, b"\n`;
    expect(await plainRead(Buffer.from(totals), 'o.csv', options(), 1 << 20)).toEqual({ value: null });
    expect((await parseOrders(totals, 'o.csv', options())).problems.map((p) => p.value)).toContain('Total,,,6.50,a, b');
  });

  it('hands back files with quotes it cannot unquote, NUL bytes, invalid UTF-8 or UTF-16', async () => {
    const header = 'customer_id,order_date,amount\n';
    for (const bytes of [
      Buffer.from(`${header}"C,1",2024-01-01,1\n`),
      Buffer.from(`${header}"C""1",2024-01-01,1\n`),
      Buffer.from(`${header} "C1",2024-01-01,1\n`),
      Buffer.from(`${header}"C1" ,2024-01-01,1\n`),
      Buffer.from(`${header}C"1",2024-01-01,1\n`),
      Buffer.from(`${header}"C\n1",2024-01-01,1\n`),
      Buffer.from(`${header}C1,2024-01-01,1\u0000\n`),
      Buffer.concat([Buffer.from(`${header}C`), Buffer.from([0xc3, 0x28]), Buffer.from(',2024-01-01,1\n')]),
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${header}C1,2024-01-01,1\n`, 'utf16le')]),
    ]) {
      expect(await plainRead(bytes, 'o.csv', options(), 1 << 20)).toEqual({ value: null });
    }
  });

  it('readOrders reads a quoted file through the general path with the same result', async () => {
    const path = files.path('quoted.csv');
    const text = 'customer_id,order_date,amount,note\nC1,2024-01-05,1.50,"a, b"\nC2,2024-01-06,2,"line\nbreak"\n';
    await writeFile(path, text);
    expect(withRows(await readOrders(path, options()))).toEqual(withRows(await parseOrders(text, path, options())));
  });
});

describe('byte twins of the value readers', () => {
  const isoish = fc.string({ unit: fc.constantFrom('2', '0', '1', '9', '3', '-', ':', ' ', 'T', 'Z', 'é'), minLength: 8, maxLength: 21 });
  const dates = fc.oneof(
    isoish,
    fc.date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2200, 0, 1)), noInvalidDate: true }).chain((d) =>
      fc.constantFrom(d.toISOString().slice(0, 10), d.toISOString().slice(0, 19), `${d.toISOString().slice(0, 19)}Z`, d.toISOString().slice(0, 19).replace('T', ' ')),
    ),
  );

  it('fastIsoMsBytes reads UTF-8 bytes as fastIsoMs reads the text', () => {
    fc.assert(
      fc.property(dates, (s) => {
        const bytes = Buffer.from(`x${s}y`);
        expect(Object.is(fastIsoMsBytes(bytes, 1, bytes.length - 1), fastIsoMs(s))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('plainAmount is parseAmount’s value for plain decimals, to the bit', () => {
    const amounts = fc.oneof(
      fc.string({ unit: fc.constantFrom('0', '1', '5', '9', '.', '-', ','), maxLength: 18 }),
      fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }).map((x) => x.toFixed(2)),
    );
    fc.assert(
      fc.property(amounts, fc.constantFrom<'.' | ','>('.', ','), (s, decimal) => {
        const value = plainAmount(Buffer.from(s), 0, Buffer.byteLength(s), decimal);
        if (Number.isNaN(value)) return;
        const general = parseAmount(s, decimal);
        expect(general).not.toBeNull();
        expect(Object.is(value, general!.value)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
