import { DataError, UsageError } from '../errors.js';
import { defaultDimensions } from './slices.js';
import { COLUMN_DIMENSIONS, DIMENSIONS, type Dimension } from './sliceResult.js';
import type { TicketColumn } from '../model/ticketRecord.js';

/** "hour, weekday,reason" → ['hour', 'weekday', 'reason']; unknown names are usage errors. */
export function parseDimensions(text: string): Dimension[] {
  const names = text
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s !== '');
  if (names.length === 0) throw new UsageError(`--by needs at least one dimension; valid: ${DIMENSIONS.join(', ')}`);
  const out: Dimension[] = [];
  for (const name of names) {
    if (!(DIMENSIONS as readonly string[]).includes(name)) {
      throw new UsageError(`--by "${name}" is not a dimension; valid: ${DIMENSIONS.join(', ')}`);
    }
    if (!out.includes(name as Dimension)) out.push(name as Dimension);
  }
  return out;
}

/**
 * The dimensions to analyse: the requested ones (each of reason/channel/agent needs its
 * column), or by default hour, weekday and every optional column present.
 */
export function resolveDimensions(
  requested: Dimension[] | null,
  present: ReadonlySet<TicketColumn>,
  file: string,
  naming: ColumnNaming = MAP_HEADER,
): Dimension[] {
  if (requested === null) return defaultDimensions(present);
  for (const d of requested) {
    if ((COLUMN_DIMENSIONS as readonly string[]).includes(d) && !present.has(d as TicketColumn)) {
      throw new DataError(
        `--by ${d} needs a column "${d}", and ${file} has none; ${naming(d)}, or leave ${d} out of --by`,
      );
    }
  }
  return requested;
}

/** CSAT needs scores: without a satisfaction column there is nothing to slice. */
export function assertSatisfactionColumn(present: ReadonlySet<TicketColumn>, file: string, naming: ColumnNaming = MAP_HEADER): void {
  if (!present.has('satisfaction')) {
    throw new DataError(`CSAT needs a satisfaction column, and ${file} has none; ${naming('satisfaction')}`);
  }
}

/** How the user names the source of a missing column: the sentence saying so (each reader has its own flag). */
export type ColumnNaming = (column: 'satisfaction' | Dimension) => string;

/** The CSV path's: --map a header. */
export const MAP_HEADER: ColumnNaming = (c) =>
  c === 'satisfaction' ? 'map the header that holds the scores with --map tickets.satisfaction="Header"' : `map the header that holds it with --map tickets.${c}="Header"`;
