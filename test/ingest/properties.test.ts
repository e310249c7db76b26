import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseOrders } from '../../src/ingest/orders.js';
import { parseTickets } from '../../src/ingest/tickets.js';
import { UserError } from '../../src/errors.js';
import { expectAccounted, inPieces, options, utf16be, utf16le } from './ingestTestUtil.js';
import { orderRecords, type OrderRecord } from '../model/orderRecords.js';

interface Order {
  customer: string;
  day: number;
  minute: number;
  cents: number;
}

const order = fc.record({
  // Ids full of the characters that make CSV hard: delimiters, quotes, line breaks, non-ASCII.
  customer: fc
    .string({ unit: fc.constantFrom('a', 'B', '7', ' ', ',', ';', '\t', '|', '"', '\n', '\r', 'é', '€', '☕', '😀'), minLength: 1, maxLength: 12 })
    .filter((s) => s.trim() !== ''),
  day: fc.integer({ min: 0, max: 3000 }),
  minute: fc.integer({ min: 0, max: 1439 }),
  cents: fc.integer({ min: -1_000_000, max: 100_000_000 }),
});

const surface = fc.record({
  delimiter: fc.constantFrom(',', ';', '\t', '|'),
  lineEnding: fc.constantFrom('\n', '\r\n', '\r'),
  encoding: fc.constantFrom('utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be'),
  quoteAll: fc.boolean(),
  dateStyle: fc.constantFrom('iso-t', 'iso-space', 'iso-z'),
  amountStyle: fc.constantFrom('plain', 'dollar', 'code-after'),
  finalNewline: fc.boolean(),
  chunk: fc.integer({ min: 1, max: 97 }),
});

function quote(field: string, delimiter: string, all: boolean): string {
  const needs = all || field.includes(delimiter) || /["\r\n]/.test(field) || field !== field.trim();
  return needs ? `"${field.replace(/"/g, '""')}"` : field;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function render(orders: Order[], s: Surface): AsyncIterable<Uint8Array> {
  const decimalComma = s.delimiter === ';';
  const lines = [['customer_id', 'order_date', 'amount'].join(s.delimiter)];
  for (const o of orders) {
    const d = new Date(Date.UTC(2012, 0, 1 + o.day, 0, o.minute));
    const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
    const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:00`;
    const stamp = s.dateStyle === 'iso-t' ? `${date}T${time}` : s.dateStyle === 'iso-space' ? `${date} ${time}` : `${date}T${time}Z`;
    const abs = Math.abs(o.cents);
    let number = `${Math.floor(abs / 100)}.${pad(abs % 100)}`;
    if (decimalComma) number = number.replace('.', ',');
    const sign = o.cents < 0 ? '-' : '';
    const amount = s.amountStyle === 'plain' ? `${sign}${number}` : s.amountStyle === 'dollar' ? `${sign}$${number}` : `${sign}${number} USD`;
    lines.push([o.customer, stamp, amount].map((f) => quote(f, s.delimiter, s.quoteAll)).join(s.delimiter));
  }
  const text = lines.join(s.lineEnding) + (s.finalNewline ? s.lineEnding : '');
  const bytes =
    s.encoding === 'utf-16le' ? utf16le(text) : s.encoding === 'utf-16be' ? utf16be(text) : Buffer.from((s.encoding === 'utf-8-bom' ? '\uFEFF' : '') + text);
  return inPieces(bytes, s.chunk);
}

type Surface = { delimiter: string; lineEnding: string; encoding: string; quoteAll: boolean; dateStyle: string; amountStyle: string; finalNewline: boolean; chunk: number };

function expected(orders: Order[]): Omit<OrderRecord, 'line'>[] {
  return orders.map((o) => ({
    customerId: o.customer.trim(),
    orderDate: Date.UTC(2012, 0, 1 + o.day, 0, o.minute),
    amount: o.cents / 100,
    orderId: null,
    status: null,
  }));
}

describe('ingest properties', () => {
  it('any supported surface form yields the same records', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(order, { minLength: 1, maxLength: 8 }), surface, async (orders, s) => {
        // Line breaks inside ids are legal CSV, but the test compares ids, not lines.
        const loaded = await parseOrders(render(orders, s as Surface), 'o.csv', options());
        expect(orderRecords(loaded.table).map(({ line: _line, ...rest }) => rest)).toEqual(expected(orders));
        expectAccounted(loaded.quality);
      }),
      { numRuns: 300 },
    );
  });

  it('arbitrary bytes never escape as anything but a user error', async () => {
    const header = fc.constantFrom('', 'customer_id,order_date,amount\n', 'customer_id;created_at\r\n', '\uFEFFcustomer_id\torder_date\tamount\n');
    await fc.assert(
      fc.asyncProperty(header, fc.uint8Array({ maxLength: 300 }), fc.string({ maxLength: 200 }), async (head, bytes, text) => {
        for (const source of [Buffer.concat([Buffer.from(head), bytes]), head + text]) {
          for (const parse of [parseOrders, parseTickets]) {
            try {
              const loaded = await parse(typeof source === 'string' ? source : inPieces(source, 13), 'x.csv', options());
              expectAccounted(loaded.quality);
            } catch (e) {
              if (!(e instanceof UserError)) throw e;
              expect(e.message).not.toMatch(/\n\s+at /);
            }
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
