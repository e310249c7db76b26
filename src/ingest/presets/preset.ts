import type { OrderColumn } from '../../model/orderTable.js';
import type { TicketColumn } from '../../model/ticketRecord.js';

/**
 * A preset describes one platform's export (Shopify orders, Zendesk tickets, …): which source
 * headers feed which canonical column, how to recognise the export from its header row, and,
 * where the platform's rows are not one-per-order, how to fold them into canonical rows.
 *
 * Presets work on raw text values (before dates and amounts are parsed) so that the same value
 * parsers, error messages and data-quality accounting apply to every format.
 */
export type Role = 'orders' | 'tickets';

/** One source row after header mapping: canonical column → raw text, plus its line number. */
export interface RawRow {
  line: number;
  values: Partial<Record<string, string>>;
}

export interface Preset {
  name: string;
  role: Role;
  /** Human name for messages and the README ("Shopify orders export"). */
  label: string;
  /**
   * Canonical column → source headers to look for, in order of preference
   * (matched ignoring case, surrounding spaces and a BOM).
   */
  columns: Partial<Record<OrderColumn | TicketColumn, string[]>>;
  /** Headers whose presence identifies this export; all must be present to auto-detect. */
  signature: string[];
  /**
   * Optional fold over the mapped rows, for exports with several rows per order
   * (Shopify line items) or amounts split over columns (Stripe refunds): a RowFold per file,
   * given the file's headers. Must be deterministic and must account for every input row
   * (return merged rows; rows it cannot use are returned with an empty required value so the
   * core counts them).
   */
  fold?: (headers: string[]) => RowFold;
  /** The line-item fold `fold` does, when it is one (lets the byte reader fold such files). */
  lineItems?: LineItemSpec;
  /** Optional rewrite of each mapped row on its own (a help desk's score labels): streams. */
  mapRow?: (row: RawRow) => RawRow;
  /** Extra source headers a fold reads that are not canonical columns (e.g. "Amount Refunded"). */
  extra?: Record<string, string[]>;
}

/**
 * A fold fed one row at a time, in file order, that gives its rows once all are in. It keeps
 * only what its rows can still change (a line-item export's group heads, say), not every row,
 * and gives the folded rows in batches, made as they are read.
 */
export interface RowFold {
  add(row: RawRow): void;
  /** How many rows it gives, and the rows. */
  finish(): { rows: number; batches: Iterable<RawRow[]> };
}

/** One order of a line-item export as LineItemGroups keeps it (presets/lineItems.ts). */
export interface LineItemGroup {
  head: RawRow;
  headHasAmount: boolean;
  /** Per picked column (in `picked` order): the first non-blank value among the group's rows, in row order, or ''. */
  first: string[];
}

/** What a line-item export's fold does, for lineItemFold and for a byte reader doing the same. */
export interface LineItemSpec {
  repeatedHeadIsDuplicate: boolean;
  /** The columns `make` picks from the group's rows. */
  picked: readonly string[];
  /** A group made into its order's row (`pick` gives a picked column's value for the group). */
  make: (group: LineItemGroup, pick: (head: RawRow, column: string) => string, decimal: '.' | ',') => RawRow;
  /**
   * When set, a promise about `make` that lets a byte reader make an order from its head line
   * alone (fast/plainLineItems.ts): for a group whose picked values are the head's own and
   * whose head has every `empty` cell empty, `make` gives the head's values with the amount
   * tagged with the `currency` cell's code (withCurrency), and uses no decimal separator. The
   * differential test in test/ingest/fast/plainLineItems.test.ts holds `make` to it.
   */
  plainHead?: { currency: string; empty: readonly string[] };
}
