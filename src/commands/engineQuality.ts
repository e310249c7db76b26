import { percent } from '../ingest/accounting.js';
import type { FileQuality } from '../ingest/records.js';
import { DataError } from '../errors.js';

/**
 * The data-quality block of a file or table read by an engine: rows read and used, and the
 * rows set aside by count (without line numbers: an engine keeps none).
 */
export function fileQuality(
  engine: string,
  file: string,
  columns: Record<string, string>,
  read: number,
  used: number,
  duplicates: number,
  implausible: { column: string; before: number; after: number } = { column: 'order_date', before: 0, after: 0 },
): FileQuality {
  const skipped: FileQuality['skipped'] = {};
  if (duplicates > 0) skipped['duplicate order_id'] = { count: duplicates, firstLines: [], examples: [] };
  // The reasons the CSV path counts implausible dates under (src/ingest/orders.ts, tickets.ts).
  if (implausible.before > 0) skipped[`implausible ${implausible.column} (before 1970)`] = { count: implausible.before, firstLines: [], examples: [] };
  if (implausible.after > 0) skipped[`implausible ${implausible.column} (more than a year after the run date)`] = { count: implausible.after, firstLines: [], examples: [] };
  const unusable = read - used - duplicates - implausible.before - implausible.after;
  if (unusable > 0) skipped['missing or unreadable customer_id, date or amount'] = { count: unusable, firstLines: [], examples: [] };
  return {
    file,
    format: engine,
    columns,
    rowsRead: read,
    rowsUsed: used,
    rowsSkipped: read - used,
    skipped,
    ...(duplicates > 0 || 'amount' in columns ? { duplicateOrderIds: duplicates } : {}),
    decisions: [engine === 'duckdb' ? 'read by DuckDB: ISO 8601 dates as written (offsets kept, not converted), plain decimal amounts' : 'read by PostgreSQL: dates and amounts as the table types them'],
    warnings: [],
  };
}

/**
 * Unreadable cells the engine left empty (NULL) in rows it kept, counted by reason as the CSV
 * path counts them (cellsEmptied and one warning), without line numbers: an engine keeps none.
 */
export function withEmptiedCells(quality: FileQuality, counts: Record<string, number>): FileQuality {
  // By reason, in the CSV path's order.
  const found = Object.entries(counts)
    .filter(([, n]) => n > 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (found.length === 0) return quality;
  const total = found.reduce((sum, [, n]) => sum + n, 0);
  return {
    ...quality,
    cellsEmptied: Object.fromEntries(found.map(([reason, count]) => [reason, { count, firstLines: [], examples: [] }])),
    warnings: [...quality.warnings, `${total} unreadable cell(s) left empty, their rows kept: ${found.map(([reason, n]) => `${n} ${reason}`).join('; ')}`],
  };
}

const CELL_FIX: Record<string, string> = {
  satisfaction: 'use 1–5, good/bad or satisfied/unsatisfied (empty, offered or unoffered mean not rated)',
  resolved: 'use true/false, yes/no or 1/0',
};

/**
 * The CSV path's limit on one optional column's unreadable cells (--max-unusable, 5% of the
 * rows read by default): above it the table is refused (65), as the file would be.
 */
export function assertCellsUsable(label: string, columns: Record<string, string>, read: number, emptied: Record<string, number>, limit: number): void {
  if (read === 0) return;
  for (const [column, count] of Object.entries(emptied)) {
    if (count / read <= limit) continue;
    const raise = limit < 1 ? `, or raise the limit with --max-unusable (now ${percent(limit)})` : '';
    throw new DataError(`${label}: ${percent(count / read)} of rows (${count} of ${read}) have an unreadable ${column} in column "${columns[column] ?? column}"; ${CELL_FIX[column]}${raise}.`);
  }
}

/** The tickets set aside for a created_at before 1970 or more than a year after the run, as the CSV path counts them. */
export function implausibleTickets(counts: Record<string, string | null>): { column: string; before: number; after: number } {
  return { column: 'created_at', before: Number(counts.implausible_before), after: Number(counts.implausible_after) };
}
