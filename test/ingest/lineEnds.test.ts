import fc from 'fast-check';
import { writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { readOrders } from '../../src/ingest/readOrders.js';
import { readTickets } from '../../src/ingest/readTickets.js';
import { parseOrders } from '../../src/ingest/orders.js';
import { LineEnds } from '../../src/ingest/lineEnds.js';
import { inPieces, options } from './ingestTestUtil.js';
import { plainFiles } from './fast/plainFileHarness.js';
import { orderRecords } from '../model/orderRecords.js';
import { ticketRecords } from '../model/ticketRecords.js';

/**
 * A file that mixes LF, CRLF and CR-only line ends never has rows merged: each line end
 * outside quotes ends a row, on every reader (the general path over papaparse, the byte
 * reader, the byte reader's hand-back). The property: any mix of line ends gives exactly the
 * records of the same file written with LF only.
 */
const files = plainFiles('line-ends');

const row = fc.record({
  customer: fc.constantFrom('a', 'b@x.com', 'Ü1', '"two\nlines"', '"cr\rinside"', '"crlf\r\ninside"', '"say ""hi"""'),
  day: fc.integer({ min: 1, max: 28 }),
  cents: fc.integer({ min: 0, max: 99_999 }),
});

const file = fc.record({
  rows: fc.array(row, { minLength: 1, maxLength: 40 }),
  ends: fc.array(fc.constantFrom('\n', '\r\n', '\r'), { minLength: 1, maxLength: 5 }),
  finalNewline: fc.boolean(),
  piece: fc.integer({ min: 1, max: 50 }),
});

type File = typeof file extends fc.Arbitrary<infer T> ? T : never;

function render(f: File, ends: string[]): Buffer {
  const lines = ['customer_id,order_date,amount', ...f.rows.map((r) => `${r.customer},2024-01-${String(r.day).padStart(2, '0')},${Math.floor(r.cents / 100)}.${String(r.cents % 100).padStart(2, '0')}`)];
  return Buffer.from(lines.map((l, i) => (i < lines.length - 1 || f.finalNewline ? l + ends[i % ends.length] : l)).join(''));
}

/** What must not depend on the line ends: the rows and their accounting (warnings and profile do). */
function rows(loaded: Awaited<ReturnType<typeof parseOrders>>) {
  const { rowsRead, rowsUsed, rowsSkipped, skipped } = loaded.quality;
  return { records: orderRecords(loaded.table).map(({ line: _line, ...r }) => r), rowsRead, rowsUsed, rowsSkipped, skipped: Object.keys(skipped) };
}

let counter = 0;

describe('mixed line endings', () => {
  it('any mix of LF, CRLF and CR gives the records of the same file in LF, on the general path and through readOrders', async () => {
    await fc.assert(
      fc.asyncProperty(file, async (f) => {
        const lf = rows(await parseOrders(render(f, ['\n']).toString('utf8'), 'o.csv', options()));
        expect(lf.rowsRead).toBe(f.rows.length);
        const mixed = render(f, f.ends);
        expect(rows(await parseOrders(inPieces(mixed, f.piece), 'o.csv', options()))).toEqual(lf);
        const path = files.path(`mixed-${counter++}.csv`);
        await writeFile(path, mixed);
        expect(rows(await readOrders(path, options()))).toEqual(lf);
      }),
      { numRuns: 200 },
    );
  });

  it('reads the issue’s example as five rows and says the endings are mixed', async () => {
    const text = 'customer_id,order_date,amount\na,2014-01-01,1\nb,2014-01-02,2\rc,2014-01-03,3\rd,2014-01-04,4\ne,2014-01-05,5\n';
    const path = files.path('issue.csv');
    await writeFile(path, text);
    const loaded = await readOrders(path, options());
    expect(orderRecords(loaded.table).map((r) => [r.line, r.customerId, r.amount])).toEqual([
      [2, 'a', 1],
      [3, 'b', 2],
      [4, 'c', 3],
      [5, 'd', 4],
      [6, 'e', 5],
    ]);
    expect(loaded.quality.warnings).toContain('line endings are mixed (4 LF, 2 CR only; first change at line 3); each one ends a row');
  });

  it('a CRLF tickets file with one LF-only line keeps both rows', async () => {
    const path = files.path('tickets.csv');
    await writeFile(path, 'customer_id,created_at,status\r\na,2024-01-01,open\nb,2024-01-02,solved\r\n');
    const loaded = await readTickets(path, options());
    expect(ticketRecords(loaded.table).map((r) => [r.line, r.customerId, r.status])).toEqual([
      [2, 'a', 'open'],
      [3, 'b', 'solved'],
    ]);
  });

  it('LineEnds keeps quoted line breaks and holds a CR that ends a chunk until the next one', () => {
    const ends = new LineEnds();
    expect(ends.normalize('a,"x\ry"\r', false) + ends.normalize('\nb\r', false) + ends.normalize('', true)).toBe('a,"x\ry"\nb\n');
    expect([ends.lf, ends.crlf, ends.cr]).toEqual([0, 1, 1]);
  });
});
