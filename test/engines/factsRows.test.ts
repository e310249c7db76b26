import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseCohortWindow } from '../../src/analysis/windows.js';
import { DIALECTS, type DialectName } from '../../src/engines/dialects.js';
import type { Engine } from '../../src/engines/engine.js';
import { readEngineFactsTable } from '../../src/engines/factsRows.js';
import { factsSource } from '../../src/engines/factsSource.js';
import { factsSql, factsWindows } from '../../src/engines/factsSql.js';
import { describeTarget } from '../../src/engines/postgresEngine.js';
import { EXIT, UserError } from '../../src/errors.js';
import type { CustomerFactsTable } from '../../src/model/customerFacts.js';
import { writeEdgeCases } from './edgeCases.js';
import { ENGINES, POSTGRES_URL, useEngine } from './engines.js';
import { rawCsvTable, stage } from './stage.js';

const windows = factsWindows(parseCohortWindow('2014-01'), { count: 3, unit: 'm' }, { count: 14, unit: 'd' });

/** The engine with its batches counted. */
function counting(engine: Engine): { engine: Engine; batches: number[] } {
  const batches: number[] = [];
  return {
    batches,
    engine: { ...engine, batches: (sql, onBatch, size) => engine.batches(sql, (rows) => (batches.push(rows.length), onBatch(rows)), size) },
  };
}

describe.each(ENGINES)('the facts rows read in batches on %s', (_name, open) => {
  const engineOf = useEngine({ beforeAll, beforeEach, afterAll }, open, async (e) => {
    const files = writeEdgeCases(mkdtempSync(join(tmpdir(), 'loyalty-batches-')), 4);
    await stage(e, 'batch_orders', rawCsvTable(files.orders, 'orders'));
    await stage(e, 'batch_tickets', rawCsvTable(files.tickets, 'tickets'));
  });
  const sql = () =>
    factsSql(DIALECTS[engineOf().name as DialectName], factsSource({ orders: 'batch_orders', tickets: 'batch_tickets' }, { 'orders.row_order': 'line' }, []), windows);

  it('are the rows of the query read at once, fetched in several batches of at most the size asked', async () => {
    const rows = (await engineOf().rows(sql())).length;
    expect(rows).toBeGreaterThan(100);
    const { engine, batches } = counting(engineOf());
    const batched = (await readEngineFactsTable(engine, sql(), 'facts', 37))!;
    expect(batched.count).toBe(rows);
    expect(batches.length).toBe(Math.ceil(rows / 37));
    expect(batches.every((n) => n <= 37)).toBe(true);
    expect(batches.reduce((a, b) => a + b, 0)).toBe(rows);
    // The connection is usable after the cursor: the same table again, in one batch.
    expect(withIds((await readEngineFactsTable(engineOf(), sql(), 'facts', 100_000))!)).toEqual(withIds(batched));
  });

  it('fail as one line naming the engine and the missing column (65), the connection still usable', async () => {
    const bad = sql().replace('FROM batch_orders', 'FROM (SELECT line, customer_id, order_date AS order_day_missing, amount, order_id, status FROM batch_orders) o');
    const error = await readEngineFactsTable(engineOf(), bad, 'facts', 10).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).exitCode).toBe(EXIT.data);
    expect((error as Error).message).toMatch(new RegExp(`^${engineOf().name}: .*order_date`));
    expect((error as Error).message).not.toContain('\n');
    if (engineOf().name === 'postgres') {
      expect((error as Error).message).toContain(` at ${describeTarget(POSTGRES_URL)}`);
      expect((error as Error).message).not.toContain(`:${new URL(POSTGRES_URL).password}@`);
    }
    expect((await readEngineFactsTable(engineOf(), sql(), 'facts', 50))!.count).toBeGreaterThan(100);
  });
});

/** The table with its customer ids as an array, to compare (customerId is a function). */
function withIds(f: CustomerFactsTable) {
  return { ...f, customerId: Array.from({ length: f.count }, (_, m) => f.customerId(m)) };
}
