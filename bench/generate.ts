import { closeSync, existsSync, mkdirSync, openSync, renameSync, writeSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { createRng } from '../src/stats/rng.js';
import { customerText, hash, orderIdText, SHAPES, timeText, type Shape } from './shapes.js';

/**
 * Seeded synthetic exports for the benchmark: a year of orders (order_id, customer_id,
 * order_date, amount, status) for rows/5 customers, and 10% as many tickets (ticket_id,
 * customer_id, created_at, order_id, status, satisfaction, channel). The same seed, size and
 * shape always give the same bytes, so results are comparable across runs and machines.
 *
 * The data exercises every cohort rule: cancelled/refunded/voided/failed orders, refunds
 * (negative amounts), exact duplicate rows (a repeated order_id), tickets linked by order_id
 * and tickets without one, every resolution status and rated and unrated tickets.
 *
 * Every shape (bench/shapes.ts) writes the same rows: only ids, timestamps, quoting, row order
 * and layout differ. The "bench" shape's files are the ones earlier results were measured on.
 *
 * Files are cached outside the repository (~/.cache/loyalty-bench, or LOYALTY_BENCH_CACHE)
 * and reused; rows are written as 4 MB strings, not one write per row.
 */
export interface BenchFiles {
  orders: string;
  tickets: string;
  rows: number;
  tickets_rows: number;
  shape: Shape;
}

const VERSION = 'v1';
const SEED = 20240101;
const YEAR_START = Date.UTC(2024, 0, 1);
const YEAR_MS = 366 * 86_400_000;
const FLUSH_CHARS = 4 * 1024 * 1024;

export function cacheDirectory(): string {
  return process.env.LOYALTY_BENCH_CACHE ?? join(homedir(), '.cache', 'loyalty-bench');
}

export function benchFiles(rows: number, shape: Shape = SHAPES[0]): BenchFiles {
  const dir = cacheDirectory();
  const tag = shape.name === 'bench' ? `${VERSION}-${label(rows)}` : `${VERSION}-${shape.name}-${label(rows)}`;
  return { orders: join(dir, `orders-${tag}.csv`), tickets: join(dir, `tickets-${tag}.csv`), rows, tickets_rows: Math.round(rows / 10), shape };
}

/** The seeded rows every shape writes: which row each copies, its customer and wall time. */
interface Rows {
  /** The row whose id, amount and status row i repeats (i itself unless an exact repeat). */
  source: Int32Array;
  customer: Int32Array;
  time: Float64Array;
}

function seededRows(rows: number): Rows {
  const rng = createRng(SEED + rows);
  const customers = Math.max(1, Math.round(rows / 5));
  const source = new Int32Array(rows);
  const customer = new Int32Array(rows);
  const time = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    // One row in 500 repeats an earlier row exactly (an export that listed an order twice).
    if (i > 10 && rng() < 0.002) {
      const j = i - 1 - Math.floor(rng() * Math.min(i - 1, 1000));
      source[i] = j;
      customer[i] = customer[j];
      time[i] = time[j];
      continue;
    }
    source[i] = i;
    customer[i] = Math.floor(rng() * customers);
    // Sorted by date, as exports are: row i falls at i/rows through the year, ± a few minutes.
    time[i] = Math.floor(YEAR_START + (i / rows) * YEAR_MS) - Math.floor(rng() * 300) * 1000;
    if (time[i] < YEAR_START) time[i] = YEAR_START;
  }
  return { source, customer, time };
}

/** Writes the files unless they are cached already; returns their paths. */
export function ensureBenchFiles(rows: number, log: (s: string) => void = () => {}, shape: Shape = SHAPES[0]): BenchFiles {
  const files = benchFiles(rows, shape);
  if (existsSync(files.orders) && existsSync(files.tickets)) return files;
  mkdirSync(cacheDirectory(), { recursive: true });
  log(`generating ${label(rows)} orders and ${label(files.tickets_rows)} tickets, shape ${shape.name}, in ${cacheDirectory()} (once)…`);
  const data = seededRows(rows);
  const order = shape.sorted ? null : shuffled(rows, createRng(SEED + rows + 2));
  const cell = shape.quoted ? (s: string) => (s === '' ? '' : `"${s}"`) : (s: string) => s;
  const header = shape.lineItems ? SHOPIFY_HEADER : ORDER_HEADER;
  writeAtomically(files.orders, `${header.map(cell).join(',')}\n`, rows, (n) => {
    const i = order === null ? n : order[n];
    const j = data.source[i];
    const c = data.customer[i];
    const id = orderIdText(shape.orderId, j);
    const who = customerText(shape.customer, c, hash(j) >>> 3);
    const when = timeText(shape.time, data.time[i], c);
    if (shape.lineItems) return shopifyLines(id, who, when, j).map((line) => `${line.map(cell).join(',')}\n`).join('');
    return `${[id, who, when, amountOf(j), statusOf(j)].map(cell).join(',')}\n`;
  });
  const ticketRng = createRng(SEED + rows + 1);
  const ticketHeader = shape.ticketLabels ? [...TICKET_HEADER, 'reason'] : TICKET_HEADER;
  writeAtomically(files.tickets, `${ticketHeader.map(cell).join(',')}\n`, files.tickets_rows, (k) => {
    const r = Math.floor(ticketRng() * rows);
    const c = data.customer[r];
    const created = data.time[r] + Math.floor(ticketRng() * 25 * 86_400) * 1000;
    // Row r's own id even when r repeats another row: 0.2% of linked tickets name an order the
    // file does not hold, as tickets naming a deleted or mistyped order do.
    const linked = ticketRng() < 0.4 ? orderIdText(shape.orderId, r) : '';
    const status = pick(TICKET_STATUSES, ticketRng());
    const rated = ticketRng();
    let satisfaction = rated < 0.5 ? '' : rated < 0.55 ? (rated < 0.53 ? 'good' : 'bad') : String(1 + Math.floor(ticketRng() * 5));
    const channel = pick(CHANNELS, ticketRng());
    const cells = [`T${k + 1}`, customerText(shape.customer, c, hash(k + 7) >>> 3), timeText(shape.time, created, c), linked, status, satisfaction, channel];
    if (shape.ticketLabels) {
      satisfaction = ZENDESK_SCORES[satisfaction] ?? satisfaction;
      if (satisfaction === '') satisfaction = rated < 0.25 ? 'Unoffered' : 'Offered';
      cells[5] = satisfaction;
      cells.push(REASONS[hash(k) % REASONS.length]);
    }
    return `${cells.map(cell).join(',')}\n`;
  });
  return files;
}

const ORDER_HEADER = ['order_id', 'customer_id', 'order_date', 'amount', 'status'];
const TICKET_HEADER = ['ticket_id', 'customer_id', 'created_at', 'order_id', 'status', 'satisfaction', 'channel'];
const SHOPIFY_HEADER = ['Name', 'Email', 'Financial Status', 'Paid at', 'Currency', 'Total', 'Created at', 'Lineitem quantity', 'Lineitem name', 'Lineitem price'];
const STATUSES = ['completed', 'completed', 'completed', 'completed', 'completed', 'completed', 'completed', 'completed', 'shipped', 'pending', 'cancelled', 'refunded', 'Canceled', 'voided', 'failed', 'completed'];
/** Shopify's Financial Status for each status above: cancelled and failed orders show as voided. */
const FINANCIAL: Record<string, string> = { completed: 'paid', shipped: 'paid', pending: 'pending', cancelled: 'voided', refunded: 'refunded', Canceled: 'voided', voided: 'voided', failed: 'voided' };
const TICKET_STATUSES = ['solved', 'solved', 'solved', 'closed', 'Closed', 'resolved', 'open', 'pending', 'new', 'on-hold'];
const CHANNELS = ['email', 'chat', 'phone', 'web'];
const ZENDESK_SCORES: Record<string, string> = { good: 'Good', bad: 'Bad' };
const REASONS = ['Where is my order?', 'Refund request', 'Damaged item', 'Wrong size', 'Change of address', 'Discount code not working', 'Other'];
const ITEMS = ['Canvas tote', 'Mug large', 'Notebook', 'Espresso cups', 'Wool scarf'];

/**
 * One order as Shopify's export writes it: 1–3 line-item rows, order columns on the first only.
 * An order's refund (a negative amount elsewhere) is written as its Total, as the other shapes
 * carry it, so every shape holds the same amounts.
 */
function shopifyLines(id: string, who: string, when: string, j: number): string[][] {
  const h = hash(j);
  const items = 1 + ((h >>> 4) % 3);
  const lines: string[][] = [];
  for (let k = 0; k < items; k++) {
    const first = k === 0;
    const status = FINANCIAL[statusOf(j)];
    lines.push([id, who, first ? status : '', first && status === 'paid' ? when : '', first ? 'USD' : '', first ? amountOf(j) : '', when, String(1 + ((h >>> (8 + k)) % 2)), ITEMS[(h + k) % ITEMS.length], `${10 + k}.50`]);
  }
  return lines;
}

/** Amount and status follow from the row number, so a repeated row repeats them exactly. */
function amountOf(i: number): string {
  const h = hash(i);
  const cents = 500 + (h % 29_500);
  const refund = (h >>> 20) % 50 === 0;
  return `${refund ? '-' : ''}${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

function statusOf(i: number): string {
  return STATUSES[(hash(i) >>> 8) % STATUSES.length];
}

function shuffled(n: number, rng: () => number): Int32Array {
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const k = Math.floor(rng() * (i + 1));
    const t = order[i];
    order[i] = order[k];
    order[k] = t;
  }
  return order;
}

function pick<T>(values: readonly T[], u: number): T {
  return values[Math.floor(u * values.length)];
}

function writeAtomically(path: string, header: string, rows: number, line: (i: number) => string): void {
  const partial = `${path}.partial`;
  const fd = openSync(partial, 'w');
  let text = header;
  for (let i = 0; i < rows; i++) {
    text += line(i);
    if (text.length >= FLUSH_CHARS) {
      writeSync(fd, text);
      text = '';
    }
  }
  writeSync(fd, text);
  closeSync(fd);
  renameSync(partial, path);
}

export function label(rows: number): string {
  return rows >= 1_000_000 && rows % 1_000_000 === 0 ? `${rows / 1_000_000}M` : rows >= 1000 && rows % 1000 === 0 ? `${rows / 1000}k` : String(rows);
}
