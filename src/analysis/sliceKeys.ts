import { WEEKDAYS, hourOf, weekdayOf } from '../time/calendar.js';
import { NONE_KEY, type Dimension } from './sliceResult.js';
import type { TicketTable } from '../model/ticketTable.js';

/** "00" … "23": every hour is listed, in clock order, even when no ticket falls in it. */
export const HOUR_KEYS: readonly string[] = Array.from({ length: 24 }, (_, h) => String(h).padStart(2, '0'));

/**
 * The slice a ticket falls in along one dimension. Hours and weekdays come from the
 * wall-clock created_at (already converted by --tz at ingest); an empty reason, channel
 * or agent cell is its own slice, "(none)", so those tickets still count in volume.
 */
export function sliceKey(tickets: TicketTable, i: number, dimension: Dimension): string {
  switch (dimension) {
    case 'hour':
      return HOUR_KEYS[hourOf(tickets.createdAt[i]!)];
    case 'weekday':
      return weekdayOf(tickets.createdAt[i]!);
    case 'reason':
    case 'channel':
    case 'agent':
      return tickets.label(dimension, i) ?? NONE_KEY;
  }
}

/**
 * The order slices are listed in: hours 00–23 and weekdays Mon–Sun always in full (a
 * fixed domain keeps week-over-week reports and charts comparable, and an hour with no
 * tickets is itself worth seeing); other dimensions only the keys seen, by tickets
 * descending, then key.
 */
export function orderedKeys(dimension: Dimension, counts: ReadonlyMap<string, number>): string[] {
  if (dimension === 'hour') return [...HOUR_KEYS];
  if (dimension === 'weekday') return [...WEEKDAYS];
  return [...counts.keys()].sort((a, b) => counts.get(b)! - counts.get(a)! || compareText(a, b));
}

/** Code-unit comparison: locale-free, so the order is the same on every machine. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
