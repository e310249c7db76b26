import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDuckDb } from '../../src/engines/duckdbEngine.js';
import { writeEdgeCases } from '../engines/edgeCases.js';
import { engineComputed } from '../engines/equivalence.js';
import { runCli } from './cli.js';
import { cohortDocument } from './cohortDocument.js';


/** Parquet copies of CSV files, written by DuckDB; `parts` splits the orders into files read by a glob. */
async function toParquet(dir: string, files: { orders: string; tickets: string }): Promise<{ orders: string; tickets: string; glob: string }> {
  const engine = await openDuckDb({ threads: 1 });
  const q = (p: string) => `'${p.replaceAll("'", "''")}'`;
  mkdirSync(join(dir, 'parts'));
  try {
    await engine.run(`CREATE TABLE o AS SELECT ROW_NUMBER() OVER () AS n, * FROM read_csv(${q(files.orders)}, all_varchar = true)`);
    await engine.run(`COPY (SELECT * EXCLUDE (n) FROM o ORDER BY n) TO ${q(join(dir, 'orders.parquet'))} (FORMAT parquet)`);
    const half = Number((await engine.rows('SELECT COUNT(*) / 2 AS h FROM o'))[0]!.h);
    await engine.run(`COPY (SELECT * EXCLUDE (n) FROM o WHERE n <= ${half} ORDER BY n) TO ${q(join(dir, 'parts', 'orders-1.parquet'))} (FORMAT parquet)`);
    await engine.run(`COPY (SELECT * EXCLUDE (n) FROM o WHERE n > ${half} ORDER BY n) TO ${q(join(dir, 'parts', 'orders-2.parquet'))} (FORMAT parquet)`);
    await engine.run(`COPY (SELECT * FROM read_csv(${q(files.tickets)}, all_varchar = true)) TO ${q(join(dir, 'tickets.parquet'))} (FORMAT parquet)`);
  } finally {
    await engine.close();
  }
  return { orders: join(dir, 'orders.parquet'), tickets: join(dir, 'tickets.parquet'), glob: join(dir, 'parts', '*.parquet') };
}

/**
 * The engine path's JSON equals the CSV path's except dataQuality (cohortDocument) and the
 * fields that need per-ticket data (proactiveFollowUp, monthly: engineComputed); the
 * adjusted comparison included.
 */
describe('loyalty cohort --engine duckdb', () => {
  let fixtureParquet: { orders: string; tickets: string; glob: string };
  beforeAll(async () => {
    fixtureParquet = await toParquet(mkdtempSync(join(tmpdir(), 'loyalty-parquet-')), { orders: 'fixtures/orders.csv', tickets: 'fixtures/tickets.csv' });
  });

  it('prints the JSON of the CSV path on the fixtures, from CSV, Parquet and a glob of Parquet files', async () => {
    const reference = engineComputed(await cohortDocument(['fixtures/orders.csv', 'fixtures/tickets.csv']));
    expect(await cohortDocument(['--engine', 'duckdb', 'fixtures/orders.csv', 'fixtures/tickets.csv'])).toEqual(reference);
    expect(await cohortDocument(['--engine', 'duckdb', fixtureParquet.orders, fixtureParquet.tickets, '--memory-limit', '512MB'])).toEqual(reference);
    expect(await cohortDocument(['--engine', 'duckdb', fixtureParquet.glob, fixtureParquet.tickets])).toEqual(reference);
  });

  it.each([4, 5])('prints the JSON of the CSV path on seeded edge-case data (seed %i), CSV and Parquet', async (seed) => {
    const dir = mkdtempSync(join(tmpdir(), 'loyalty-edge-engine-'));
    const files = writeEdgeCases(dir, seed);
    const reference = engineComputed(await cohortDocument([files.orders, files.tickets, '--cohort', '2014-01']));
    expect(await cohortDocument(['--engine', 'duckdb', files.orders, files.tickets, '--cohort', '2014-01'])).toEqual(reference);
    const parquet = await toParquet(dir, files);
    expect(await cohortDocument(['--engine', 'duckdb', parquet.glob, parquet.tickets, '--cohort', '2014-01'])).toEqual(reference);
    // --currency names the plain amounts' currency on both paths, spelled alike (eur → EUR).
    const euros = engineComputed(await cohortDocument([files.orders, files.tickets, '--cohort', '2014-01', '--currency', 'eur']));
    expect(euros.currency).toBe('EUR');
    expect(await cohortDocument(['--engine', 'duckdb', files.orders, files.tickets, '--cohort', '2014-01', '--currency', 'eur'])).toEqual(euros);
  });

  it('--facts writes the facts table the CSV path writes, every column (fixtures, seeded edge-case data)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'loyalty-engine-facts-'));
    const edge = writeEdgeCases(dir, 4);
    for (const [name, files] of [['fixtures', ['fixtures/orders.csv', 'fixtures/tickets.csv']], ['edge', [edge.orders, edge.tickets]]] as const) {
      const [csv, engine] = [join(dir, `${name}-csv.csv`), join(dir, `${name}-duckdb.csv`)];
      expect((await runCli(['cohort', ...files, '--cohort', '2014-01', '--facts', csv])).code).toBe(0);
      expect((await runCli(['cohort', '--engine', 'duckdb', ...files, '--cohort', '2014-01', '--facts', engine])).code).toBe(0);
      expect(readFileSync(engine, 'utf8')).toBe(readFileSync(csv, 'utf8'));
    }
  });

  it('counts the repeated order ids it set aside in dataQuality', async () => {
    const { out } = await runCli(['cohort', '--engine', 'duckdb', 'fixtures/orders.csv', 'fixtures/tickets.csv', '--json']);
    const orders = JSON.parse(out).dataQuality.orders;
    expect([orders.format, orders.rowsRead, orders.rowsUsed, orders.duplicateOrderIds]).toEqual(['duckdb', 3440, 3439, 1]);
  });

  it('counts the unreadable score and resolved cells it left empty as the CSV path does (seeded edge-case data, seed 4)', async () => {
    const files = writeEdgeCases(mkdtempSync(join(tmpdir(), 'loyalty-edge-emptied-')), 4);
    const counts = async (engine: string[]) => {
      const { code, out } = await runCli(['cohort', ...engine, files.orders, files.tickets, '--cohort', '2014-01', '--json']);
      expect(code).toBe(0);
      const t = JSON.parse(out).dataQuality.tickets as { rowsUsed: number; cellsEmptied: Record<string, { count: number }> };
      return { rowsUsed: t.rowsUsed, emptied: Object.fromEntries(Object.entries(t.cellsEmptied).map(([k, v]) => [k, v.count])) };
    };
    const reference = await counts([]);
    // The generator writes "meh" scores and "maybe" resolved cells: both kinds occur.
    expect(Object.keys(reference.emptied).sort()).toEqual(['unrecognised resolved value', 'unrecognised satisfaction score']);
    expect(await counts(['--engine', 'duckdb'])).toEqual(reference);
  });

  it('refuses tickets whose unreadable scores exceed --max-unusable (65), as the CSV path does, and runs when it is raised', async () => {
    // 1 "meh" in 10 tickets: 10%, over the default 5%.
    const dir = mkdtempSync(join(tmpdir(), 'loyalty-engine-meh-'));
    const tickets = join(dir, 'tickets.csv');
    const rows = Array.from({ length: 10 }, (_, i) => `T${i},C${i},2014-01-0${(i % 9) + 1} 10:00:00,solved,${i === 3 ? 'meh' : '5'}`);
    writeFileSync(tickets, ['ticket_id,customer_id,created_at,status,satisfaction', ...rows].join('\n') + '\n');
    for (const engine of [[], ['--engine', 'duckdb']]) {
      const { code, err } = await runCli(['cohort', ...engine, 'fixtures/orders.csv', tickets]);
      expect({ engine, code }).toEqual({ engine, code: 65 });
      expect(err).toMatch(/10% of rows \(1 of 10\) have an unreadable satisfaction in column "satisfaction".*raise the limit with --max-unusable \(now 5%\)\.\n$/);
    }
    const reference = engineComputed(await cohortDocument(['fixtures/orders.csv', tickets, '--max-unusable', '10%']));
    expect(await cohortDocument(['--engine', 'duckdb', 'fixtures/orders.csv', tickets, '--max-unusable', '10%'])).toEqual(reference);
  });

  it('errors: a missing file is 66, a missing column or unreadable dates 65, a bad flag 64, each one line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'loyalty-engine-errors-'));
    writeFileSync(join(dir, 'no-amount.csv'), 'customer_id,order_date\nC1,2014-01-01\n');
    writeFileSync(join(dir, 'slash-dates.csv'), 'customer_id,order_date,amount\nC1,1/31/2014,5\nC2,2/1/2014,6\n');
    const cases: [string[], number, RegExp][] = [
      [[join(dir, 'nope.parquet'), 'fixtures/tickets.csv'], 66, /^error: duckdb: .*nope\.parquet/],
      [[join(dir, 'no-amount.csv'), 'fixtures/tickets.csv'], 65, /missing required column amount; the columns are customer_id, order_date/],
      [[join(dir, 'slash-dates.csv'), 'fixtures/tickets.csv'], 65, /column order_date \(order_date\) is unreadable in 2 of 2 rows; --engine duckdb reads ISO 8601 dates/],
      [['fixtures/orders.csv', 'fixtures/tickets.csv', '--memory-limit', 'lots'], 64, /--memory-limit "lots" is not a size/],
    ];
    for (const [args, exit, message] of cases) {
      const { code, err } = await runCli(['cohort', '--engine', 'duckdb', ...args]);
      expect({ args, code }).toEqual({ args, code: exit });
      expect(err).toMatch(message);
      expect(err.trim().split('\n')).toHaveLength(1);
    }
    const other = await runCli(['cohort', '--engine', 'spark', 'fixtures/orders.csv', 'fixtures/tickets.csv']);
    expect([other.code, other.err]).toEqual([64, 'error: --engine "spark" is not supported; use --engine duckdb (or loyalty sql --dialect … for a warehouse)\n']);
  });
});
