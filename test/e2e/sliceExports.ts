import { join } from 'node:path';
import { expect } from 'vitest';
import { openDuckDb } from '../../src/engines/duckdbEngine.js';
import { runCli } from './cli.js';

/**
 * The slice table exported as a user would: the tickets loaded into DuckDB (dates as
 * TIMESTAMP), the query `loyalty sql --dialect duckdb --query slices` prints run on them, and
 * its result copied to CSV and Parquet.
 */
export async function exportedSliceTables(csv: string, dir: string): Promise<{ csv: string; parquet: string }> {
  const engine = await openDuckDb({ threads: 1 });
  const out = { csv: join(dir, 'slices.csv'), parquet: join(dir, 'slices.parquet') };
  try {
    const columns = (await engine.columnNames(`SELECT * FROM read_csv('${csv}', all_varchar = true)`)).map((c) => c.trim().toLowerCase());
    const dates = ['created_at', 'first_response_at'].filter((c) => columns.includes(c));
    const replace = dates.map((c) => `TRY_CAST(LEFT(TRIM(${c}), 19) AS TIMESTAMP) AS ${c}`).join(', ');
    await engine.run(`CREATE TABLE tickets AS SELECT * REPLACE (${replace}) FROM read_csv('${csv}', all_varchar = true)`);
    const optional = ['order_id', 'status', 'resolved', 'satisfaction', 'reason', 'channel', 'agent', 'wait_seconds', 'first_response_at', 'transfers', 'reopens', 'contacts', 'first_contact_resolved'];
    const absent = optional.filter((c) => !columns.includes(c)).map((c) => `tickets.${c}`);
    const sql = await runCli(['sql', '--dialect', 'duckdb', '--query', 'slices', ...(absent.length > 0 ? ['--absent', absent.join(',')] : [])]);
    expect(sql.code).toBe(0);
    await engine.run(`COPY (${sql.out}) TO '${out.csv}' (HEADER)`);
    await engine.run(`COPY (${sql.out}) TO '${out.parquet}' (FORMAT parquet)`);
  } finally {
    await engine.close();
  }
  return out;
}
