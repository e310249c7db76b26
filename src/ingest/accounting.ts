import { DataError } from '../errors.js';
import type { SkipTally } from './records.js';

/** One unusable row, for `loyalty validate` and the report's data-quality section. */
export interface Problem {
  line: number;
  reason: string;
  /** Canonical column the problem is in; null for whole-row problems (ragged, summary). */
  column: string | null;
  value: string;
}

const FIRST_LINES = 5;
const KEEP_PROBLEMS = 1000;
/** A required column with more unparseable values than this share is an error, not a warning. */
export const MAX_UNPARSEABLE_SHARE = 0.05;

/**
 * Every data row ends up used or skipped-with-a-reason: rowsRead = rowsUsed + rowsSkipped.
 * With --strict the first skipped row is a DataError naming file:line, the column, the raw
 * value and what to do instead.
 */
export class RowAccounting {
  rowsRead = 0;
  rowsSkipped = 0;
  /** Rows a preset's fold merged into another row (Shopify line items): used, via that row. */
  rowsMerged = 0;
  readonly skipped: Record<string, SkipTally> = {};
  readonly problems: Problem[] = [];
  private readonly failures = new Map<string, { count: number; line: number; value: string }>();

  constructor(
    readonly file: string,
    readonly strict: boolean,
  ) {}

  /**
   * Counts a skipped row. `fix` finishes the --strict message: what the user should do.
   * `column` is the canonical column and `source` its header, when the problem is one value.
   * `byRule` marks rows set aside by a documented rule rather than because they are broken
   * (a repeated order_id counts once, --currency keeps one currency, a "Total" row is not
   * data): counted the same way, but --strict does not fail on them.
   */
  skip(line: number, reason: string, value: string, column: string | null, source: string | null, fix: string, byRule = false): void {
    if (this.strict && !byRule) {
      const where = column === null ? '' : source && source !== column ? ` in ${column} (column "${source}")` : ` in ${column}`;
      throw new DataError(`${this.file}:${line}: ${reason}${where}: "${clip(value)}"; ${fix}, or run without --strict to skip and count such rows.`);
    }
    this.rowsSkipped++;
    const tally = (this.skipped[reason] ??= { count: 0, firstLines: [], examples: [] });
    tally.count++;
    if (tally.firstLines.length < FIRST_LINES) {
      tally.firstLines.push(line);
      tally.examples.push(clip(value));
    }
    if (this.problems.length < KEEP_PROBLEMS) this.problems.push({ line, reason, column, value: clip(value) });
  }

  /**
   * Notes a value in a required column that is present but cannot be read (for the >5% rule),
   * whether or not it was the reason the row was skipped. Empty values are missing, not
   * unparseable: guest checkouts without an e-mail are data, not a broken mapping.
   */
  unparseable(column: string, line: number, value: string): void {
    if (value.trim() === '') return;
    const f = this.failures.get(column);
    if (f) f.count++;
    else this.failures.set(column, { count: 1, line, value: clip(value) });
  }

  /** Throws when a required column is mostly unusable: a wrong mapping or format, not a few bad rows. */
  assertColumnsUsable(sources: Record<string, string>, hint: (column: string) => string): void {
    for (const [column, f] of this.failures) {
      if (this.rowsRead === 0 || f.count / this.rowsRead <= MAX_UNPARSEABLE_SHARE) continue;
      const share = Math.round((f.count / this.rowsRead) * 1000) / 10;
      throw new DataError(
        `${this.file}: ${share}% of rows (${f.count} of ${this.rowsRead}) have an unusable ${column} in column "${sources[column] ?? column}" (first at line ${f.line}: "${f.value}"); ${hint(column)}.`,
      );
    }
  }

  /** Throws for a file with a header and no data rows. */
  assertSomeRows(role: string): void {
    if (this.rowsRead === 0) throw new DataError(`${this.file} has a header row but no data rows; export the ${role} again with data in it.`);
  }

  /** Throws when not one row was usable: the report would be empty for a reason the user must see. */
  assertSomeUsed(used: number): void {
    if (this.rowsRead === 0 || used > 0) return;
    const [reason, tally] = Object.entries(this.skipped).sort((a, b) => b[1].count - a[1].count)[0];
    throw new DataError(
      `${this.file}: none of the ${this.rowsRead} rows is usable; most are "${reason}" (${tally.count} rows, first at line ${tally.firstLines[0]}: "${tally.examples[0]}"); check the column mapping and the file.`,
    );
  }

  /** Problems in file order (row-shape problems are found before value problems of the same batch). */
  sortedProblems(): Problem[] {
    return [...this.problems].sort((a, b) => a.line - b.line);
  }

  get problemsTotal(): number {
    return this.rowsSkipped;
  }
}

/** Very long values (a runaway quoted field) are cut in messages. */
export function clip(value: string): string {
  return value.length > 80 ? `${value.slice(0, 77)}...` : value;
}
