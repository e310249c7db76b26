import { UsageError } from '../errors.js';
import { STDIN } from '../ingest/inputStream.js';
import { assertReadable } from '../ingest/load.js';
import { readOrders } from '../ingest/readOrders.js';
import { readTickets } from '../ingest/readTickets.js';
import type { FileQuality, IngestOptions, LoadedOrders, LoadedTickets } from '../ingest/records.js';
import type { Terminal } from '../terminal.js';
import { warnAboutQuality } from './qualityWarnings.js';
import { readProgresses } from './readProgress.js';

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
  assertOneStdin(ordersFile, ticketsFile);
  await assertReadable(ordersFile, 'orders');
  await assertReadable(ticketsFile, 'tickets');
  // Read at the same time: the orders file's worker threads leave this thread free for the
  // tickets file. The orders file's error, if both fail, as when they were read in turn.
  const [ordersBar, ticketsBar] = readProgresses(term, flags, [ordersFile, ticketsFile]);
  const [orders, tickets] = await Promise.allSettled([readOrders(ordersFile, ingest, ordersBar), readTickets(ticketsFile, ingest, ticketsBar)]);
  if (orders.status === 'rejected') throw orders.reason;
  if (tickets.status === 'rejected') throw tickets.reason;
  // Tickets name orders by id: each of their ids is linked to its order's code now, and the
  // orders' ids (~240 MB for 10M Stripe ids) are let go before any analysis, which needs them
  // for nothing else.
  orders.value.table.orderIds.codesOf(tickets.value.table.orderIds);
  orders.value.table.orderIds.release();
  warnAboutQuality(orders.value.quality, term);
  warnAboutQuality(tickets.value.quality, term);
  return { orders: orders.value, tickets: tickets.value, quality: { orders: orders.value.quality, tickets: tickets.value.quality } };
}

/** Standard input is one stream: at most one of the two inputs can be `-`. */
export function assertOneStdin(ordersFile: string, ticketsFile: string | null): void {
  if (ordersFile === STDIN && ticketsFile === STDIN) {
    throw new UsageError('only one input can be read from stdin (-): give the other as a file path, e.g. loyalty cohort - tickets.csv < orders.csv');
  }
}
