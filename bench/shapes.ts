/**
 * The export shapes the benchmark matrix measures: the same seeded orders and tickets (same
 * customers, days, amounts and statuses), written the ways real exports write them. Every
 * shape has the same cohort semantics, so loyalty and DuckDB answer the same question on each.
 */
export interface Shape {
  name: string;
  /** One line for tables: what is different about this shape. */
  description: string;
  orderId: 'numeric' | 'prefixed' | 'hash' | 'stripe';
  customer: 'short' | 'email';
  time: 'naive' | 'isoZ' | 'spaceOffset' | 'colonOffset' | 'minutes';
  sorted: boolean;
  /** Every cell in double quotes, as spreadsheet tools and some exporters write them. */
  quoted: boolean;
  /** Shopify's line-item export: one row per line item, order columns on the first row only. */
  lineItems: boolean;
  /** Tickets carry a text reason and Zendesk-style satisfaction labels ("Good", "Offered"). */
  ticketLabels: boolean;
  /** Sizes above this are not run, for the reason given (a size that would exhaust the machine). */
  maxRows?: { rows: number; why: string };
}

const BASE: Omit<Shape, 'name' | 'description'> = {
  orderId: 'numeric',
  customer: 'short',
  time: 'naive',
  sorted: true,
  quoted: false,
  lineItems: false,
  ticketLabels: false,
};

function shape(name: string, description: string, changes: Partial<Shape>): Shape {
  return { ...BASE, name, description, ...changes };
}

export const SHAPES: readonly Shape[] = [
  shape('bench', 'numeric order ids, C0000001 customers, "2024-03-05 14:22:31", sorted by date', {}),
  shape('prefixed-ids', 'order ids "O000000001", otherwise the bench shape', { orderId: 'prefixed' }),
  shape('shopify-orders', '"#1001" order ids, mixed-case e-mail customers, "2024-03-05 14:22:31 +0100", labelled tickets', {
    orderId: 'hash',
    customer: 'email',
    time: 'spaceOffset',
    ticketLabels: true,
  }),
  shape('stripe', '"ch_" + 24 characters, e-mail customers, "2024-03-05T14:22:31Z", unsorted', {
    orderId: 'stripe',
    customer: 'email',
    time: 'isoZ',
    sorted: false,
  }),
  shape('iso-offsets', 'numeric ids, e-mail customers, "2024-03-05T14:22:31+01:00", unsorted, labelled tickets', {
    customer: 'email',
    time: 'colonOffset',
    sorted: false,
    ticketLabels: true,
  }),
  shape('minutes', 'timestamps to the minute, "2024-03-05 14:22"', { time: 'minutes' }),
  shape('unsorted', 'the bench shape in random row order', { sorted: false }),
  shape('quoted', 'every cell quoted, as spreadsheets write them; "#1001" ids, e-mail customers', {
    orderId: 'hash',
    customer: 'email',
    quoted: true,
  }),
  shape('shopify-line-items', "Shopify's line-item export (1–3 rows per order), labelled tickets", {
    orderId: 'hash',
    customer: 'email',
    time: 'spaceOffset',
    lineItems: true,
    ticketLabels: true,
  }),
];

export function shapeNamed(name: string): Shape {
  const found = SHAPES.find((s) => s.name === name);
  if (!found) throw new Error(`unknown shape "${name}"; shapes: ${SHAPES.map((s) => s.name).join(', ')}`);
  return found;
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Order row i's id in the shape's form; distinct rows get distinct ids. */
export function orderIdText(form: Shape['orderId'], i: number): string {
  if (form === 'numeric') return String(100_000_001 + i);
  if (form === 'prefixed') return `O${String(i + 1).padStart(9, '0')}`;
  if (form === 'hash') return `#${1001 + i}`;
  // Stripe: "ch_" and 24 base-62 characters; the last six spell i, so ids never collide.
  let text = 'ch_';
  let h = hash(i);
  for (let k = 0; k < 18; k++) {
    if (k % 5 === 0) h = hash(h + k + i);
    text += BASE62[h % 62];
    h = Math.floor(h / 62);
  }
  let n = i;
  let tail = '';
  for (let k = 0; k < 6; k++) {
    tail = BASE62[n % 62] + tail;
    n = Math.floor(n / 62);
  }
  return text + tail;
}

/**
 * Customer c's id. E-mail ids are written in mixed case on some rows (`variant` decides), as
 * shops store what each checkout typed; loyalty and the SQL both lower-case e-mail ids.
 */
export function customerText(form: Shape['customer'], c: number, variant: number): string {
  if (form === 'short') return `C${String(c + 1).padStart(7, '0')}`;
  const local = `${NAMES[c % NAMES.length]}.${c + 1}`;
  const domain = DOMAINS[(c >>> 3) % DOMAINS.length];
  if (variant % 4 !== 0) return `${local}@${domain}`;
  return `${local[0].toUpperCase()}${local.slice(1)}@${domain[0].toUpperCase()}${domain.slice(1)}`;
}

const NAMES = ['ann', 'bob', 'carol', 'dmitri', 'eve', 'farah', 'goran', 'hana', 'ines', 'jo'];
const DOMAINS = ['example.com', 'mail.example.org', 'shop.example.net', 'example.co.uk'];
const OFFSETS = ['+0100', '-0500', '+0530', '+0000', '-0330', '+0545'];

/** The wall clock `ms` (UTC fields) written in the shape's form; the offset never moves the clock. */
export function timeText(form: Shape['time'], ms: number, c: number): string {
  const iso = new Date(ms).toISOString();
  const day = iso.slice(0, 10);
  const clock = iso.slice(11, 19);
  if (form === 'naive') return `${day} ${clock}`;
  if (form === 'isoZ') return `${day}T${clock}Z`;
  if (form === 'minutes') return `${day} ${clock.slice(0, 5)}`;
  const offset = OFFSETS[c % OFFSETS.length];
  if (form === 'spaceOffset') return `${day} ${clock} ${offset}`;
  return `${day}T${clock}${offset.slice(0, 3)}:${offset.slice(3)}`;
}

/** A 32-bit integer hash (murmur3's finaliser): per-row choices that need no random draw. */
export function hash(i: number): number {
  let x = Math.imul(i ^ 0x9e3779b9, 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}
