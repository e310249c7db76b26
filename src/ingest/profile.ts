/**
 * What `loyalty validate` shows per canonical column: where it came from, how it was read,
 * how often it is empty, its range and a few examples.
 */
export interface ColumnProfile {
  column: string;
  /** Source header. */
  source: string;
  type: 'id' | 'text' | 'date' | 'amount' | 'score' | 'boolean' | 'count' | 'seconds';
  /** How the values were read ("ISO 8601", "decimal comma, USD", "1–5 scale"); null for plain text. */
  format: string | null;
  /** Rows that reached value parsing (after ragged and summary rows were set aside). */
  rows: number;
  empty: number;
  /** empty ÷ rows, 0 when there are no rows. */
  nullShare: number;
  /** Smallest and largest usable value, as text (ISO dates, plain numbers); null for text columns. */
  min: string | null;
  max: string | null;
  /** Up to three distinct non-empty raw values, in order of appearance. */
  examples: string[];
}

export interface FileProfile {
  encoding: string;
  delimiter: string;
  lineEnding: string;
  headers: string[];
  columns: ColumnProfile[];
}

const EXAMPLES = 3;

/** Collects raw-value statistics per column while rows stream past. */
export class ColumnObserver {
  private readonly stats = new Map<string, { rows: number; empty: number; examples: string[] }>();

  observe(column: string, raw: string | undefined): void {
    let s = this.stats.get(column);
    if (!s) this.stats.set(column, (s = { rows: 0, empty: 0, examples: [] }));
    s.rows++;
    const value = raw === undefined ? '' : raw.trim();
    if (value === '') s.empty++;
    else if (s.examples.length < EXAMPLES && !s.examples.includes(value)) s.examples.push(value.length > 40 ? `${value.slice(0, 37)}...` : value);
  }

  /**
   * Counts a non-empty value that observe() would only count: one already among the examples,
   * or any value once the examples are complete (see `complete`). Lets the byte reader skip
   * making a string per cell.
   */
  seen(column: string, count = 1): void {
    this.stats.get(column)!.rows += count;
  }

  /** Counts `count` empty values, as that many observe(column, '') calls would. */
  empties(column: string, count: number): void {
    let s = this.stats.get(column);
    if (!s) this.stats.set(column, (s = { rows: 0, empty: 0, examples: [] }));
    s.rows += count;
    s.empty += count;
  }

  /** Whether observe() of a non-empty value can do nothing but count it. */
  complete(column: string): boolean {
    const s = this.stats.get(column);
    return s !== undefined && s.examples.length >= EXAMPLES;
  }

  profile(
    column: string,
    source: string,
    type: ColumnProfile['type'],
    format: string | null,
    range: [string, string] | null = null,
  ): ColumnProfile {
    const s = this.stats.get(column) ?? { rows: 0, empty: 0, examples: [] };
    return {
      column,
      source,
      type,
      format,
      rows: s.rows,
      empty: s.empty,
      nullShare: s.rows === 0 ? 0 : s.empty / s.rows,
      min: range ? range[0] : null,
      max: range ? range[1] : null,
      examples: s.examples,
    };
  }
}

/** Smallest and largest of a numeric stream, or null when nothing was seen. */
export class Range {
  min = Infinity;
  max = -Infinity;
  add(x: number): void {
    if (x < this.min) this.min = x;
    if (x > this.max) this.max = x;
  }
  as(format: (x: number) => string): [string, string] | null {
    return this.min === Infinity ? null : [format(this.min), format(this.max)];
  }
}

/** Wall-clock ms → "2014-01-31", or "2014-01-31 09:30:00" when it has a time of day. */
export function isoWall(ms: number): string {
  const iso = new Date(ms).toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}
