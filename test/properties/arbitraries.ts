import fc from 'fast-check';
import { TICKET_FORMATS, type CanonicalOrder, type CanonicalTicket, type Stamp, type Surface } from './surface.js';

/** Small datasets and surface forms for the property tests. */
const stamp: fc.Arbitrary<Stamp> = fc.record({
  y: fc.integer({ min: 2013, max: 2015 }),
  m: fc.integer({ min: 1, max: 12 }),
  d: fc.integer({ min: 1, max: 28 }),
  time: fc.option(fc.record({ h: fc.integer({ min: 0, max: 23 }), mi: fc.integer({ min: 0, max: 59 }) }), { nil: null }),
});

const customer = fc.constantFrom('ann@example.com', 'Bob@Example.COM', 'carol.diaz@example.org', 'cust-0042', 'Zoë Ünal', 'dave@example.com');
const note = fc.constantFrom('', 'gift, please', 'say "hi"', 'line one\nline two', 'a;b|c\td', 'Größe 42');

/** An order dated the 25th makes slash dates decidable (a field above 12), as real exports are. */
const SENTINEL_AT: Stamp = { y: 2014, m: 3, d: 25, time: null };

export const orders: fc.Arbitrary<CanonicalOrder[]> = fc
  .array(
    fc.record({
      customer,
      at: stamp,
      cents: fc.oneof(fc.integer({ min: 0, max: 99_999 }), fc.integer({ min: -50_000, max: 250_000_000 })),
      status: fc.constantFrom('paid', 'refunded', 'pending', 'cancelled'),
      note,
    }),
    { minLength: 0, maxLength: 12 },
  )
  .map((rows) =>
    [...rows, { customer: 'ann@example.com', at: SENTINEL_AT, cents: 1050, status: 'paid', note: '' }].map((r, i) => ({ ...r, orderId: `#${1001 + i}` })),
  );

export const tickets: fc.Arbitrary<CanonicalTicket[]> = fc
  .array(
    fc.record({
      customer,
      at: stamp.map((s) => ({ ...s, time: s.time ?? { h: 9, mi: 30 } })),
      status: fc.constantFrom('solved', 'open', 'closed', 'pending'),
      score: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
      reason: fc.constantFrom('order status', 'refund, partial', 'damaged "item"', 'Lieferung'),
      channel: fc.constantFrom('email', 'chat', 'phone'),
      agent: fc.constantFrom('Maya Chen', 'Tom Reyes', ''),
    }),
    { minLength: 0, maxLength: 12 },
  )
  .map((rows) =>
    [...rows, { customer: 'ann@example.com', at: { ...SENTINEL_AT, time: { h: 10, mi: 0 } }, status: 'solved', score: 5, reason: 'order status', channel: 'email', agent: 'Maya Chen' }].map(
      (r, i) => ({ ...r, ticketId: String(501 + i) }),
    ),
  );

const baseSurface = fc.record({
  delimiter: fc.constantFrom(',', ';', '\t', '|') as fc.Arbitrary<Surface['delimiter']>,
  encoding: fc.constantFrom('utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be') as fc.Arbitrary<Surface['encoding']>,
  lineEnding: fc.constantFrom('\n', '\r\n', '\r') as fc.Arbitrary<Surface['lineEnding']>,
  quoteAll: fc.boolean(),
  amounts: fc.constantFrom('plain', 'dollar', 'code', 'comma') as fc.Arbitrary<Surface['amounts']>,
  dates: fc.constantFrom('iso', 'iso-t', 'mdy', 'dmy') as fc.Arbitrary<Surface['dates']>,
  chunk: fc.oneof(fc.constant(1 << 20), fc.integer({ min: 1, max: 64 }), fc.integer({ min: 65, max: 4096 })),
});

/** Decimal-comma amounts come with ; as the delimiter, as Excel writes them. */
export const orderSurface: fc.Arbitrary<Surface> = fc
  .tuple(baseSurface, fc.constantFrom('canonical', 'stripe', 'shopify'))
  .map(([s, headers]) => ({ ...s, headers, delimiter: s.amounts === 'comma' ? ';' : s.delimiter }));

export const ticketSurface: fc.Arbitrary<Surface> = fc
  .tuple(baseSurface, fc.constantFrom(...TICKET_FORMATS))
  .map(([s, headers]) => ({ ...s, headers, amounts: 'plain' as const }));
