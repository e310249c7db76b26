import { DataError } from '../errors.js';
import type { SkipTally } from './records.js';

export type { Problem } from './problem.js';
import type { Problem } from './problem.js';

const FIRST_LINES = 5;
const KEEP_PROBLEMS = 1000;
/**
 * The default of --max-unusable: more rows than this share unusable in one way (ragged rows,
 * unreadable dates or amounts, unreadable cells of one optional column), or in all ways
 * together, is an error, not a warning: a wrong mapping or format, not a few bad rows.
 */
export const MAX_UNPARSEABLE_SHARE = 0.05;

/** Row problems that say a row is broken (not set aside by a rule, not merely empty). */
const BROKEN_SHAPES = ['ragged row', 'malformed quotes'];

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
  /** Unreadable cells of optional columns, left empty (the row is kept), by reason. */
  readonly emptied: Record<string, SkipTally> = {};
  cellsEmptied = 0;
  readonly problems: Problem[] = [];
  private readonly failures = new Map<string, { count: number; line: number; value: string }>();
  /** Lines of rows found unusable (broken shape, unreadable required value): each counted once. */
  private readonly unusableLines = new Set<number>();
  private readonly emptiedColumns = new Map<string, { count: number; line: number; value: string; reason: string; fix: string }>();

  constructor(
    readonly file: string,
    readonly strict: boolean,
    /** --max-unusable: the share of unusable rows (or cells of one column) above which the file is refused. */
    readonly maxUnusable = MAX_UNPARSEABLE_SHARE,
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
    tallyOf(this.skipped, reason, line, value);
    if (BROKEN_SHAPES.includes(reason)) this.unusableLines.add(line);
    if (this.problems.length < KEEP_PROBLEMS) this.problems.push({ line, reason, column, value: clip(value) });
  }

  /**
   * Counts an unreadable cell of an optional column (a score of "😀", a wait of "soon"): the
   * cell is left empty and the row kept, so a bad score never moves its ticket out of the
   * counts. --strict makes it an error, as a skipped row is.
   */
  emptyCell(line: number, reason: string, value: string, column: string, source: string | null, fix: string): void {
    if (this.strict) {
      const where = source && source !== column ? ` in ${column} (column "${source}")` : ` in ${column}`;
      throw new DataError(`${this.file}:${line}: ${reason}${where}: "${clip(value)}"; ${fix}, or run without --strict to leave such cells empty and count them.`);
    }
    this.cellsEmptied++;
    tallyOf(this.emptied, reason, line, value);
    const f = this.emptiedColumns.get(column);
    if (f) f.count++;
    else this.emptiedColumns.set(column, { count: 1, line, value: clip(value), reason, fix });
    if (this.problems.length < KEEP_PROBLEMS) this.problems.push({ line, reason: `${reason} (cell left empty)`, column, value: clip(value) });
  }

  /**
   * Notes a value in a required column that is present but cannot be read (for the >5% rule),
   * whether or not it was the reason the row was skipped. Empty values are missing, not
   * unparseable: guest checkouts without an e-mail are data, not a broken mapping.
   */
  unparseable(column: string, line: number, value: string): void {
    if (value.trim() === '') return;
    this.unusableLines.add(line);
    const f = this.failures.get(column);
    if (f) f.count++;
    else this.failures.set(column, { count: 1, line, value: clip(value) });
  }

  /**
   * Throws when more than --max-unusable of the rows are unusable: in one required column, in
   * their shape (ragged, badly quoted), in one optional column's cells, or in all these ways
   * together. A wrong mapping or format, not a few bad rows.
   */
  assertColumnsUsable(sources: Record<string, string>, hint: (column: string) => string): void {
    const n = this.rowsRead;
    if (n === 0) return;
    const over = (count: number) => count / n > this.maxUnusable;
    const raise = this.maxUnusable < 1 ? `, or raise the limit with --max-unusable (now ${percent(this.maxUnusable)})` : '';
    for (const [column, f] of this.failures) {
      if (!over(f.count)) continue;
      throw new DataError(
        `${this.file}: ${percent(f.count / n)} of rows (${f.count} of ${n}) have an unusable ${column} in column "${sources[column] ?? column}" (first at line ${f.line}: "${f.value}"); ${hint(column)}${raise}.`,
      );
    }
    const shapes = BROKEN_SHAPES.map((reason) => [reason, this.skipped[reason]] as const).filter(([, t]) => t !== undefined);
    const broken = shapes.reduce((sum, [, t]) => sum + t!.count, 0);
    if (over(broken)) {
      const first = shapes.map(([reason, t]) => `${t!.count} ${reason === 'ragged row' ? 'ragged' : 'badly quoted'} (first at line ${t!.firstLines[0]}: "${t!.examples[0]}")`).join(', ');
      throw new DataError(`${this.file}: ${percent(broken / n)} of rows (${broken} of ${n}) cannot be split into the header's columns: ${first}; check the delimiter and quoting, or export the file again${raise}.`);
    }
    for (const [column, f] of this.emptiedColumns) {
      if (!over(f.count)) continue;
      throw new DataError(
        `${this.file}: ${percent(f.count / n)} of rows (${f.count} of ${n}) have an unreadable ${column} in column "${sources[column] ?? column}" (first at line ${f.line}: "${f.value}"); ${cellHint(column, this.emptied[f.reason], f.fix)}${raise}.`,
      );
    }
    if (over(this.unusableLines.size)) {
      const kinds = [...shapes.map(([reason, t]) => `${t!.count} ${reason}`), ...[...this.failures].map(([column, f]) => `${f.count} unusable ${column}`)];
      throw new DataError(
        `${this.file}: ${percent(this.unusableLines.size / n)} of rows (${this.unusableLines.size} of ${n}) are unusable (${kinds.join(', ')}); fix the file or its mapping${raise}.`,
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

function tallyOf(tallies: Record<string, SkipTally>, reason: string, line: number, value: string): void {
  const tally = (tallies[reason] ??= { count: 0, firstLines: [], examples: [] });
  tally.count++;
  if (tally.firstLines.length < FIRST_LINES) {
    tally.firstLines.push(line);
    tally.examples.push(clip(value));
  }
}

/** 0.3 → "30%", 0.0512 → "5.1%". */
export function percent(share: number): string {
  return `${Math.round(share * 1000) / 10}%`;
}

/** What to do about an optional column's unreadable cells; a 0–10 scale is named as such. */
function cellHint(column: string, tally: SkipTally | undefined, fix: string): string {
  const examples = tally?.examples ?? [];
  if (column === 'satisfaction' && examples.length > 0 && examples.every((v) => /^\s*(\d|10)(\.0+)?\s*$/.test(v))) {
    return 'the scores look like a 0–10 scale, and loyalty reads 1–5 scores (or good/bad): convert them to 1–5 before the run';
  }
  return fix;
}

/** Very long values (a runaway quoted field) are cut in messages. */
export function clip(value: string): string {
  return value.length > 80 ? `${value.slice(0, 77)}...` : value;
}
