import type { Problem } from './problem.js';
import type { FileProfile } from './profile.js';
import type { OrderColumn, OrderTable } from '../model/orderTable.js';
import type { TicketColumn } from '../model/ticketRecord.js';
import type { TicketTable } from '../model/ticketTable.js';

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
  /** Unreadable cells of optional columns left empty (their rows kept), by reason. */
  cellsEmptied?: Record<string, SkipTally>;
  /** Distinct raw ids that Unicode normalisation changed, per column; absent when none. */
  idsNormalized?: { customer_id: number; order_id: number };
  /** Orders only: rows whose order_id repeated one already seen (counted once). */
  duplicateOrderIds?: number;
  /** Per-column parsing decisions worth reporting ("order_date: ISO 8601", "amount: decimal comma"). */
  decisions: string[];
  warnings: string[];
}

/** What every orders reader, whatever the source format, hands to the core. */
export interface LoadedOrders {
  /** The usable rows by column, whichever reader (general, byte reader, worker threads) read them. */
  readonly table: OrderTable;
  present: ReadonlySet<OrderColumn>;
  /**
   * The amounts' ISO currency: the one the amount column names (symbols or codes), or the one
   * --currency gives; null (or absent) when neither says, and outputs then show no symbol.
   */
  currency?: string | null;
  quality: FileQuality;
  /** For `loyalty validate`: encoding, dialect, and per canonical column how it was read. */
  profile?: FileProfile;
  /** Every skipped row (the first 1,000), in file order, with line, reason, column and raw value. */
  problems?: Problem[];
}

/** What every tickets reader hands to the core. */
export interface LoadedTickets {
  /** The usable tickets by column, whichever reader (general or byte reader) read them. */
  readonly table: TicketTable;
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
  /** --max-unusable: share of unusable rows (or cells of one column) above which a file is refused. */
  maxUnusable: number;
  /** The run's time (ms): dates more than a year after it are implausible. Null: the clock now. */
  now: number | null;
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
  maxUnusable: 0.05,
  now: null,
};
