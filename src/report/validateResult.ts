import type { IngestOptions, LoadedOrders, LoadedTickets, SkipTally } from '../ingest/records.js';
import type { ColumnProfile, Problem } from '../ingest/load.js';
import { PRESETS } from '../ingest/presets/index.js';
import type { Role } from '../ingest/presets/preset.js';
import { EXIT } from '../errors.js';
import { ORDER_COLUMNS } from '../model/orderTable.js';
import { TICKET_COLUMNS } from '../model/ticketRecord.js';

/**
 * What `loyalty validate` found in one file: how it was read (format, encoding, dialect),
 * what each canonical column was understood as, the row accounting, and every problem row.
 * A file that could not be read as data at all carries the error instead.
 */
export interface FileValidation {
  role: Role;
  file: string;
  /** The DataError message when the file is not usable (missing or mostly unusable required column, …). */
  error: string | null;
  /** With --strict: the first row that makes the file fail; null when there is none or without --strict. */
  strictError: string | null;
  format: { name: string; label: string; how: 'detected' | 'asked' | 'canonical' } | null;
  encoding: string | null;
  delimiter: string | null;
  lineEnding: string | null;
  headers: string[];
  rows: { read: number; used: number; skipped: number; merged: number } | null;
  columns: ColumnProfile[];
  /** The orders' currency (ISO code) when the amounts or --currency name one; null otherwise. */
  currency: string | null;
  /** Optional canonical columns the file does not have (map them with --map if it does). */
  notFound: string[];
  skipped: Record<string, SkipTally>;
  /** Unreadable optional cells left empty (their rows kept), by reason. */
  cellsEmptied: Record<string, SkipTally>;
  problems: Problem[];
  decisions: string[];
  warnings: string[];
}

export interface ValidationReport {
  files: FileValidation[];
  strict: boolean;
}

/** A file the core read: everything it reported, in the order validate prints it. */
export function validationOf(role: Role, loaded: LoadedOrders | LoadedTickets, options: IngestOptions, strictError: string | null): FileValidation {
  const q = loaded.quality;
  const requested = (role === 'orders' ? options.ordersFormat : options.ticketsFormat).trim().toLowerCase();
  const preset = PRESETS.find((p) => p.role === role && p.name === q.format);
  const how = preset === undefined ? 'canonical' : requested === 'auto' || requested === '' ? 'detected' : 'asked';
  const all: readonly string[] = role === 'orders' ? ORDER_COLUMNS : TICKET_COLUMNS;
  const present = new Set<string>(loaded.present);
  // Decisions repeat the dialect line ("utf-8, ","-delimited") that validate shows on its own.
  const decisions = q.decisions.filter((d) => /^[a-z_]+: /.test(d));
  return {
    role,
    file: q.file,
    error: null,
    strictError,
    format: { name: q.format, label: preset?.label ?? 'canonical columns', how },
    encoding: loaded.profile?.encoding ?? null,
    delimiter: loaded.profile?.delimiter ?? null,
    lineEnding: loaded.profile?.lineEnding ?? null,
    headers: loaded.profile?.headers ?? [],
    rows: { read: q.rowsRead, used: q.rowsUsed, skipped: q.rowsSkipped, merged: q.rowsUsed - usedRecords(loaded) },
    columns: loaded.profile?.columns ?? [],
    currency: 'currency' in loaded ? (loaded.currency ?? null) : null,
    notFound: all.filter((c) => !present.has(c)),
    skipped: q.skipped,
    cellsEmptied: q.cellsEmptied ?? {},
    problems: loaded.problems ?? [],
    decisions,
    warnings: q.warnings,
  };
}

/** A file the core refused: only the reason is known. */
export function failedValidation(role: Role, file: string, error: string): FileValidation {
  return {
    role,
    file,
    error,
    strictError: null,
    format: null,
    encoding: null,
    delimiter: null,
    lineEnding: null,
    headers: [],
    rows: null,
    columns: [],
    currency: null,
    notFound: [],
    skipped: {},
    cellsEmptied: {},
    problems: [],
    decisions: [],
    warnings: [],
  };
}

/** 0 when every file is usable (and, with --strict, has no broken row); 65 otherwise. */
export function validationExitCode(report: ValidationReport): number {
  const failed = report.files.some((f) => f.error !== null || (report.strict && f.strictError !== null));
  return failed ? EXIT.data : EXIT.ok;
}

/** How many cells of a file were left empty. */
export function cellsEmptiedCount(f: FileValidation): number {
  return Object.values(f.cellsEmptied).reduce((n, t) => n + t.count, 0);
}

/** Rows kept. */
function usedRecords(loaded: LoadedOrders | LoadedTickets): number {
  return loaded.table.length;
}
