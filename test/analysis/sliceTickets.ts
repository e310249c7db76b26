import { ticketTable } from '../model/ticketRecords.js';
import type { LoadedTickets } from '../../src/ingest/records.js';
import type { Satisfaction, TicketColumn, TicketRecord } from '../../src/model/ticketRecord.js';

/**
 * Hand-built tickets for the slices tests. Weekday 0 = Monday: 2014-01-06 was a Monday.
 */
export interface TicketSpec {
  weekday?: number;
  hour?: number;
  /** 1–5, 'good'/'bad', or null for unrated. */
  score?: number | 'good' | 'bad' | null;
  reason?: string | null;
  channel?: string | null;
  agent?: string | null;
  waitSeconds?: number | null;
  transfers?: number | null;
  reopens?: number | null;
  contacts?: number | null;
  firstContactResolved?: boolean | null;
}

let line = 1;

export function ticket(spec: TicketSpec = {}): TicketRecord {
  line += 1;
  return {
    line,
    customerId: `c${line}`,
    createdAt: Date.UTC(2014, 0, 6 + (spec.weekday ?? 0), spec.hour ?? 12, 30),
    ticketId: null,
    orderId: null,
    status: null,
    resolved: null,
    satisfaction: satisfaction(spec.score ?? null),
    reason: spec.reason ?? null,
    channel: spec.channel ?? null,
    agent: spec.agent ?? null,
    waitSeconds: spec.waitSeconds ?? null,
    transfers: spec.transfers ?? null,
    reopens: spec.reopens ?? null,
    contacts: spec.contacts ?? null,
    firstContactResolved: spec.firstContactResolved ?? null,
    followUp: null,
  };
}

/** `n` copies of a ticket: `many(9, { score: 5 })`. */
export function many(n: number, spec: TicketSpec = {}): TicketRecord[] {
  return Array.from({ length: n }, () => ticket(spec));
}

/** `rated(10, 9, spec)`: ten rated tickets, nine satisfied (score 5) and one not (score 2). */
export function rated(n: number, satisfied: number, spec: TicketSpec = {}): TicketRecord[] {
  return [...many(satisfied, { ...spec, score: 5 }), ...many(n - satisfied, { ...spec, score: 2 })];
}

export function loaded(records: TicketRecord[], extra: TicketColumn[] = []): LoadedTickets {
  const present = new Set<TicketColumn>(['customer_id', 'created_at', 'satisfaction', ...extra]);
  return {
    table: ticketTable(records),
    present,
    quality: {
      file: 'tickets.csv',
      format: 'canonical',
      columns: {},
      rowsRead: records.length,
      rowsUsed: records.length,
      rowsSkipped: 0,
      skipped: {},
      decisions: [],
      warnings: [],
    },
  };
}

function satisfaction(score: number | 'good' | 'bad' | null): Satisfaction | null {
  if (score === null) return null;
  if (typeof score === 'number') return { kind: 'numeric', value: score, satisfied: score >= 4 };
  return { kind: 'text', satisfied: score === 'good' };
}
