import type { TicketColumn } from './ticketRecord.js';

/** The dimensions tickets are sliced by. */
export const DIMENSIONS = ['hour', 'weekday', 'reason', 'channel', 'agent'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/**
 * What `slices` is computed from: per slice, counts that add up (tickets, ratings, numeric
 * scores, and the numerators and denominators of the transfer, reopen and first-contact
 * rates) and the slice's own median wait, which does not add up and so is computed per slice
 * by whoever builds the table: in process from ticket records (sliceTableOf), or in SQL
 * (src/engines/sliceTableSql.ts, read back by src/ingest/sliceTableRows.ts).
 */
export interface SliceCounts {
  tickets: number;
  rated: number;
  satisfied: number;
  /** Numeric (1–5) scores and their sum. */
  scores: number;
  scoreSum: number;
  medianWaitSeconds: number | null;
  /** hits: transferred at least once; known: tickets with a transfers value. */
  transfers: { hits: number; known: number };
  reopens: { hits: number; known: number };
  /** hits: resolved on first contact; known: tickets where that is known. */
  fcr: { hits: number; known: number };
}

/**
 * The counts of every slice: what `slices` reads, whoever built it (in process from the
 * tickets table, or a SQL engine's table read back by src/ingest/sliceTableRows.ts).
 */
export interface SliceTable {
  /** The ticket columns the source has: which dimensions exist, and whether CSAT can be computed. */
  present: ReadonlySet<TicketColumn>;
  overall: SliceCounts;
  /** Per dimension, slice key (as sliceKey gives it: "00"–"23", Mon–Sun, label or "(none)") → counts; only keys with tickets. */
  dimensions: Record<Dimension, Map<string, SliceCounts>>;
  /** "Mon 09" (weekday, space, hour) → counts; only cells with tickets. */
  heatmap: Map<string, SliceCounts>;
}

/** The id of a weekday × hour cell in SliceTable.heatmap. */
export const cellId = (weekday: string, hour: string): string => `${weekday} ${hour}`;
