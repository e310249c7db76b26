import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeEdgeCases } from '../engines/edgeCases.js';
import { engineComputed } from '../engines/equivalence.js';
import { POSTGRES_URL, usePostgresSchema } from '../engines/engines.js';
import { rawCsvTable, stage } from '../engines/stage.js';
import { runCli } from './cli.js';
import { cohortDocument } from './cohortDocument.js';

/**
 * `cohort --source postgres://…` against the real server .ci/run starts: tables in a schema of
 * this run's own, loaded from the CSV files with their line numbers; the JSON equals the CSV
 * path's except dataQuality and the fields that need per-ticket data (proactiveFollowUp,
 * monthly: engineComputed); the adjusted comparison included.
 */


describe('loyalty cohort --source postgres://', () => {
  const { engineOf, schema: SCHEMA } = usePostgresSchema({ beforeAll, afterAll }, 'loyalty_e2e');

  it('prints the JSON of the CSV path on the fixtures and on seeded edge-case data', async () => {
    await stage(engineOf(), `${SCHEMA}.orders`, rawCsvTable('fixtures/orders.csv', 'orders'), false);
    await stage(engineOf(), `${SCHEMA}.tickets`, rawCsvTable('fixtures/tickets.csv', 'tickets'), false);
    const reference = engineComputed(await cohortDocument(['fixtures/orders.csv', 'fixtures/tickets.csv']));
    expect(await cohortDocument(['--source', POSTGRES_URL, `${SCHEMA}.orders`, `${SCHEMA}.tickets`, '--row-order', 'line'])).toEqual(reference);

    const files = writeEdgeCases(mkdtempSync(join(tmpdir(), 'loyalty-edge-pg-')), 6);
    await stage(engineOf(), `${SCHEMA}.edge_orders`, rawCsvTable(files.orders, 'orders'), false);
    await stage(engineOf(), `${SCHEMA}.edge_tickets`, rawCsvTable(files.tickets, 'tickets'), false);
    const edge = engineComputed(await cohortDocument([files.orders, files.tickets, '--cohort', '2014-01']));
    expect(await cohortDocument(['--source', POSTGRES_URL, `${SCHEMA}.edge_orders`, `${SCHEMA}.edge_tickets`, '--row-order', 'line', '--cohort', '2014-01'])).toEqual(edge);

    // --facts: the table the CSV path writes, every column.
    const dir = mkdtempSync(join(tmpdir(), 'loyalty-pg-facts-'));
    expect((await runCli(['cohort', files.orders, files.tickets, '--cohort', '2014-01', '--facts', join(dir, 'csv.csv')])).code).toBe(0);
    const source = ['--source', POSTGRES_URL, `${SCHEMA}.edge_orders`, `${SCHEMA}.edge_tickets`, '--row-order', 'line'];
    expect((await runCli(['cohort', ...source, '--cohort', '2014-01', '--facts', join(dir, 'pg.csv')])).code).toBe(0);
    expect(readFileSync(join(dir, 'pg.csv'), 'utf8')).toBe(readFileSync(join(dir, 'csv.csv'), 'utf8'));
  });

  it('names the table and its columns when a required column is missing (65), and never prints the password', async () => {
    await engineOf().run(`CREATE TABLE ${SCHEMA}.bare (customer_id TEXT, order_date DATE)`);
    const { code, out, err } = await runCli(['cohort', '--source', POSTGRES_URL, `${SCHEMA}.bare`, `${SCHEMA}.bare`]);
    expect([code, out]).toEqual([65, '']);
    expect(err).toMatch(new RegExp(`^error: postgres loyalty@localhost:5432/loyalty_test table ${SCHEMA}\\.bare: missing required column amount; the columns are customer_id, order_date\\. Name it with --column orders\\.amount=NAME\\n$`));
    // The test role's password is its name; the URL's user:password form must not appear.
    expect(err).not.toContain(`:${new URL(POSTGRES_URL).password}@`);
  });

  it('is a usage error (64) for a URL that is not postgres:// or with --engine too', async () => {
    const a = await runCli(['cohort', '--source', 'mysql://x/y', 'o', 't']);
    expect([a.code, a.err]).toEqual([64, 'error: --source takes a postgres:// URL (postgres://user@host:5432/database; the password from the URL or PGPASSWORD)\n']);
    const b = await runCli(['cohort', '--source', POSTGRES_URL, '--engine', 'duckdb', 'o', 't']);
    expect(b.code).toBe(64);
  });
});
