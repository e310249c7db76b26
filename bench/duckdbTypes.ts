/**
 * The slice of @duckdb/node-api the benchmark calls. DuckDB is installed outside the
 * repository (see duckdb.ts), so its own type declarations are not available to tsc.
 */
export declare const DuckDBInstance: {
  create(path: string, options?: Record<string, string>): Promise<{
    connect(): Promise<{
      runAndReadAll(sql: string): Promise<{ getRowObjectsJson(): Record<string, unknown>[] }>;
    }>;
  }>;
};
