/**
 * A connection to a SQL engine, as the facts stage uses it: run a statement, read its rows
 * with every value as text or null (numbers as their decimal text, so an exact DECIMAL sum
 * reaches JavaScript as the exact digits), close. Drivers are imported only when a connection
 * is opened (duckdbEngine.ts, postgresEngine.ts), so `--help` and the CSV path never load them.
 */
export interface Engine {
  /** 'duckdb' or 'postgres', for messages. */
  readonly name: string;
  run(sql: string): Promise<void>;
  rows(sql: string): Promise<Record<string, string | null>[]>;
  /**
   * Each row of a result in turn, as `rows` would give it, without holding the whole result:
   * a cohort's facts can be millions of rows, and a row as an object of strings is ~10× the
   * size of its typed facts.
   */
  each(sql: string, visit: (row: Record<string, string | null>) => void): Promise<void>;
  /** The column names a query returns (it is run with no rows wanted). */
  columnNames(sql: string): Promise<string[]>;
  close(): Promise<void>;
}
