import { closeSync, existsSync, mkdirSync, openSync, renameSync, writeSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { createRng } from '../src/stats/rng.js';

/**
 * Seeded synthetic exports for the benchmark: a year of orders (order_id, customer_id,
 * order_date, amount, status) for rows/5 customers, and 10% as many tickets (ticket_id,
 * customer_id, created_at, order_id, status, satisfaction, channel). The same seed and size
 * always give the same bytes, so results are comparable across runs and machines.
 *
 * The data exercises every cohort rule: cancelled/refunded/voided/failed orders, refunds
 * (negative amounts), exact duplicate rows (a repeated order_id), tickets linked by order_id
 * and tickets without one, every resolution status and rated and unrated tickets.
 *
 * Files are cached outside the repository (~/.cache/loyalty-bench, or LOYALTY_BENCH_CACHE)
 * and reused; rows are written as 4 MB strings, not one write per row.
 */
export interface BenchFiles {
  orders: string;
  tickets: string;
  rows: number;
  tickets_rows: number;
}

const VERSION = 'v1';
const SEED = 20240101;
const YEAR_START = Date.UTC(2024, 0, 1);
const YEAR_MS = 366 * 86_400_000;
const FLUSH_CHARS = 4 * 1024 * 1024;

export function cacheDirectory(): string {
  return process.env.LOYALTY_BENCH_CACHE ?? join(homedir(), '.cache', 'loyalty-bench');
}

export function benchFiles(rows: number): BenchFiles {
  const dir = cacheDirectory();
  const tag = `${VERSION}-${label(rows)}`;
  return { orders: join(dir, `orders-${tag}.csv`), tickets: join(dir, `tickets-${tag}.csv`), rows, tickets_rows: Math.round(rows / 10) };
}

/** Writes the files unless they are cached already; returns their paths. */
export function ensureBenchFiles(rows: number, log: (s: string) => void = () => {}): BenchFiles {
  const files = benchFiles(rows);
  if (existsSync(files.orders) && existsSync(files.tickets)) return files;
  mkdirSync(cacheDirectory(), { recursive: true });
  log(`generating ${label(rows)} orders and ${label(files.tickets_rows)} tickets in ${cacheDirectory()} (once)…`);
  const rng = createRng(SEED + rows);
  const customers = Math.max(1, Math.round(rows / 5));
  // Per order row: customer number and wall time, so tickets can refer to real orders.
  const customerOf = new Int32Array(rows);
  const timeOf = new Float64Array(rows);
  writeAtomically(files.orders, 'order_id,customer_id,order_date,amount,status\n', rows, (i) => {
    // One row in 500 repeats an earlier row exactly (an export that listed an order twice).
    if (i > 10 && rng() < 0.002) {
      const j = i - 1 - Math.floor(rng() * Math.min(i - 1, 1000));
      customerOf[i] = customerOf[j];
      timeOf[i] = timeOf[j];
      return orderLine(orderId(j), customerOf[j], timeOf[j], amountOf(j), statusOf(j));
    }
    customerOf[i] = Math.floor(rng() * customers);
    // Sorted by date, as exports are: row i falls at i/rows through the year, ± a few minutes.
    timeOf[i] = Math.floor(YEAR_START + (i / rows) * YEAR_MS) - Math.floor(rng() * 300) * 1000;
    if (timeOf[i] < YEAR_START) timeOf[i] = YEAR_START;
    return orderLine(orderId(i), customerOf[i], timeOf[i], amountOf(i), statusOf(i));
  });
  const ticketRng = createRng(SEED + rows + 1);
  writeAtomically(files.tickets, 'ticket_id,customer_id,created_at,order_id,status,satisfaction,channel\n', files.tickets_rows, (k) => {
    const r = Math.floor(ticketRng() * rows);
    const created = timeOf[r] + Math.floor(ticketRng() * 25 * 86_400) * 1000;
    const linked = ticketRng() < 0.4 ? orderId(r) : '';
    const status = pick(TICKET_STATUSES, ticketRng());
    const rated = ticketRng();
    const satisfaction = rated < 0.5 ? '' : rated < 0.55 ? (rated < 0.53 ? 'good' : 'bad') : String(1 + Math.floor(ticketRng() * 5));
    const channel = pick(CHANNELS, ticketRng());
    return `T${k + 1},${customerId(customerOf[r])},${wall(created)},${linked},${status},${satisfaction},${channel}\n`;
  });
  return files;
}

const STATUSES = ['completed', 'completed', 'completed', 'completed', 'completed', 'completed', 'completed', 'completed', 'shipped', 'pending', 'cancelled', 'refunded', 'Canceled', 'voided', 'failed', 'completed'];
const TICKET_STATUSES = ['solved', 'solved', 'solved', 'closed', 'Closed', 'resolved', 'open', 'pending', 'new', 'on-hold'];
const CHANNELS = ['email', 'chat', 'phone', 'web'];

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

function orderId(i: number): string {
  return String(100_000_001 + i);
}

function customerId(c: number): string {
  return `C${String(c + 1).padStart(7, '0')}`;
}

function orderLine(id: string, customer: number, time: number, amount: string, status: string): string {
  return `${id},${customerId(customer)},${wall(time)},${amount},${status}\n`;
}

/** "2024-03-05 14:22:31": the naive date-time most shop exports write. */
function wall(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}

function hash(i: number): number {
  let x = Math.imul(i ^ 0x9e3779b9, 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
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
