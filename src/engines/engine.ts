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
   * A query's rows in batches of at most `batchSize`, each handed to `onBatch` before the next
   * is fetched, so a large result is never held by the driver at once (PostgreSQL: a cursor;
   * DuckDB: its result chunks).
   */
  batches(sql: string, onBatch: (rows: Record<string, string | null>[]) => void, batchSize?: number): Promise<void>;
  /** The column names a query returns (it is run with no rows wanted). */
  columnNames(sql: string): Promise<string[]>;
  close(): Promise<void>;
}
