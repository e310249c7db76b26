import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { UserError } from '../../src/errors.js';
import { ordersFrom, ticketsFrom } from './parse.js';

/**
 * No input makes ingest throw anything but a UserError (which the CLI turns into a one-line
 * message and exit 65/66), and whatever it accepts is fully accounted for.
 */
async function settle(parse: () => Promise<{ quality: { rowsRead: number; rowsUsed: number; rowsSkipped: number } }>): Promise<void> {
  try {
    const { quality } = await parse();
    expect(quality.rowsUsed + quality.rowsSkipped).toBe(quality.rowsRead);
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    expect(e.message).not.toBe('');
  }
}

const HEADERS = ['customer_id,order_date,amount,order_id,status', 'customer_id;created_at;satisfaction;status;reason', 'Name,Email,Financial Status,Created at,Total,Lineitem quantity,Cancelled at'];
const CELL = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('', '"', '""', '"a,b"', '2014-01-31', '1/2/2014', '31/12/2014 25:00', '$1,234.50', '€5', '(12.00)', '1.234,5', 'Total', '\r', '\n', '5', 'good', '#1001'),
);
const structured = fc
  .tuple(fc.constantFrom(...HEADERS), fc.array(fc.array(CELL, { maxLength: 8 }), { maxLength: 15 }), fc.constantFrom(',', ';', '\t', '|'), fc.constantFrom('\n', '\r\n', '\r'))
  .map(([header, rows, delimiter, eol]) => Buffer.from([header, ...rows.map((r) => r.join(delimiter))].join(eol), 'utf8'));

const bytes = fc.oneof(
  fc.uint8Array({ maxLength: 300 }),
  fc.tuple(fc.constantFrom([0xff, 0xfe], [0xfe, 0xff], [0xef, 0xbb, 0xbf]), fc.uint8Array({ maxLength: 200 })).map(([bom, rest]) => Uint8Array.from([...bom, ...rest])),
  structured,
);

describe('arbitrary bytes', () => {
  test('orders: resolve with every row accounted for, or a UserError', async () => {
    await fc.assert(
      fc.asyncProperty(bytes, fc.integer({ min: 1, max: 64 }), async (data, chunk) => {
        const chunks: Uint8Array[] = [];
        for (let i = 0; i < data.length; i += chunk) chunks.push(data.subarray(i, i + chunk));
        await settle(() => ordersFrom(chunks));
      }),
      { numRuns: 1500, seed: 17 },
    );
  });

  test('tickets: resolve with every row accounted for, or a UserError', async () => {
    await fc.assert(
      fc.asyncProperty(bytes, async (data) => {
        await settle(() => ticketsFrom([data]));
      }),
      { numRuns: 1500, seed: 19 },
    );
  });
});
