import { TicketTable } from '../../src/model/ticketTable.js';
import type { LoadedTickets } from '../../src/ingest/records.js';
import type { TicketRecord } from '../../src/model/ticketRecord.js';

/** The tickets of `table`, in order, as objects: how tests write expected rows. */
export function ticketRecords(table: TicketTable): TicketRecord[] {
  const known = (n: number) => (n === n ? n : null);
  const flag = (f: number) => (f < 0 ? null : f === 1);
  return Array.from({ length: table.length }, (_, i) => ({
    line: table.line[i]!,
    customerId: table.customerId(i),
    createdAt: table.createdAt[i]!,
    ticketId: table.ticketIdText(i),
    orderId: table.orderIdText(i),
    status: table.label('status', i),
    resolved: flag(table.resolved[i]!),
    satisfaction: table.satisfaction(i),
    reason: table.label('reason', i),
    channel: table.label('channel', i),
    agent: table.label('agent', i),
    waitSeconds: known(table.waitSeconds[i]!),
    transfers: known(table.transfers[i]!),
    reopens: known(table.reopens[i]!),
    contacts: known(table.contacts[i]!),
    firstContactResolved: flag(table.firstContactResolved[i]!),
    followUp: flag(table.followUp[i]!),
  }));
}

/** A table holding `records`, in order (ids and labels numbered as a reader numbers them). */
export function ticketTable(records: readonly TicketRecord[]): TicketTable {
  const table = new TicketTable();
  for (const r of records) table.push(r);
  return table;
}

/** Loaded tickets with the table as its rows: what two reads of a file are compared by. */
export function withTicketRows<T extends LoadedTickets | null | undefined>(
  loaded: T,
): T extends LoadedTickets ? Omit<LoadedTickets, 'table'> & { table: TicketRecord[] } : T {
  if (loaded === null || loaded === undefined) return loaded as never;
  return { ...loaded, table: ticketRecords(loaded.table) } as never;
}
