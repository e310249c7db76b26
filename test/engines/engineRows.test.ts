import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openDuckDb } from '../../src/engines/duckdbEngine.js';
import { ENGINES, useEngine } from './engines.js';

// 5,000 rows: more than two of DuckDB's 2,048-row chunks, so the streamed read crosses chunk
// boundaries. Every value is known without the engine: row k has k, its square as exact
// decimal text, and null on every seventh row.
const SQL = `SELECT k, CAST(k * k AS DECIMAL(38, 6)) AS square, CASE WHEN k % 7 = 0 THEN NULL ELSE 'c' || CAST(k AS VARCHAR) END AS label
  FROM (SELECT CAST(n AS INTEGER) AS k FROM generate_series(1, 5000) AS g(n)) AS numbers ORDER BY k`;

for (const [name, open] of ENGINES) {
  describe(`${name}: batches streams a result`, () => {
    const engine = useEngine({ beforeAll, beforeEach, afterAll }, open);

    it('visits every row once, in order, with the values rows() gives', async () => {
      const seen: Record<string, string | null>[] = [];
      const sizes: number[] = [];
      await engine().batches(SQL, (rows) => {
        sizes.push(rows.length);
        seen.push(...rows);
      }, 1000);
      // DuckDB hands over its 2,048-row chunks cut to the batch size; PostgreSQL fetches 1,000 at a time.
      expect(Math.max(...sizes)).toBe(1000);
      expect(sizes.length).toBeGreaterThanOrEqual(5);
      expect(seen).toHaveLength(5000);
      expect(seen[0]).toEqual({ k: '1', square: '1.000000', label: 'c1' });
      expect(seen[6]).toEqual({ k: '7', square: '49.000000', label: null });
      expect(seen[4999]).toEqual({ k: '5000', square: '25000000.000000', label: 'c5000' });
      expect(seen.map((r) => Number(r.k))).toEqual(Array.from({ length: 5000 }, (_, i) => i + 1));
      expect(seen).toEqual(await engine().rows(SQL));
    });

    it('a failing query is the engine\'s one-line error, exit 65', async () => {
      await expect(engine().batches('SELECT no_such_column FROM (SELECT 1 AS k) AS t', () => undefined)).rejects.toMatchObject({ exitCode: 65 });
    });
  });
}

describe('duckdb spills to a directory of its own', () => {
  it('under the system temporary directory, not ./.tmp of the working directory, removed on close', async () => {
    const engine = await openDuckDb({ threads: 1 });
    const [row] = await engine.rows("SELECT current_setting('temp_directory') AS dir");
    const dir = row!.dir!;
    expect(dir.startsWith(tmpdir())).toBe(true);
    expect(dir).toMatch(/loyalty-duckdb-/);
    expect(existsSync(dir)).toBe(true);
    await engine.close();
    expect(existsSync(dir)).toBe(false);
  });
});
