import type { Problem } from './accounting.js';
import type { FileProfile } from './profile.js';
import type { OrderTable } from './orderTable.js';

/**
 * Canonical records: what every reader, whatever the source format, hands to the core.
 *
 * Time is "wall-clock milliseconds": the date and time as written in the file (or, with --tz,
 * as seen in that zone), encoded as if it were UTC. Calendar arithmetic on it is then plain
 * UTC arithmetic, and hours/weekdays read with getUTCHours()/getUTCDay() are the local ones.
 * See src/time/wallclock.ts.
 */
export type WallTime = number;

export const ORDER_COLUMNS = ['customer_id', 'order_date', 'amount', 'order_id', 'status'] as const;
export type OrderColumn = (typeof ORDER_COLUMNS)[number];
export const REQUIRED_ORDER_COLUMNS: readonly OrderColumn[] = ['customer_id', 'order_date', 'amount'];

export const TICKET_COLUMNS = [
  'customer_id',
  'created_at',
  'ticket_id',
  'order_id',
  'status',
  'resolved',
  'satisfaction',
  'reason',
  'channel',
  'agent',
  'wait_seconds',
  'first_response_at',
  'transfers',
  'reopens',
  'contacts',
  'first_contact_resolved',
] as const;
export type TicketColumn = (typeof TICKET_COLUMNS)[number];
export const REQUIRED_TICKET_COLUMNS: readonly TicketColumn[] = ['customer_id', 'created_at'];

export interface OrderRecord {
  /** 1-based physical line number of the row in its file (for messages). */
  line: number;
  /** Trimmed; e-mail addresses lower-cased so they match across systems. */
  customerId: string;
  orderDate: WallTime;
  /** In the file's single currency; negative = refund. */
  amount: number;
  orderId: string | null;
  status: string | null;
}

/** A satisfaction score as the customer gave it. Unrated tickets carry null instead. */
export type Satisfaction =
  | { kind: 'numeric'; value: number; satisfied: boolean }
  | { kind: 'text'; satisfied: boolean };

export interface TicketRecord {
  line: number;
  customerId: string;
  createdAt: WallTime;
  ticketId: string | null;
  orderId: string | null;
  status: string | null;
  /** From a `resolved` column when present and non-empty; null otherwise. */
  resolved: boolean | null;
  satisfaction: Satisfaction | null;
  /** Trimmed; null when the column is absent, '' never appears (empty becomes null). */
  reason: string | null;
  channel: string | null;
  agent: string | null;
  /** wait_seconds, or first_response_at − created_at in seconds. */
  waitSeconds: number | null;
  transfers: number | null;
  reopens: number | null;
  contacts: number | null;
  firstContactResolved: boolean | null;
}

/** Rows that could not be used, by reason, with the first few line numbers and raw values. */
export interface SkipTally {
  count: number;
  firstLines: number[];
  examples: string[];
}

export interface FileQuality {
  file: string;
  /** Preset or 'canonical'; how the header row was understood. */
  format: string;
  /** canonical column → source header it was read from. */
  columns: Record<string, string>;
  /** Data rows read (header and blank lines excluded). */
  rowsRead: number;
  rowsUsed: number;
  rowsSkipped: number;
  skipped: Record<string, SkipTally>;
  /** Orders only: rows whose order_id repeated one already seen (counted once). */
  duplicateOrderIds?: number;
  /** Per-column parsing decisions worth reporting ("order_date: ISO 8601", "amount: decimal comma"). */
  decisions: string[];
  warnings: string[];
}

export interface LoadedOrders {
  /** Made from `table` on first use when ingest filled one (see orders.ts). */
  records: OrderRecord[];
  /** The same rows by column, when read by ingest: what the cohort facts read. */
  readonly table?: OrderTable;
  present: ReadonlySet<OrderColumn>;
  quality: FileQuality;
  /** For `loyalty validate`: encoding, dialect, and per canonical column how it was read. */
  profile?: FileProfile;
  /** Every skipped row (the first 1,000), in file order, with line, reason, column and raw value. */
  problems?: Problem[];
  /** ISO code of the amounts' currency (or --currency); null or absent when the amounts name none. */
  currency?: string | null;
}

export interface LoadedTickets {
  records: TicketRecord[];
  present: ReadonlySet<TicketColumn>;
  quality: FileQuality;
  profile?: FileProfile;
  problems?: Problem[];
}

export interface IngestOptions {
  /** "orders.customer_id" → "Email" (from --map, repeatable). */
  map: Record<string, string>;
  /** IANA zone; null keeps the wall clock as written. */
  tz: string | null;
  strict: boolean;
  ordersFormat: string;
  ticketsFormat: string;
  dateFormat: string | null;
  decimal: '.' | ',' | null;
  currency: string | null;
}

export const DEFAULT_INGEST_OPTIONS: IngestOptions = {
  map: {},
  tz: null,
  strict: false,
  ordersFormat: 'auto',
  ticketsFormat: 'auto',
  dateFormat: null,
  decimal: null,
  currency: null,
};
