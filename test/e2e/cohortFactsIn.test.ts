import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDuckDb } from '../../src/engines/duckdbEngine.js';
import { writeEdgeCases } from '../engines/edgeCases.js';
import { rawCsvTable, stage } from '../engines/stage.js';
import { runCli } from './cli.js';

/**
 * `cohort --facts-in FILE` against the CSV path's own output on the same data: the facts
 * table written by `--facts` (CSV and Parquet), read back, prints the same `--json` byte for
 * byte but for dataQuality (which names the facts file and its rows), and the same terminal
 * result.
 */
async function cohortOut(args: string[]): Promise<string> {
  const { code, out, err } = await runCli(['cohort', ...args]);
  expect({ code, err: code === 0 ? '' : err }).toEqual({ code: 0, err: '' });
  return out;
}

/** The JSON text with dataQuality emptied, key order and number spelling kept: byte-identical means equal strings. */
function withoutQuality(out: string): string {
  const doc = JSON.parse(out) as Record<string, unknown>;
  doc.dataQuality = null;
  return JSON.stringify(doc);
}

/** Writes the in-process facts as CSV and Parquet, then checks --facts-in on both against the CSV path's JSON and terminal output. */
async function expectRoundTrip(files: string[], flags: string[]): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'loyalty-facts-in-'));
  const csv = join(dir, 'facts.csv');
  const parquet = join(dir, 'facts.parquet');
  const reference = await cohortOut([...files, ...flags, '--json', '--facts', csv]);
  await cohortOut([...files, ...flags, '--json', '--facts', parquet]);
  const terminal = await cohortOut([...files, ...flags]);
  const doc = JSON.parse(reference);
  expect(doc).toHaveProperty('adjusted');
  expect(doc).toHaveProperty('repurchase');
  for (const [file, format] of [[csv, 'facts-csv'], [parquet, 'facts-parquet']] as const) {
    const out = await cohortOut(['--facts-in', file, ...flags, '--json']);
    expect(withoutQuality(out)).toBe(withoutQuality(reference));
    const quality = JSON.parse(out).dataQuality.orders;
    expect([quality.file, quality.format, quality.rowsRead, quality.rowsUsed]).toEqual([file, format, doc.counts.members, doc.counts.members]);
    expect(await cohortOut(['--facts-in', file, ...flags])).toBe(terminal);
  }
}

describe('loyalty cohort --facts-in', () => {
  it('gives the CSV path JSON on the fixtures (--cohort 2014-01), from CSV and Parquet', async () => {
    await expectRoundTrip(['fixtures/orders.csv', 'fixtures/tickets.csv'], ['--cohort', '2014-01']);
  }, 60_000);

  it('gives the CSV path JSON on the fixtures with other windows (--follow 90d --grace 7d --baseline 6m)', async () => {
    await expectRoundTrip(['fixtures/orders.csv', 'fixtures/tickets.csv'], ['--cohort', '2014-01', '--follow', '90d', '--grace', '7d', '--baseline', '6m']);
  }, 60_000);

  it('gives the CSV path JSON on fixtures/confounded', async () => {
    await expectRoundTrip(['fixtures/confounded/orders.csv', 'fixtures/confounded/tickets.csv'], ['--cohort', '2014-01']);
  }, 60_000);

  it.each([4, 5])('gives the CSV path JSON on seeded edge-case data (seed %i), also with --currency', async (seed) => {
    const files = writeEdgeCases(mkdtempSync(join(tmpdir(), 'loyalty-facts-in-edge-')), seed);
    await expectRoundTrip([files.orders, files.tickets], ['--cohort', '2014-01']);
    await expectRoundTrip([files.orders, files.tickets], ['--cohort', '2014-01', '--currency', 'eur']);
  }, 60_000);

  it('reads the loyalty sql result as a warehouse exports it (run in DuckDB, CSV and Parquet): the CSV path JSON', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'loyalty-facts-in-sql-'));
    const reference = await cohortOut(['fixtures/orders.csv', 'fixtures/tickets.csv', '--cohort', '2014-01', '--json']);
    const { out: sql } = await runCli(['sql', '--dialect', 'duckdb', '--cohort', '2014-01', '--orders-table', 'o', '--tickets-table', 't', '--row-order', 'line', '--absent', 'tickets.resolved']);
    const engine = await openDuckDb({ threads: 1 });
    try {
      await stage(engine, 'o', rawCsvTable('fixtures/orders.csv', 'orders'));
      await stage(engine, 't', rawCsvTable('fixtures/tickets.csv', 'tickets'));
      await engine.run(`COPY (${sql}\n) TO '${join(dir, 'facts.csv')}' (FORMAT csv, HEADER)`);
      await engine.run(`COPY (${sql}\n) TO '${join(dir, 'facts.parquet')}' (FORMAT parquet)`);
    } finally {
      await engine.close();
    }
    for (const file of ['facts.csv', 'facts.parquet']) {
      expect(withoutQuality(await cohortOut(['--facts-in', join(dir, file), '--cohort', '2014-01', '--json']))).toBe(withoutQuality(reference));
    }
  }, 60_000);

  it('does not depend on the order of rows or columns, or the case of column names', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'loyalty-facts-in-order-'));
    const csv = join(dir, 'facts.csv');
    const reference = await cohortOut(['fixtures/orders.csv', 'fixtures/tickets.csv', '--cohort', '2014-01', '--json', '--facts', csv]);
    const [header, ...rows] = readFileSync(csv, 'utf8').trimEnd().split('\n').map((l) => l.split(','));
    const order = header!.map((_, i) => i).reverse();
    const shuffled = [order.map((i) => header![i]!.toUpperCase()), ...rows.reverse().map((r) => order.map((i) => r[i]!))];
    writeFileSync(join(dir, 'shuffled.csv'), shuffled.map((r) => r.join(',')).join('\n') + '\n');
    expect(withoutQuality(await cohortOut(['--facts-in', join(dir, 'shuffled.csv'), '--cohort', '2014-01', '--json']))).toBe(withoutQuality(reference));
  }, 60_000);
});
