import { median } from '../stats/summary.js';
import { sliceKey } from './sliceKeys.js';
import { hourOf, weekdayIndex } from '../time/calendar.js';
import type { Dimension } from './sliceResult.js';
import type { Factor, PatternName } from './driversResult.js';
import { firstContactResolution } from './sliceStats.js';
import type { TicketTable } from '../model/ticketTable.js';
import { repeatContacts } from './repeatContacts.js';

/** Text values as codes into `names`; −1 where the value is missing. */
export interface Coded {
  codes: Int32Array;
  names: string[];
}

/**
 * The tickets as the drivers analysis sees them, by column: each ticket's slice key along every
 * dimension (the model level too: the hour itself, not bands chosen from the same data, so the
 * hour effects carry no selection), its wait band, and its 0/1 service patterns.
 */
export interface DriverColumns {
  length: number;
  /** 1 satisfied, 0 not, −1 unrated. */
  satisfied: Int8Array;
  /** Raw slice keys ("16", "Mon", "Gus"), as `slices` reports them. */
  keys: Record<Dimension, Coded>;
  /** Level per factor before pooling rare levels; −1 when the factor's value is missing. */
  levels: Partial<Record<Factor, Coded>>;
  /** Wait band × channel: the strata a wait adjustment compares within. */
  waitStratum: Coded;
  /** 1 on, 0 off, −1 unknown. */
  flags: Record<PatternName, Int8Array>;
}

/** Some of the tickets, by index into the columns, in ticket order. */
export interface DriverSet {
  columns: DriverColumns;
  rows: Int32Array;
}

export function subset(set: DriverSet, keep: (i: number) => boolean): DriverSet {
  return { columns: set.columns, rows: set.rows.filter(keep) };
}

export function levelOf(columns: DriverColumns, factor: Factor, i: number): string | null {
  const coded = columns.levels[factor];
  const code = coded ? coded.codes[i] : -1;
  return code < 0 ? null : coded!.names[code];
}

export function keyOf(columns: DriverColumns, dimension: Dimension, i: number): string {
  const coded = columns.keys[dimension];
  return coded.names[coded.codes[i]];
}

/** Codes text values in order of first appearance. */
function coder(length: number) {
  const codes = new Int32Array(length).fill(-1);
  const names: string[] = [];
  const index = new Map<string, number>();
  return {
    coded: { codes, names } as Coded,
    set(i: number, value: string | null) {
      if (value === null) return;
      let code = index.get(value);
      if (code === undefined) {
        code = names.length;
        names.push(value);
        index.set(value, code);
      }
      codes[i] = code;
    },
  };
}

const DAY_MS = 86_400_000;
export const REPEAT_WINDOW_DAYS = 7;

/** Wait bands by multiples of the channel's median wait ("usual"), shortest first. */
export const WAIT_BANDS = ['under ½× usual', '½–1× usual', '1–2× usual', '2–4× usual', '4× usual or more'] as const;

export function driverTickets(tickets: TicketTable, dimensions: readonly Dimension[], hasWait: boolean): DriverSet {
  const n = tickets.length;
  const usual = hasWait ? usualWaits(tickets) : new Map<string, number>();
  const repeat = repeatFlags(tickets);
  const dims = ['hour', 'weekday', 'reason', 'channel', 'agent'] as const;
  const keyCoders = dims.map(() => coder(n));
  const waitBands = coder(n);
  const strata = coder(n);
  const satisfied = new Int8Array(n);
  const flag = () => new Int8Array(n).fill(-1);
  const flags: Record<PatternName, Int8Array> = { wait: flag(), transferred: flag(), reopened: flag(), repeatContact: flag(), firstContactResolved: flag() };
  const known = (v: boolean | null) => (v === null ? -1 : v ? 1 : 0);
  // Each dimension's key is a function of a small number (the hour, the weekday, a label's
  // code): its code is found once per number, then copied (a string and a Map lookup per
  // ticket and dimension took ~0.3 s of 1M tickets).
  const rawOf = [(i: number) => hourOf(tickets.createdAt[i]!), (i: number) => weekdayIndex(tickets.createdAt[i]!), (i: number) => tickets.reason[i]!, (i: number) => tickets.channel[i]!, (i: number) => tickets.agent[i]!];
  const seenCodes = [24, 7, tickets.labels.length, tickets.labels.length, tickets.labels.length].map((size) => new Int32Array(size).fill(-2));
  for (let i = 0; i < n; i++) {
    for (let d = 0; d < dims.length; d++) {
      const raw = rawOf[d]!(i);
      const seen = seenCodes[d]!;
      const code = raw >= 0 && raw < seen.length ? seen[raw]! : -2;
      if (code >= 0) keyCoders[d]!.coded.codes[i] = code;
      else {
        keyCoders[d]!.set(i, sliceKey(tickets, i, dims[d]!));
        if (raw >= 0 && raw < seen.length) seen[raw] = keyCoders[d]!.coded.codes[i]!;
      }
    }
    const channel = tickets.label('channel', i);
    const wait = tickets.waitSeconds[i]!;
    const transfers = tickets.transfers[i]!;
    const reopens = tickets.reopens[i]!;
    if (hasWait) {
      const base = usual.get(channel ?? '') ?? 0;
      // NaN (no wait) is the one number not equal to itself.
      const isKnown = wait === wait && base > 0;
      const band = isKnown ? waitBand(wait / base) : null;
      waitBands.set(i, band);
      strata.set(i, band === null ? null : `${band} · ${channel ?? ''}`);
      flags.wait[i] = isKnown ? (wait > 2 * base ? 1 : 0) : -1;
    }
    satisfied[i] = tickets.satisfied[i]! < 0 ? -1 : tickets.satisfied[i] === 1 ? 1 : 0;
    flags.transferred[i] = transfers === transfers ? (transfers > 0 ? 1 : 0) : -1;
    flags.reopened[i] = reopens === reopens ? (reopens > 0 ? 1 : 0) : -1;
    flags.repeatContact[i] = repeat[i] === 1 ? 1 : 0;
    flags.firstContactResolved[i] = known(firstContactResolution(tickets, i));
  }
  const keys = Object.fromEntries(dims.map((d, k) => [d, keyCoders[k].coded])) as Record<Dimension, Coded>;
  const levels: DriverColumns['levels'] = {};
  for (const d of dimensions) levels[d] = keys[d];
  if (hasWait) levels.wait = waitBands.coded;
  const columns: DriverColumns = { length: n, satisfied, keys, levels, waitStratum: strata.coded, flags };
  return { columns, rows: Int32Array.from({ length: n }, (_, i) => i) };
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
