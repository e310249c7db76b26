import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A seeded dataset with every edge case of the facts semantics, as raw CSV text (the cohort
 * is January 2014, follow-up 3m = Feb 1..Apr 30, grace 14d = problem window Jan 1..Feb 14,
 * baseline Jan 1..Dec 31 2013):
 * - statuses cancelled / CANCELED / ' Refunded ' / Voided / FAILED / completed / empty;
 * - repeated order ids (the first copy cancelled and the second completed, copies under
 *   another customer, an id written ' O7 ' and 'O7'), negative amounts (refunds), amounts
 *   whose float sum in file order is not the exact sum (0.1 + 0.2);
 * - e-mail ids in mixed case with surrounding spaces and tabs, plain ids with spaces;
 * - dates on every window's first and last day and the days either side;
 * - tickets linked by order id to a cohort order, a cancelled cohort order, a follow-up order,
 *   another customer's order, an unknown order; tickets on the grace boundary;
 * - resolved yes/no/empty, statuses Solved/closed/open, scores 5, 4.0, 2, good, bad, offered,
 *   empty; an unreadable score ("meh", ~3% of tickets) and resolved cell ("maybe", ~2%), which
 *   the CSV path empties (not rated / not known) while keeping the ticket. Both stay under the
 *   default --max-unusable of 5% per column, so the in-process reference runs with default flags;
 * - with `slices` set, for the slice query (drawn from a generator of their own, so the columns above are the same whatever
 *   is added here): reason, channel and agent labels that are empty, blank, differ only in case
 *   or surrounding spaces (tabs, no-break spaces), are written "(none)", or carry hostile text
 *   (quotes, commas, semicolons, a line break, markup, a formula, combining accents, CJK);
 *   wait_seconds (whole, fractional, empty, padded, ~2% unreadable) and first_response_at
 *   (after, before and equal to created_at) for the median wait; transfers, reopens and contacts
 *   ("0", "00", "1.0", "2", empty, ~1% unreadable) and first_contact_resolved (yes/No/TRUE/empty,
 *   ~1% "maybe").
 */
export function edgeCaseData(seed: number, customers = 400, slices = false): { orders: string; tickets: string } {
  const random = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const orders: string[][] = [['order_id', 'customer_id', 'order_date', 'amount', 'status']];
  const tickets: string[][] = [['ticket_id', 'customer_id', 'order_id', 'created_at', 'status', 'resolved', 'satisfaction', ...(slices ? SLICE_COLUMNS : [])]];
  const cells = sliceCellsOf(mulberry32(seed * 7919 + 1));
  const sliceCells = (day: string) => (slices ? cells(day) : []);
  const days = ['2013-01-01', '2013-06-15', '2013-12-31', '2014-01-01', '2014-01-15', '2014-01-31', '2014-02-01', '2014-03-10', '2014-04-30', '2014-05-01', '2014-06-30'];
  const ticketDays = ['2013-12-31', '2014-01-01', '2014-01-20', '2014-01-31', '2014-02-14', '2014-02-15', '2014-03-01'];
  const statuses = ['completed', '', 'cancelled', 'CANCELED', ' Refunded ', 'Voided', 'FAILED', 'paid', 'completed'];
  const amounts = ['0.1', '0.2', '0.7', '19.99', '5.01', '-12.5', '0', '100', '33.333', '0.3', '250.75', '-0.1'];
  let orderNumber = 1;
  let ticketNumber = 1;
  const orderIdsOf = new Map<string, string[]>();
  const allOrderIds: string[] = [];
  for (let c = 0; c < customers; c++) {
    const kind = c % 4;
    const base = kind === 0 ? `C${1000 + c}` : kind === 1 ? `Ann${c}@Example.COM` : kind === 2 ? `ann${c}@example.com` : `  C${1000 + c} `;
    const spellings = kind === 1 || kind === 2 ? [base, ` ${base.toUpperCase()}`, `\t${base.toLowerCase()} `] : [base, base.trim()];
    const n = 1 + Math.floor(random() * 5);
    for (let k = 0; k < n; k++) {
      const id = `O${orderNumber++}`;
      const written = random() < 0.1 ? ` ${id} ` : id;
      const time = random() < 0.5 ? '' : ` ${String(Math.floor(random() * 24)).padStart(2, '0')}:${String(Math.floor(random() * 60)).padStart(2, '0')}:00`;
      orders.push([written, pick(spellings), pick(days) + time, pick(amounts), pick(statuses)]);
      (orderIdsOf.get(base.trim().toLowerCase()) ?? orderIdsOf.set(base.trim().toLowerCase(), []).get(base.trim().toLowerCase())!).push(id);
      allOrderIds.push(id);
      // A repeated order id: the same customer's re-export, or another customer's row.
      if (random() < 0.12) orders.push([id, random() < 0.5 ? pick(spellings) : `C${1000 + Math.floor(random() * customers)}`, pick(days), pick(amounts), pick(statuses)]);
    }
    // Orders without an id.
    if (random() < 0.2) orders.push(['', pick(spellings), pick(days), pick(amounts), pick(statuses)]);
    const t = Math.floor(random() * 4);
    for (let k = 0; k < t; k++) {
      const own = orderIdsOf.get(base.trim().toLowerCase())!;
      const link = random();
      const orderId = link < 0.5 ? '' : link < 0.75 ? ` ${pick(own)}` : link < 0.9 ? pick(allOrderIds) : 'X999';
      const time = ` ${String(Math.floor(random() * 24)).padStart(2, '0')}:15:00`;
      const day = pick(ticketDays);
      tickets.push([
        `T${ticketNumber++}`,
        pick(spellings),
        orderId,
        day + time,
        pick(['Solved', 'closed', 'open', ' RESOLVED', 'pending', '']),
        random() < 0.02 ? 'maybe' : pick(['yes', 'No', '', '', '', 'TRUE', '0']),
        random() < 0.03 ? 'meh' : pick(['5', '4.0', '2', 'good', 'Bad', 'offered', '', '']),
        ...sliceCells(day),
      ]);
    }
  }
  // The data runs to 2014-06-30 so the follow-up window is complete.
  orders.push(['O-last', 'C-last', '2014-06-30', '1', 'completed']);
  // Typos in dates, set aside on every path (not drawn from `random`, so the rows above stay
  // as they were for every seed): a year 2099 that would move the data's end and so the
  // default cohort, a 1900 placeholder, and a repeated order id whose first copy is the typo.
  orders.push(['O-typo-future', 'C1000', '2099-01-15', '10', 'completed']);
  orders.push(['O-typo-past', 'C1004', '1900-01-01 00:00:00', '5', 'completed']);
  orders.push(['O-typo-first', 'C1008', '2099-03-01', '7', 'completed']);
  orders.push(['O-typo-first', 'C1008', '2014-01-10', '7', 'completed']);
  // Tickets with typo dates, set aside on every path: one naming a cohort order (which would
  // make its customer a problem whatever the date), and a 1900 placeholder.
  orders.push(['O-ticket-typo', 'C1012', '2014-01-20', '15', 'completed']);
  tickets.push(['T-typo-future', 'C1012', 'O-ticket-typo', '2099-02-01 10:00:00', 'open', 'no', '1', ...sliceCells('2099-02-01')]);
  tickets.push(['T-typo-past', 'C1016', '', '1900-01-01 09:00:00', 'solved', 'yes', '5', ...sliceCells('1900-01-01')]);
  return { orders: csv(orders), tickets: csv(tickets) };
}

const SLICE_COLUMNS = ['reason', 'channel', 'agent', 'wait_seconds', 'first_response_at', 'transfers', 'reopens', 'contacts', 'first_contact_resolved'];

const REASONS = ['Billing', 'billing', ' Billing ', 'BILLING', '\tBilling', '\u00a0Billing\u00a0', '', ' ', '(none)', 'order status', 'Order Status', 'a,b "quoted"', "O'Brien; DROP TABLE x;--", 'two\nlines', '<b>bold</b>', '=SUM(A1)', 'Café', 'Cafe\u0301', '退货'];
const CHANNELS = ['chat', 'Chat', ' email', 'email', '', 'phone', 'PHONE '];
const AGENTS = ['Ann', 'ann ', '\tAnn', '', 'Zoë', '李雷', 'Bob|Smith', 'Farid'];

/** The slice columns of one ticket created on `day`: labels, wait, response time, counts and flags. */
function sliceCellsOf(random: () => number): (day: string) => string[] {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const count = () => (random() < 0.01 ? 'x' : pick(['0', '00', '1', '1.0', '2', '', ' 3 ']));
  return (day) => {
    const responded = `${day} ${String(Math.floor(random() * 24)).padStart(2, '0')}:${pick(['15', '15', '47'])}:${pick(['00', '09', '30'])}`;
    return [
      pick(REASONS),
      pick(CHANNELS),
      pick(AGENTS),
      random() < 0.02 ? 'n/a' : pick(['', '', '0', '12.5', '0.1', '0.2', '3600', ' 42 ', '7', '86400.75']),
      random() < 0.3 ? '' : responded,
      count(),
      count(),
      pick(['', '1', '2', '01', '3', '1.0']),
      random() < 0.01 ? 'maybe' : pick(['', '', 'yes', 'No', 'TRUE', '0']),
    ];
  };
}

function csv(rows: string[][]): string {
  const cell = (v: string) => (/[",\n\r]|^\s|\s$/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  return rows.map((r) => r.map(cell).join(',')).join('\n') + '\n';
}

/** Writes the dataset into `dir` as orders.csv and tickets.csv (with the slice columns when `slices`); returns their paths. */
export function writeEdgeCases(dir: string, seed: number, slices = false): { orders: string; tickets: string } {
  const data = edgeCaseData(seed, 400, slices);
  const orders = join(dir, 'orders.csv');
  const tickets = join(dir, 'tickets.csv');
  writeFileSync(orders, data.orders);
  writeFileSync(tickets, data.tickets);
  return { orders, tickets };
}

/** A small seeded generator (Mulberry32), so the dataset is the same on every run. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
