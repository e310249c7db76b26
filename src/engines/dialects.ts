/**
 * The few things SQL engines spell differently, and nothing else: the facts query
 * (factsSql.ts) is written once against this interface. Everything not listed here is written
 * in the SQL every one of these engines accepts (CTEs, CASE, SUM/MIN/COUNT, ROW_NUMBER() OVER,
 * DATE 'YYYY-MM-DD', CAST(x AS DATE), LIKE, LOWER, IN).
 */
export const DIALECT_NAMES = ['duckdb', 'postgres', 'bigquery', 'snowflake', 'spark', 'trino'] as const;
export type DialectName = (typeof DIALECT_NAMES)[number];

export interface Dialect {
  name: DialectName;
  /** An identifier as the engine reads it (quoted when it needs to be). */
  identifier(name: string): string;
  /** `expr` as text (a BOOLEAN or number column becomes 'true', '4' …). */
  text(expr: string): string;
  /** The characters of TRIMMED_CODE_POINTS as one string expression. */
  trimmedCharacters: string;
  /** `expr` without the characters of the string expression `chars` at both ends. */
  trim(expr: string, chars: string): string;
  /** Whether `expr` matches the regular expression `pattern` as a whole (anchors implied). */
  fullMatch(expr: string, pattern: string): string;
  /** Whole days from `from` to `to` (both DATE): to − from. */
  daysBetween(from: string, to: string): string;
  /**
   * `expr` as an exact decimal with 6 places, the type amounts are summed in: the millionths
   * of SPEND_SCALE in src/facts, so the sums equal the in-process ones to the bit.
   */
  exact(expr: string): string;
  /** Hour of day 0–23 of a timestamp. */
  hour(expr: string): string;
  /** ISO weekday 1 (Monday) … 7 (Sunday) of a timestamp. */
  isoWeekday(expr: string): string;
  /** `expr` as an IEEE double (numeric text is read to the nearest double, as JavaScript's Number does). */
  float(expr: string): string;
  /** Seconds from timestamp `from` to `to`, as a double: whole milliseconds ÷ 1000, as the CSV path computes a wait. */
  secondsBetween(from: string, to: string): string;
}

/**
 * The code points String.prototype.trim removes (ECMAScript WhiteSpace and LineTerminator):
 * tab, LF, VT, FF, CR, space, NBSP, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F,
 * U+3000, U+FEFF. The in-process readers trim ids and labels with it, so the SQL must too.
 */
export const TRIMMED_CODE_POINTS: readonly number[] = [
  9, 10, 11, 12, 13, 32, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009,
  0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff,
];

/** Words that would be read as SQL keywords, so a column or table named so is quoted. */
const RESERVED = new Set([
  'all', 'and', 'as', 'by', 'case', 'cast', 'date', 'default', 'end', 'from', 'group', 'having', 'in', 'interval', 'is',
  'join', 'limit', 'not', 'null', 'on', 'or', 'order', 'select', 'table', 'time', 'timestamp', 'to', 'user', 'when',
  'where', 'with', 'window', 'rows', 'range', 'union', 'values', 'left', 'right', 'full', 'cross', 'inner', 'outer',
]);

const PLAIN = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Quotes a name only when it needs it (not a plain lower/upper-case word, or a keyword), so
 * names that engines fold (Snowflake to upper, PostgreSQL to lower case) keep working as the
 * user typed them.
 */
function quoter(open: string, close: string): (name: string) => string {
  return (name) => (PLAIN.test(name) && !RESERVED.has(name.toLowerCase()) ? name : `${open}${name.replaceAll(close, close + close)}${close}`);
}

const doubleQuoted = quoter('"', '"');
const backQuoted = quoter('`', '`');

const chrList = (chr: string) => TRIMMED_CODE_POINTS.map((c) => `${chr}(${c})`).join(' || ');

/** Spark's chr() wraps at 256, so its set is a string literal with \u escapes instead. */
const sparkTrimmed = `'${TRIMMED_CODE_POINTS.map((c) => `\\u${c.toString(16).padStart(4, '0')}`).join('')}'`;

export const DIALECTS: Record<DialectName, Dialect> = {
  duckdb: {
    name: 'duckdb',
    identifier: doubleQuoted,
    text: (e) => `CAST(${e} AS VARCHAR)`,
    trimmedCharacters: chrList('CHR'),
    // TRIM with a set of characters costs ~1 µs a call in DuckDB (3.3 s for three columns of
    // 1M orders); a value whose first and last code points lie in U+0021–U+009F, none of them
    // in the set, is returned as is after a regular-expression check (~0.2 s for the same).
    trim: (e, c) => `CASE WHEN REGEXP_FULL_MATCH(${e}, '(?s)[!-\\x{9f}](.*[!-\\x{9f}])?') THEN ${e} ELSE TRIM(${e}, ${c}) END`,
    fullMatch: (e, p) => `REGEXP_FULL_MATCH(${e}, '${p}')`,
    daysBetween: (from, to) => `DATE_DIFF('day', ${from}, ${to})`,
    exact: (e) => `CAST(${e} AS DECIMAL(38, 6))`,
    hour: (e) => `EXTRACT(HOUR FROM ${e})`,
    isoWeekday: (e) => `ISODOW(${e})`,
    float: (e) => `CAST(${e} AS DOUBLE)`,
    secondsBetween: (from, to) => `CAST(DATE_DIFF('millisecond', ${from}, ${to}) AS DOUBLE) / 1000`,
  },
  postgres: {
    name: 'postgres',
    identifier: doubleQuoted,
    text: (e) => `CAST(${e} AS TEXT)`,
    trimmedCharacters: chrList('CHR'),
    trim: (e, c) => `BTRIM(${e}, ${c})`,
    fullMatch: (e, p) => `(${e} ~ '^(${p})$')`,
    daysBetween: (from, to) => `(${to} - ${from})`,
    exact: (e) => `CAST(${e} AS NUMERIC(38, 6))`,
    hour: (e) => `CAST(EXTRACT(HOUR FROM ${e}) AS INTEGER)`,
    isoWeekday: (e) => `CAST(EXTRACT(ISODOW FROM ${e}) AS INTEGER)`,
    float: (e) => `CAST(${e} AS DOUBLE PRECISION)`,
    secondsBetween: (from, to) => `CAST(ROUND(EXTRACT(EPOCH FROM (${to} - ${from})) * 1000) AS DOUBLE PRECISION) / 1000`,
  },
  bigquery: {
    name: 'bigquery',
    identifier: backQuoted,
    text: (e) => `CAST(${e} AS STRING)`,
    trimmedCharacters: `CODE_POINTS_TO_STRING([${TRIMMED_CODE_POINTS.join(', ')}])`,
    trim: (e, c) => `TRIM(${e}, ${c})`,
    fullMatch: (e, p) => `REGEXP_CONTAINS(${e}, '^(${p})$')`,
    daysBetween: (from, to) => `DATE_DIFF(${to}, ${from}, DAY)`,
    // NUMERIC has 9 decimals; ROUND to 6 keeps the sums those of SPEND_SCALE.
    exact: (e) => `ROUND(CAST(${e} AS NUMERIC), 6)`,
    hour: (e) => `EXTRACT(HOUR FROM ${e})`,
    // DAYOFWEEK is 1 = Sunday … 7 = Saturday.
    isoWeekday: (e) => `MOD(EXTRACT(DAYOFWEEK FROM ${e}) + 5, 7) + 1`,
    float: (e) => `CAST(${e} AS FLOAT64)`,
    secondsBetween: (from, to) => `CAST(TIMESTAMP_DIFF(${to}, ${from}, MILLISECOND) AS FLOAT64) / 1000`,
  },
  snowflake: {
    name: 'snowflake',
    identifier: doubleQuoted,
    text: (e) => `CAST(${e} AS VARCHAR)`,
    trimmedCharacters: chrList('CHR'),
    trim: (e, c) => `TRIM(${e}, ${c})`,
    // REGEXP_LIKE matches the whole string.
    fullMatch: (e, p) => `REGEXP_LIKE(${e}, '${p}')`,
    daysBetween: (from, to) => `DATEDIFF(day, ${from}, ${to})`,
    exact: (e) => `CAST(${e} AS NUMBER(38, 6))`,
    hour: (e) => `EXTRACT(HOUR FROM ${e})`,
    isoWeekday: (e) => `DAYOFWEEKISO(${e})`,
    float: (e) => `CAST(${e} AS DOUBLE)`,
    secondsBetween: (from, to) => `CAST(DATEDIFF(millisecond, ${from}, ${to}) AS DOUBLE) / 1000`,
  },
  spark: {
    name: 'spark',
    identifier: backQuoted,
    text: (e) => `CAST(${e} AS STRING)`,
    trimmedCharacters: sparkTrimmed,
    trim: (e, c) => `TRIM(BOTH ${c} FROM ${e})`,
    fullMatch: (e, p) => `(${e} RLIKE '^(${p})$')`,
    daysBetween: (from, to) => `DATEDIFF(${to}, ${from})`,
    exact: (e) => `CAST(${e} AS DECIMAL(38, 6))`,
    hour: (e) => `HOUR(${e})`,
    // WEEKDAY is 0 = Monday … 6 = Sunday.
    isoWeekday: (e) => `(WEEKDAY(${e}) + 1)`,
    float: (e) => `CAST(${e} AS DOUBLE)`,
    secondsBetween: (from, to) => `CAST(UNIX_MILLIS(${to}) - UNIX_MILLIS(${from}) AS DOUBLE) / 1000`,
  },
  trino: {
    name: 'trino',
    identifier: doubleQuoted,
    text: (e) => `CAST(${e} AS VARCHAR)`,
    trimmedCharacters: chrList('CHR'),
    trim: (e, c) => `TRIM(BOTH ${c} FROM ${e})`,
    fullMatch: (e, p) => `REGEXP_LIKE(${e}, '^(${p})$')`,
    daysBetween: (from, to) => `DATE_DIFF('day', ${from}, ${to})`,
    exact: (e) => `CAST(${e} AS DECIMAL(38, 6))`,
    hour: (e) => `HOUR(${e})`,
    isoWeekday: (e) => `DAY_OF_WEEK(${e})`,
    float: (e) => `CAST(${e} AS DOUBLE)`,
    secondsBetween: (from, to) => `CAST(DATE_DIFF('millisecond', ${from}, ${to}) AS DOUBLE) / 1000`,
  },
};

/** A table name as given, `schema.table` or `project.dataset.table`: each part quoted as needed. */
export function tableName(dialect: Dialect, name: string): string {
  // BigQuery names a whole path in one pair of backticks (project ids carry hyphens).
  if (dialect.name === 'bigquery' && !/^[A-Za-z_][A-Za-z0-9_.]*$/.test(name)) return `\`${name.replaceAll('`', '')}\``;
  return name
    .split('.')
    .map((part) => dialect.identifier(part))
    .join('.');
}
