import { median } from '../stats/summary.js';
import { sliceKey } from './sliceKeys.js';
import type { Dimension } from './sliceResult.js';
import type { Factor, PatternName } from './driversResult.js';
import { firstContactResolution } from './sliceStats.js';
import type { TicketTable } from '../model/ticketTable.js';
import { repeatContacts } from './repeatContacts.js';

/**
 * Each ticket as the drivers analysis sees it: its slice key along every dimension (the model
 * level too: the hour itself, not bands chosen from the same data, so the hour effects carry
 * no selection), its wait band, and its 0/1 service patterns.
 */
export interface DriverTicket {
  satisfied: boolean | null;
  /** Raw slice keys ("16", "Mon", "Gus"), as `slices` reports them. */
  keys: Record<Dimension, string>;
  /** Level per factor before pooling rare levels; null when the factor's value is missing. */
  levels: Partial<Record<Factor, string | null>>;
  /** Wait band × channel: the strata a wait adjustment compares within. */
  waitStratum: string | null;
  flags: Record<PatternName, boolean | null>;
}

const DAY_MS = 86_400_000;
export const REPEAT_WINDOW_DAYS = 7;

/** Wait bands by multiples of the channel's median wait ("usual"), shortest first. */
export const WAIT_BANDS = ['under ½× usual', '½–1× usual', '1–2× usual', '2–4× usual', '4× usual or more'] as const;

export function driverTickets(
  tickets: TicketTable,
  dimensions: readonly Dimension[],
  hasWait: boolean,
): DriverTicket[] {
  const usual = hasWait ? usualWaits(tickets) : new Map<string, number>();
  const repeat = repeatFlags(tickets);
  return Array.from({ length: tickets.length }, (_, i) => {
    const keys = {} as Record<Dimension, string>;
    for (const d of ['hour', 'weekday', 'reason', 'channel', 'agent'] as const) keys[d] = sliceKey(tickets, i, d);
    const channel = tickets.label('channel', i);
    const wait = tickets.waitSeconds[i]!;
    const transfers = tickets.transfers[i]!;
    const reopens = tickets.reopens[i]!;
    const satisfied = tickets.satisfied[i]!;
    const levels: DriverTicket['levels'] = {};
    for (const d of dimensions) levels[d] = keys[d];
    let waitStratum: string | null = null;
    let long: boolean | null = null;
    if (hasWait) {
      const base = usual.get(channel ?? '') ?? 0;
      // NaN (no wait) is the one number not equal to itself.
      const known = wait === wait && base > 0;
      const band = known ? waitBand(wait / base) : null;
      levels.wait = band;
      waitStratum = band === null ? null : `${band} · ${channel ?? ''}`;
      long = known ? wait > 2 * base : null;
    }
    return {
      satisfied: satisfied < 0 ? null : satisfied === 1,
      keys,
      levels,
      waitStratum,
      flags: {
        wait: long,
        transferred: transfers === transfers ? transfers > 0 : null,
        reopened: reopens === reopens ? reopens > 0 : null,
        repeatContact: repeat[i] === 1,
        firstContactResolved: firstContactResolution(tickets, i),
      },
    };
  });
}

/** The median wait of each channel (all tickets of the channel with a wait): what is "usual" there. */
function usualWaits(tickets: TicketTable): Map<string, number> {
  const byChannel = new Map<string, number[]>();
  for (let i = 0; i < tickets.length; i++) {
    const wait = tickets.waitSeconds[i]!;
    if (wait !== wait) continue;
    const key = tickets.label('channel', i) ?? '';
    const list = byChannel.get(key);
    if (list) list.push(wait);
    else byChannel.set(key, [wait]);
  }
  return new Map([...byChannel].map(([k, v]) => [k, median(v) ?? 0]));
}

function waitBand(ratio: number): string {
  if (ratio < 0.5) return WAIT_BANDS[0];
  if (ratio < 1) return WAIT_BANDS[1];
  if (ratio < 2) return WAIT_BANDS[2];
  if (ratio < 4) return WAIT_BANDS[3];
  return WAIT_BANDS[4];
}

/** A ticket is a repeat contact when the same customer opened another ticket in the 7 days before it. */
function repeatFlags(tickets: TicketTable): Uint8Array {
  return repeatContacts(tickets.customer.subarray(0, tickets.length), tickets.createdAt, tickets.customerIds.size, REPEAT_WINDOW_DAYS * DAY_MS);
}
