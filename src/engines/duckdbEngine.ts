import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXIT, UserError } from '../errors.js';
import type { Engine } from './engine.js';

/** The DuckDB package, an optional dependency: present wherever npm could install its binding. */
export const DUCKDB_PACKAGE = '@duckdb/node-api';

/**
 * An in-memory DuckDB (embedded, no server), loaded on first use. `memoryLimit` (e.g. '4GB')
 * caps its memory; beyond it DuckDB spills to a temporary directory.
 */
export async function openDuckDb(options: { memoryLimit?: string; threads?: number } = {}): Promise<Engine> {
  let duckdb: typeof import('@duckdb/node-api');
  try {
    duckdb = await import(DUCKDB_PACKAGE);
  } catch (e) {
    throw new UserError(
      `duckdb: the optional package ${DUCKDB_PACKAGE} is not installed or has no binding for this platform (${(e as Error).message.split('\n')[0]}); install it with npm install ${DUCKDB_PACKAGE}`,
      EXIT.noInput,
    );
  }
  // DuckDB spills to ./.tmp of the working directory by default: files loyalty did not say it
  // would write, left in the user's folder. A directory of our own under the system's
  // temporary directory instead, removed on close.
  const spill = await mkdtemp(join(tmpdir(), 'loyalty-duckdb-'));
  const config: Record<string, string> = { temp_directory: spill };
  if (options.memoryLimit !== undefined) config.memory_limit = options.memoryLimit;
  if (options.threads !== undefined) config.threads = String(options.threads);
  let instance;
  try {
    instance = await duckdb.DuckDBInstance.create(':memory:', config);
  } catch (e) {
    await rm(spill, { recursive: true, force: true });
    throw duckdbError(e);
  }
  const connection = await instance.connect();
  return {
    name: 'duckdb',
    run: async (sql) => {
      try {
        await connection.run(sql);
      } catch (e) {
        throw duckdbError(e);
      }
    },
    rows: async (sql) => {
      try {
        const reader = await connection.runAndReadAll(sql);
        const names = reader.columnNames();
        return reader.getRows().map((row) => textRow(names, row));
      } catch (e) {
        throw duckdbError(e);
      }
    },
    batches: async (sql, onBatch, batchSize = 2048) => {
      try {
        const result = await connection.stream(sql);
        const names = result.columnNames();
        for (let chunk = await result.fetchChunk(); chunk !== null && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
          const rows = chunk.getRows().map((row) => textRow(names, row));
          for (let i = 0; i < rows.length; i += batchSize) onBatch(rows.slice(i, i + batchSize));
        }
      } catch (e) {
        throw e instanceof UserError ? e : duckdbError(e);
      }
    },
    columnNames: async (sql) => {
      try {
        const reader = await connection.runAndReadAll(`DESCRIBE ${sql}`);
        return reader.getRowObjectsJson().map((r) => String(r.column_name));
      } catch (e) {
        throw duckdbError(e);
      }
    },
    close: async () => {
      connection.closeSync();
      instance.closeSync();
      await rm(spill, { recursive: true, force: true });
    },
  };
}

/** A row of DuckDB values as text by column name (numbers as their decimal text). */
function textRow(names: readonly string[], row: readonly unknown[]): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  row.forEach((value, i) => {
    out[names[i]!] = value === null ? null : String(value);
  });
  return out;
}

/** DuckDB's error as one line: a missing file or table is 66/65, anything else about the data 65. */
export function duckdbError(e: unknown): UserError {
  const message = ((e as Error).message ?? String(e)).split('\n')[0]!;
  if (/No files found|Cannot open file|IO Error/i.test(message)) return new UserError(`duckdb: ${message}`, EXIT.noInput);
  return new UserError(`duckdb: ${message}`, EXIT.data);
}
