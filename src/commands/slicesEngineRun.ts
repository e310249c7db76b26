import type { SliceTable } from '../analysis/sliceTable.js';
import { sliceTableSql } from '../engines/sliceTableSql.js';
import { ticketRowsSql } from '../engines/ticketsSql.js';
import { DataError } from '../errors.js';
import { DEFAULT_INGEST_OPTIONS, type FileQuality } from '../ingest/records.js';
import { SLICE_TABLE_COLUMNS, sliceTableFromRows } from '../ingest/sliceTableRows.js';
import { assertCellsUsable, fileQuality, implausibleTickets, withEmptiedCells } from './engineQuality.js';
import { openTicketsSource } from './engineSource.js';
import { parseMaxUnusable } from './ingestOptions.js';
import type { SlicesFlags } from './slicesFlags.js';

/**
 * `loyalty slices --engine duckdb` and `--source postgres://…`: the slice table (per-slice
 * counts and median waits) is computed by the engine over the tickets file or table; only its
 * few hundred rows come back, and the analysis is the CSV path's own (analyzeSliceTable).
 */
export async function sliceTableOnEngine(ticketsArg: string, flags: SlicesFlags): Promise<{ table: SliceTable; quality: FileQuality }> {
  const maxUnusable = flags.maxUnusable === undefined ? DEFAULT_INGEST_OPTIONS.maxUnusable : parseMaxUnusable(flags.maxUnusable, '--max-unusable');
  const { engine, dialect, source, columns, label } = await openTicketsSource(ticketsArg, flags);
  try {
    const rows = await engine.rows(sliceTableSql(dialect, source));
    if (rows.length === 0) {
      throw new DataError(`${label}: no usable tickets (every row lacks a customer_id or a readable created_at); check the columns, or name them with --column tickets.customer_id=NAME`);
    }
    const table = sliceTableFromRows(
      [...SLICE_TABLE_COLUMNS],
      rows.map((values, i) => ({ values, place: `${label}: row ${i + 1} of the slice query` })),
      label,
    );
    const [counts] = await engine.rows(ticketRowsSql(dialect, source));
    const read = Number(counts!.rows_read);
    const emptied = Number(counts!.scores_emptied);
    assertCellsUsable(label, columns, read, { satisfaction: emptied }, maxUnusable);
    const quality = fileQuality(engine.name, label, columns, read, Number(counts!.rows_used), 0, implausibleTickets(counts!));
    // The reason the CSV reader counts the same cells under (src/ingest/tickets.ts).
    return { table, quality: withEmptiedCells(quality, { 'unrecognised satisfaction score': emptied }) };
  } finally {
    await engine.close();
  }
}
