import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { Engine } from '../../src/engines/engine.js';
import type { LoadedOrders, LoadedTickets } from '../../src/ingest/records.js';
import { isoWall } from '../../src/ingest/profile.js';
import { orderRecords } from '../model/orderRecords.js';
import { ticketRecords } from '../model/ticketRecords.js';

/**
 * Test data into a SQL engine, as a user would stage an export: one table per file, ids,
 * statuses and labels as the raw text of the cells (untrimmed, any case), dates as TIMESTAMP,
 * amounts as DOUBLE, plus `line`, the row's number in file order (the row-order column the
 * facts query keeps the first repeated order id by).
 */
export type Cell = string | number | null;

export interface StagedTable {
  columns: { name: string; type: 'text' | 'timestamp' | 'double' | 'integer' }[];
  rows: Cell[][];
}

const TYPES = {
  duckdb: { text: 'VARCHAR', timestamp: 'TIMESTAMP', double: 'DOUBLE', integer: 'INTEGER' },
  postgres: { text: 'TEXT', timestamp: 'TIMESTAMP', double: 'DOUBLE PRECISION', integer: 'INTEGER' },
} as const;

const literal = (cell: Cell) => (cell === null ? 'NULL' : typeof cell === 'number' ? String(cell) : `'${cell.replaceAll("'", "''")}'`);

/** Creates and fills `name`: a session's temporary table in PostgreSQL unless `temporary` is false. */
export async function stage(engine: Engine, name: string, table: StagedTable, temporary = true): Promise<void> {
  const types = TYPES[engine.name as keyof typeof TYPES];
  await engine.run(`DROP TABLE IF EXISTS ${name}`);
  await engine.run(`CREATE ${engine.name === 'postgres' && temporary ? 'TEMPORARY ' : ''}TABLE ${name} (${table.columns.map((c) => `"${c.name}" ${types[c.type]}`).join(', ')})`);
  for (let i = 0; i < table.rows.length; i += 500) {
    const values = table.rows.slice(i, i + 500).map((row) => `(${row.map(literal).join(', ')})`);
    if (values.length > 0) await engine.run(`INSERT INTO ${name} VALUES ${values.join(',\n')}`);
  }
}

const ORDER_TYPES: Record<string, StagedTable['columns'][number]['type']> = { order_date: 'timestamp', amount: 'double' };
const TICKET_TYPES: Record<string, StagedTable['columns'][number]['type']> = { created_at: 'timestamp', first_response_at: 'timestamp' };

/** The ticket columns a query reads: the facts query's, then the ones only the slice query reads. */
export const STAGED_TICKET_COLUMNS = [
  'customer_id', 'created_at', 'order_id', 'status', 'resolved', 'satisfaction', 'reason', 'channel', 'agent',
  'wait_seconds', 'first_response_at', 'transfers', 'reopens', 'contacts', 'first_contact_resolved',
];

/**
 * A canonical CSV file (ISO dates, plain amounts) as its raw cells, with `line` numbering the
 * data rows in file order. Only the columns the facts query reads are kept.
 */
export function rawCsvTable(path: string, role: 'orders' | 'tickets'): StagedTable {
  const parsed = Papa.parse<Record<string, string>>(readFileSync(path, 'utf8'), { header: true, skipEmptyLines: true });
  const wanted = role === 'orders' ? ['customer_id', 'order_date', 'amount', 'order_id', 'status'] : STAGED_TICKET_COLUMNS;
  const kinds = role === 'orders' ? ORDER_TYPES : TICKET_TYPES;
  const present = wanted.filter((c) => parsed.meta.fields!.includes(c));
  return {
    columns: [{ name: 'line', type: 'integer' }, ...present.map((name) => ({ name, type: kinds[name] ?? 'text' }))],
    rows: parsed.data.map((row, i) => [
      i + 1,
      ...present.map((c) => {
        const raw = row[c] ?? '';
        // A date or amount cell that is empty is NULL in a typed column.
        if (kinds[c] !== undefined) return raw.trim() === '' ? null : raw.trim();
        return raw;
      }),
    ]),
  };
}

/** Orders as loyalty's ingest read them (platform presets folded, one row per order id). */
export function ordersTable(orders: LoadedOrders): StagedTable {
  return {
    columns: [
      { name: 'line', type: 'integer' },
      { name: 'customer_id', type: 'text' },
      { name: 'order_date', type: 'timestamp' },
      { name: 'amount', type: 'double' },
      { name: 'order_id', type: 'text' },
      { name: 'status', type: 'text' },
    ],
    rows: orderRecords(orders.table).map((o) => [o.line, o.customerId, isoWall(o.orderDate), o.amount, o.orderId, o.status]),
  };
}

/**
 * Tickets as loyalty's ingest read them; a score back as its text (4, good, bad); the wait as
 * the seconds ingest computed (from wait_seconds or first_response_at), counts and flags as
 * read. Only the columns the file has are kept (`present`).
 */
export function ticketsTable(tickets: LoadedTickets): StagedTable {
  return {
    columns: [
      { name: 'line', type: 'integer' },
      { name: 'customer_id', type: 'text' },
      { name: 'created_at', type: 'timestamp' },
      { name: 'order_id', type: 'text' },
      { name: 'status', type: 'text' },
      { name: 'resolved', type: 'text' },
      { name: 'satisfaction', type: 'text' },
      { name: 'reason', type: 'text' },
      { name: 'channel', type: 'text' },
      { name: 'agent', type: 'text' },
      { name: 'wait_seconds', type: 'double' },
      { name: 'transfers', type: 'double' },
      { name: 'reopens', type: 'double' },
      { name: 'contacts', type: 'double' },
      { name: 'first_contact_resolved', type: 'text' },
    ],
    rows: ticketRecords(tickets.table).map((t) => [
      t.line,
      t.customerId,
      isoWall(t.createdAt),
      t.orderId,
      t.status,
      t.resolved === null ? null : String(t.resolved),
      t.satisfaction === null ? null : t.satisfaction.kind === 'numeric' ? String(t.satisfaction.value) : t.satisfaction.satisfied ? 'good' : 'bad',
      t.reason,
      t.channel,
      t.agent,
      t.waitSeconds,
      t.transfers,
      t.reopens,
      t.contacts,
      t.firstContactResolved === null ? null : String(t.firstContactResolved),
    ]),
  };
}

/** ticketsTable with only the columns the file has (the wait when it has wait_seconds or first_response_at). */
export function presentTicketsTable(tickets: LoadedTickets): StagedTable {
  const table = ticketsTable(tickets);
  const has = (name: string) =>
    name === 'line' || tickets.present.has(name as never) || (name === 'wait_seconds' && tickets.present.has('first_response_at'));
  const keep = table.columns.map((c) => has(c.name));
  return { columns: table.columns.filter((_, i) => keep[i]), rows: table.rows.map((r) => r.filter((_, i) => keep[i])) };
}

/** A staged table as a canonical CSV file's text (header row; null and '' both empty). */
export function stagedCsv(table: StagedTable): string {
  const cell = (v: Cell) => {
    const text = v === null ? '' : String(v);
    return /[",\n\r]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  return [table.columns.map((c) => c.name), ...table.rows].map((r) => r.map(cell).join(',')).join('\n') + '\n';
}
