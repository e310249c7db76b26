import { readFileSync } from 'node:fs';
import { parseOrders } from '../../../src/ingest/orders.js';
import { parseTickets } from '../../../src/ingest/tickets.js';
import { DEFAULT_INGEST_OPTIONS, type IngestOptions, type LoadedOrders, type LoadedTickets } from '../../../src/ingest/records.js';
import { orderRecords } from '../../model/orderRecords.js';

/** The sample exports under fixtures/formats, parsed by the core exactly as a file would be. */
export function samplePath(name: string): string {
  return `fixtures/formats/${name}.csv`;
}

export function sampleOrders(name: string, options: Partial<IngestOptions> = {}): Promise<LoadedOrders> {
  const path = samplePath(name);
  return parseOrders(bytes(readFileSync(path)), path, { ...DEFAULT_INGEST_OPTIONS, ...options });
}

export function sampleTickets(name: string, options: Partial<IngestOptions> = {}): Promise<LoadedTickets> {
  const path = samplePath(name);
  return parseTickets(bytes(readFileSync(path)), path, { ...DEFAULT_INGEST_OPTIONS, ...options });
}

async function* bytes(data: Uint8Array): AsyncGenerator<Uint8Array> {
  yield data;
}

/** "2014-01-03 10:15" → wall-clock ms, for readable expectations. */
export function wall(text: string): number {
  const [date, time = '00:00:00'] = text.split(' ');
  const [y, mo, d] = date.split('-').map(Number);
  const [h, mi, s = 0] = time.split(':').map(Number);
  return Date.UTC(y, mo - 1, d, h, mi, s);
}

/** An order record as a compact tuple: [line, orderId, customerId, wall time, amount, status]. */
export function orderTuples(loaded: LoadedOrders): [number, string | null, string, number, number, string | null][] {
  return orderRecords(loaded.table).map((r) => [r.line, r.orderId, r.customerId, r.orderDate, r.amount, r.status]);
}
