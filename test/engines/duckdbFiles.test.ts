import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseCohortWindow } from '../../src/analysis/windows.js';
import { DIALECTS } from '../../src/engines/dialects.js';
import { openDuckDb } from '../../src/engines/duckdbEngine.js';
import { duckdbFileViews } from '../../src/engines/duckdbFiles.js';
import { factsRows } from './factsRows.js';
import { factsSql, factsWindows } from '../../src/engines/factsSql.js';
import { useEngine } from './engines.js';

const windows = factsWindows(parseCohortWindow('2014-01'), { count: 3, unit: 'm' }, { count: 14, unit: 'd' });

function files(orders: string[]): { orders: string; tickets: string } {
  const dir = mkdtempSync(join(tmpdir(), 'loyalty-duckdb-files-'));
  writeFileSync(join(dir, 'orders.csv'), orders.join('\n') + '\n');
  writeFileSync(join(dir, 'tickets.csv'), 'customer_id,created_at\nZ,2014-01-01\n');
  return { orders: join(dir, 'orders.csv'), tickets: join(dir, 'tickets.csv') };
}

describe('CSV files read into DuckDB tables', () => {
  const engineOf = useEngine({ beforeAll, beforeEach, afterAll }, () => openDuckDb({ threads: 2 }));
  const spend = async (paths: { orders: string; tickets: string }, columnMap: Record<string, string> = {}) => {
    const views = await duckdbFileViews(engineOf(), paths, columnMap);
    const rows = factsRows(await engineOf().rows(factsSql(DIALECTS.duckdb, views.source, windows)), 'duckdb');
    return rows.map((r) => [r.customerId, r.cohortSpend]);
  };

  it('keeps the first of repeated order ids in file order when a column read is named rowid', async () => {
    // By date, or by the rowid column's text, B's copy of O1 would win; the file lists A's first.
    const paths = files(['order_id,customer_id,order_date,amount,rowid', 'O1,A,2014-01-10,10,z', 'O1,B,2014-01-05,20,a', 'O2,B,2014-01-20,5,a']);
    expect(await spend(paths, { 'orders.status': 'rowid' })).toEqual([
      ['A', 10],
      ['B', 5],
    ]);
  });

  it('reads amounts of 13 and more integer digits exactly, and rounds every amount to 6 places alike', async () => {
    const amounts = ['1234567890123.4567895', '0.0000005', '999999999999.9999994', '999999999999.9999996', '-0.0000015', ' 12.5 ', '1e3'];
    const paths = files(['order_id,customer_id,order_date,amount', ...amounts.map((a, i) => `O${i},A,2014-01-10,${a}`)]);
    const views = await duckdbFileViews(engineOf(), paths, {});
    const rows = await engineOf().rows(`SELECT CAST(amount AS VARCHAR) AS amount FROM ${views.source.orders.table} ORDER BY rowid`);
    // Half away from zero at the 7th decimal, as DECIMAL(38, 6) alone rounds; 999999999999.9999996
    // rounds past DECIMAL(18, 6) and is read by the wide type.
    expect(rows.map((r) => r.amount)).toEqual([
      '1234567890123.456790', '0.000001', '999999999999.999999', '1000000000000.000000', '-0.000002', '12.500000', '1000.000000',
    ]);
  });
});
