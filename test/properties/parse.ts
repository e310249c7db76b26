import { parseOrders } from '../../src/ingest/orders.js';
import { parseTickets } from '../../src/ingest/tickets.js';
import { DEFAULT_INGEST_OPTIONS, type LoadedOrders, type LoadedTickets } from '../../src/ingest/records.js';

/** Parses chunks as a file stream would deliver them. */
export function ordersFrom(chunks: Uint8Array[], name = 'orders.csv'): Promise<LoadedOrders> {
  return parseOrders(stream(chunks), name, DEFAULT_INGEST_OPTIONS);
}

export function ticketsFrom(chunks: Uint8Array[], name = 'tickets.csv'): Promise<LoadedTickets> {
  return parseTickets(stream(chunks), name, DEFAULT_INGEST_OPTIONS);
}

async function* stream(chunks: Uint8Array[]): AsyncGenerator<Uint8Array> {
  for (const c of chunks) yield c;
}

/** Records without their line numbers (the one thing a surface form may change). */
export function withoutLines<T extends { line: number }>(records: T[]): Omit<T, 'line'>[] {
  return records.map(({ line: _line, ...rest }) => rest);
}
