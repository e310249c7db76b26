import { median } from '../stats/summary.js';
import { sliceKey } from './sliceKeys.js';
import type { Dimension } from './sliceResult.js';
import type { Factor, PatternName } from './driversResult.js';
import { firstContactResolution } from './sliceStats.js';
import type { TicketRecord } from '../model/ticketRecord.js';

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
  records: readonly TicketRecord[],
  dimensions: readonly Dimension[],
  hasWait: boolean,
): DriverTicket[] {
  const usual = hasWait ? usualWaits(records) : new Map<string, number>();
  const repeat = repeatContacts(records);
  return records.map((t, i) => {
    const keys = {} as Record<Dimension, string>;
    for (const d of ['hour', 'weekday', 'reason', 'channel', 'agent'] as const) keys[d] = sliceKey(t, d);
    const levels: DriverTicket['levels'] = {};
    for (const d of dimensions) levels[d] = keys[d];
    let waitStratum: string | null = null;
    let long: boolean | null = null;
    if (hasWait) {
      const base = usual.get(t.channel ?? '') ?? 0;
      const band = t.waitSeconds === null || !(base > 0) ? null : waitBand(t.waitSeconds / base);
      levels.wait = band;
      waitStratum = band === null ? null : `${band} · ${t.channel ?? ''}`;
      long = t.waitSeconds === null || !(base > 0) ? null : t.waitSeconds > 2 * base;
    }
    return {
      satisfied: t.satisfaction === null ? null : t.satisfaction.satisfied,
      keys,
      levels,
      waitStratum,
      flags: {
        wait: long,
        transferred: t.transfers === null ? null : t.transfers > 0,
        reopened: t.reopens === null ? null : t.reopens > 0,
        repeatContact: repeat[i],
        firstContactResolved: firstContactResolution(t),
      },
    };
  });
}

/** The median wait of each channel (all tickets of the channel with a wait): what is "usual" there. */
function usualWaits(records: readonly TicketRecord[]): Map<string, number> {
  const byChannel = new Map<string, number[]>();
  for (const t of records) {
    if (t.waitSeconds === null) continue;
    const key = t.channel ?? '';
    const list = byChannel.get(key);
    if (list) list.push(t.waitSeconds);
    else byChannel.set(key, [t.waitSeconds]);
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
function repeatContacts(records: readonly TicketRecord[]): boolean[] {
  const order = records.map((_, i) => i).sort((a, b) => records[a].createdAt - records[b].createdAt || a - b);
  const last = new Map<string, number>();
  const out = new Array<boolean>(records.length).fill(false);
  for (const i of order) {
    const t = records[i];
    const previous = last.get(t.customerId);
    if (previous !== undefined && t.createdAt - previous <= REPEAT_WINDOW_DAYS * DAY_MS) out[i] = true;
    last.set(t.customerId, t.createdAt);
  }
  return out;
}
