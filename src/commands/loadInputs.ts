import { assertReadable, loadOrders, loadTickets } from '../ingest/load.js';
import type { FileQuality, IngestOptions, LoadedOrders, LoadedTickets } from '../ingest/records.js';
import type { Terminal } from '../terminal.js';
import { warnAboutQuality } from './qualityWarnings.js';
import { readProgress } from './readProgress.js';

export interface LoadedInputs {
  orders: LoadedOrders;
  tickets: LoadedTickets;
  quality: { orders: FileQuality; tickets: FileQuality };
}

/**
 * Reads the orders and tickets exports of `cohort` and `report`. Both paths are checked before
 * either file is read, so a mistyped tickets path fails at once (exit 66), not after a large
 * orders export has been read or after the orders file's own data error. Skipped rows are
 * warned about on stderr.
 */
export async function loadInputs(
  ordersFile: string,
  ticketsFile: string,
  ingest: IngestOptions,
  flags: { quiet?: boolean },
  term: Terminal,
): Promise<LoadedInputs> {
  await assertReadable(ordersFile, 'orders');
  await assertReadable(ticketsFile, 'tickets');
  const orders = await loadOrders(ordersFile, ingest, readProgress(term, flags, ordersFile));
  const tickets = await loadTickets(ticketsFile, ingest, readProgress(term, flags, ticketsFile));
  warnAboutQuality(orders.quality, term);
  warnAboutQuality(tickets.quality, term);
  return { orders, tickets, quality: { orders: orders.quality, tickets: tickets.quality } };
}
