import { DataError, UsageError } from '../errors.js';

/**
 * Where the facts query reads: two tables and their columns, as the user's database names
 * them. A column set to null is absent, and the facts follow the same rules as a CSV file
 * without it (no order ids: no dedupe and no order-linked tickets; no ticket status and no
 * resolved column: every problem ticket counts as resolved …).
 *
 * Types the query expects: ids and labels any type (read as text, trimmed), dates DATE or
 * TIMESTAMP holding the wall-clock time (a TIMESTAMP WITH TIME ZONE is read in the session's
 * zone), amounts any number type or numeric text.
 */
export interface FactsSource {
  orders: {
    table: string;
    customer_id: string;
    order_date: string;
    amount: string;
    order_id: string | null;
    status: string | null;
    /**
     * The column that numbers the rows in file order (a line number kept at load time). Of
     * rows repeating an order id the first is kept, as the CSV reader keeps the first in the
     * file; null orders them by date, amount and customer id instead (see factsSql.ts).
     */
    row_order: string | null;
    /**
     * A table already holding the orders_ranked step (ordersSql.ts) for this source: the engine
     * paths make it once and their four queries read it; null derives it in each query.
     */
    ranked?: string | null;
  };
  tickets: {
    table: string;
    customer_id: string;
    created_at: string;
    order_id: string | null;
    status: string | null;
    resolved: string | null;
    satisfaction: string | null;
    reason: string | null;
    channel: string | null;
    agent: string | null;
    /** The operational columns only the slice query reads (wait, transfer, reopen and first-contact measures). */
    wait_seconds: string | null;
    first_response_at: string | null;
    transfers: string | null;
    reopens: string | null;
    contacts: string | null;
    first_contact_resolved: string | null;
  };
}

export const OPTIONAL_SOURCE_COLUMNS = [
  'orders.order_id',
  'orders.status',
  'orders.row_order',
  'tickets.order_id',
  'tickets.status',
  'tickets.resolved',
  'tickets.satisfaction',
  'tickets.reason',
  'tickets.channel',
  'tickets.agent',
  'tickets.wait_seconds',
  'tickets.first_response_at',
  'tickets.transfers',
  'tickets.reopens',
  'tickets.contacts',
  'tickets.first_contact_resolved',
] as const;

const SOURCE_COLUMNS = [
  'orders.customer_id',
  'orders.order_date',
  'orders.amount',
  'tickets.customer_id',
  'tickets.created_at',
  ...OPTIONAL_SOURCE_COLUMNS,
] as const;

/**
 * The source from table names, `--column role.column=NAME` entries (the keys --map uses
 * for CSV headers) and the optional columns the tables lack (`--absent tickets.resolved,…`). Every
 * column defaults to its canonical name, except orders.row_order, which is used only when
 * mapped.
 */
export function factsSource(tables: { orders: string; tickets: string }, map: Record<string, string>, absent: readonly string[]): FactsSource {
  for (const key of absent) {
    if (!(OPTIONAL_SOURCE_COLUMNS as readonly string[]).includes(key)) {
      throw new UsageError(`--absent "${key}" is not an optional column; choose from ${OPTIONAL_SOURCE_COLUMNS.join(', ')}`);
    }
  }
  for (const key of Object.keys(map)) {
    if (!(SOURCE_COLUMNS as readonly string[]).includes(key)) {
      throw new UsageError(`--column "${key}" is not a column the facts query reads; choose from ${SOURCE_COLUMNS.join(', ')}`);
    }
  }
  const column = (key: string, fallback: string | null): string | null => (absent.includes(key) ? null : (map[key] ?? fallback));
  const required = (key: string): string => column(key, key.split('.')[1]!)!;
  return {
    orders: {
      table: tables.orders,
      customer_id: required('orders.customer_id'),
      order_date: required('orders.order_date'),
      amount: required('orders.amount'),
      order_id: column('orders.order_id', 'order_id'),
      status: column('orders.status', 'status'),
      row_order: column('orders.row_order', null),
    },
    tickets: {
      table: tables.tickets,
      customer_id: required('tickets.customer_id'),
      created_at: required('tickets.created_at'),
      order_id: column('tickets.order_id', 'order_id'),
      status: column('tickets.status', 'status'),
      resolved: column('tickets.resolved', 'resolved'),
      satisfaction: column('tickets.satisfaction', 'satisfaction'),
      reason: column('tickets.reason', 'reason'),
      channel: column('tickets.channel', 'channel'),
      agent: column('tickets.agent', 'agent'),
      wait_seconds: column('tickets.wait_seconds', 'wait_seconds'),
      first_response_at: column('tickets.first_response_at', 'first_response_at'),
      transfers: column('tickets.transfers', 'transfers'),
      reopens: column('tickets.reopens', 'reopens'),
      contacts: column('tickets.contacts', 'contacts'),
      first_contact_resolved: column('tickets.first_contact_resolved', 'first_contact_resolved'),
    },
  };
}

/** The ticket columns only the slice query reads: the facts stage neither needs nor loads them. */
export const SLICE_ONLY_TICKET_COLUMNS: readonly string[] = ['wait_seconds', 'first_response_at', 'transfers', 'reopens', 'contacts', 'first_contact_resolved'];

const WANTED = {
  orders: ['customer_id', 'order_date', 'amount', 'order_id', 'status'],
  tickets: [
    'customer_id', 'created_at', 'order_id', 'status', 'resolved', 'satisfaction', 'reason', 'channel', 'agent',
    'wait_seconds', 'first_response_at', 'transfers', 'reopens', 'contacts', 'first_contact_resolved',
  ],
};
const REQUIRED = { orders: ['customer_id', 'order_date', 'amount'], tickets: ['customer_id', 'created_at'] };

/**
 * A table's or file's columns → canonical column → its name there: `--column role.column=NAME`
 * first, else the column whose name is the canonical one ignoring case and surrounding spaces.
 * A missing required column, or a --column naming none, is a DataError naming `where` and the
 * columns there.
 */
export function matchColumns(names: readonly string[], role: 'orders' | 'tickets', columnMap: Record<string, string>, where: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const column of WANTED[role]) {
    const mapped = columnMap[`${role}.${column}`];
    const match = mapped !== undefined ? names.find((n) => n === mapped) : names.find((n) => n.trim().toLowerCase() === column);
    if (match !== undefined) found[column] = match;
    else if (mapped !== undefined) throw new DataError(`${where}: no column "${mapped}" (given for ${role}.${column}); the columns are ${names.join(', ')}`);
  }
  for (const required of REQUIRED[role]) {
    if (found[required] === undefined) {
      throw new DataError(`${where}: missing required column ${required}; the columns are ${names.join(', ')}. Name it with --column ${role}.${required}=NAME`);
    }
  }
  return found;
}

/** The source from the columns matchColumns found: the others absent; rowOrder the orders' row-order column, if any. */
export function sourceOf(tables: { orders: string; tickets: string }, found: { orders: Record<string, string>; tickets: Record<string, string> }, rowOrder: string | null): FactsSource {
  const map: Record<string, string> = {};
  for (const [column, name] of Object.entries(found.orders)) map[`orders.${column}`] = name;
  for (const [column, name] of Object.entries(found.tickets)) map[`tickets.${column}`] = name;
  if (rowOrder !== null) map['orders.row_order'] = rowOrder;
  const absent = OPTIONAL_SOURCE_COLUMNS.filter((key) => key !== 'orders.row_order' && map[key] === undefined);
  return factsSource(tables, map, absent);
}

/** `--column role.column=NAME` entries (repeatable; the last of a key wins) → a map. */
export function parseColumnFlags(entries: readonly string[]): Record<string, string> {
  const columns: Record<string, string> = {};
  for (const entry of entries) {
    const m = /^\s*([a-z_]+\.[a-z_]+)\s*=\s*(\S(?:.*\S)?)\s*$/.exec(entry);
    if (!m) throw new UsageError(`--column "${entry}" is not role.column=NAME; write e.g. --column orders.amount=total_price`);
    columns[m[1]!] = m[2]!;
  }
  return columns;
}
