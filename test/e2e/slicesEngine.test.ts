import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDuckDb } from '../../src/engines/duckdbEngine.js';
import { readTickets } from '../../src/ingest/readTickets.js';
import { DEFAULT_INGEST_OPTIONS } from '../../src/ingest/records.js';
import { writeEdgeCases } from '../engines/edgeCases.js';
import { presentTicketsTable, stagedCsv } from '../engines/stage.js';
import { runCli } from './cli.js';
import { exportedSliceTables } from './sliceExports.js';
import { slicesDocument, TICKET_PRESETS } from './slicesDocument.js';

/** A tickets CSV as Parquet (all columns text, rows in file order), written by DuckDB. */
async function ticketsParquet(csv: string, dir: string): Promise<string> {
  const engine = await openDuckDb({ threads: 1 });
  const path = join(dir, 'tickets.parquet');
  try {
    await engine.run(`COPY (SELECT * FROM read_csv('${csv}', all_varchar = true)) TO '${path}' (FORMAT parquet)`);
  } finally {
    await engine.close();
  }
  return path;
}

/**
 * `slices --engine duckdb` and `--facts-in` print the CSV path's JSON except dataQuality: the
 * same slices, counts, rates, median waits, tests, findings and heatmap, every digit.
 */
describe('loyalty slices --engine duckdb and --facts-in', () => {
  let edge: { dir: string; tickets: string }[];
  beforeAll(() => {
    edge = [4, 5].map((seed) => {
      const dir = mkdtempSync(join(tmpdir(), 'loyalty-slices-edge-'));
      return { dir, tickets: writeEdgeCases(dir, seed, true).tickets };
    });
  });

  it('prints the JSON of the CSV path on fixtures/tickets.csv, from CSV, Parquet, a glob, and the exported table', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'loyalty-slices-engine-'));
    const reference = await slicesDocument(['fixtures/tickets.csv']);
    expect(await slicesDocument(['--engine', 'duckdb', 'fixtures/tickets.csv'])).toEqual(reference);
    const parquet = await ticketsParquet('fixtures/tickets.csv', dir);
    expect(await slicesDocument(['--engine', 'duckdb', parquet, '--memory-limit', '512MB'])).toEqual(reference);
    expect(await slicesDocument(['--engine', 'duckdb', join(dir, '*.parquet')])).toEqual(reference);
    const exported = await exportedSliceTables('fixtures/tickets.csv', dir);
    expect(await slicesDocument(['--facts-in', exported.csv])).toEqual(reference);
    expect(await slicesDocument(['--facts-in', exported.parquet])).toEqual(reference);
  });

  it('prints the JSON of the CSV path with --by and --min-rated,', async () => {
    const flags = ['--by', 'reason,hour', '--min-rated', '5', '--top', '3'];
    const reference = await slicesDocument(['fixtures/tickets.csv', ...flags]);
    expect(await slicesDocument(['--engine', 'duckdb', 'fixtures/tickets.csv', ...flags])).toEqual(reference);
  });

  it.each([0, 1])('prints the JSON of the CSV path on seeded edge-case tickets (labels, waits, counts; dataset %i), CSV, Parquet and exported', async (i) => {
    const { dir, tickets } = edge[i]!;
    const reference = await slicesDocument([tickets]);
    // The generator's hostile labels reach the output as written, trimmed only.
    const reasons = (reference.dimensions as { reason: { key: string }[] }).reason.map((s) => s.key);
    expect(reasons).toEqual(expect.arrayContaining(['Billing', 'billing', 'BILLING', '(none)', 'two\nlines', 'a,b "quoted"', 'Café', 'Cafe\u0301']));
    expect(reasons).not.toContain(' Billing ');
    expect((reference.overall as { medianWaitSeconds: number | null }).medianWaitSeconds).not.toBeNull();
    expect(await slicesDocument(['--engine', 'duckdb', tickets])).toEqual(reference);
    expect(await slicesDocument(['--engine', 'duckdb', await ticketsParquet(tickets, dir)])).toEqual(reference);
    const exported = await exportedSliceTables(tickets, dir);
    expect(await slicesDocument(['--facts-in', exported.csv])).toEqual(reference);
    expect(await slicesDocument(['--facts-in', exported.parquet])).toEqual(reference);
  });

  it('prints the JSON of the CSV path on every preset tickets sample, staged as loyalty reads it', async () => {
    for (const preset of TICKET_PRESETS) {
      const file = `fixtures/formats/${preset}-tickets.csv`;
      const reference = await slicesDocument([file]);
      const staged = join(mkdtempSync(join(tmpdir(), 'loyalty-slices-preset-')), `${preset}.csv`);
      writeFileSync(staged, stagedCsv(presentTicketsTable(await readTickets(file, DEFAULT_INGEST_OPTIONS))));
      expect({ preset, doc: await slicesDocument(['--engine', 'duckdb', staged]) }).toEqual({ preset, doc: reference });
    }
  });

  it('counts rows and unreadable scores in dataQuality as the CSV path does', async () => {
    const quality = async (args: string[]) => {
      const { out } = await runCli(['slices', ...args, '--json']);
      const t = JSON.parse(out).dataQuality.tickets;
      return [t.rowsRead, t.rowsUsed, t.cellsEmptied?.['unrecognised satisfaction score']?.count ?? 0];
    };
    const { tickets } = edge[0]!;
    const reference = await quality([tickets]);
    expect(reference[2]).toBeGreaterThan(0);
    expect(await quality(['--engine', 'duckdb', tickets])).toEqual(reference);
  });

  it('refuses --tz and flags that do not go together (64), each in one line', async () => {
    const cases: [string[], string][] = [
      [['--engine', 'duckdb', 'fixtures/tickets.csv', '--tz', 'Europe/Berlin'], 'error: --tz cannot be used with --engine: hours and weekdays are those of created_at as stored (the wall clock as written); convert the times where they are stored, or read the tickets CSV without --engine\n'],
      [['--facts-in', 'x.csv', 'fixtures/tickets.csv'], 'error: --facts-in reads the slice table instead of the tickets: give no tickets argument with it (got "fixtures/tickets.csv")\n'],
      [['--facts-in', 'x.csv', '--engine', 'duckdb'], 'error: --facts-in cannot be combined with --engine, --source, --column or --memory-limit: the slice table is already computed\n'],
      [['--facts-in', 'x.csv', '--column', 'tickets.reason=topic'], 'error: --facts-in cannot be combined with --engine, --source, --column or --memory-limit: the slice table is already computed\n'],
      [['--engine', 'duckdb'], 'error: slices --engine needs the tickets file or glob as its argument\n'],
      [[], 'error: slices needs a tickets file, e.g. loyalty slices tickets.csv (or --facts-in slices.csv)\n'],
      [['--engine', 'spark', 'fixtures/tickets.csv'], 'error: --engine "spark" is not supported; use --engine duckdb (or loyalty sql --dialect … for a warehouse)\n'],
    ];
    for (const [args, message] of cases) {
      const { code, out, err } = await runCli(['slices', ...args]);
      expect({ args, code, out, err }).toEqual({ args, code: 64, out: '', err: message });
    }
  });

  it('--facts-in: a missing file is 66, an unreadable number 65 naming file, line, column and value; each one line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'loyalty-slices-factsin-'));
    const exported = await exportedSliceTables('fixtures/tickets.csv', dir);
    const lines = readFileSync(exported.csv, 'utf8').split('\n');
    // Line 3 of the file: its tickets count made unreadable.
    const cells = lines[2]!.split(',');
    const tickets = lines[0]!.split(',').indexOf('tickets');
    cells[tickets] = 'many';
    lines[2] = cells.join(',');
    const broken = join(dir, 'broken.csv');
    writeFileSync(broken, lines.join('\n'));
    const cases: [string, number, RegExp][] = [
      [join(dir, 'nope.csv'), 66, /^error: .*nope\.csv: cannot read the slice table \(ENOENT\); check the path\n$/],
      [broken, 65, /^error: .*broken\.csv:3: column tickets is "many", not a whole number; export the result of `loyalty sql --query slices` unchanged/],
    ];
    for (const [file, exit, pattern] of cases) {
      const { code, out, err } = await runCli(['slices', '--facts-in', file]);
      expect({ file, code, out }).toEqual({ file, code: exit, out: '' });
      expect(err).toMatch(pattern);
      expect(err.trim().split('\n')).toHaveLength(1);
    }
    const missing = await runCli(['slices', '--engine', 'duckdb', join(dir, 'nope.parquet')]);
    expect([missing.code, missing.err]).toEqual([66, expect.stringMatching(/^error: duckdb: .*nope\.parquet/)]);
  });

  it('refuses first_response_at in slash dates (65), which only the CSV path reads; cohort --engine, which does not read it, runs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'loyalty-slices-slash-'));
    const tickets = join(dir, 'tickets.csv');
    writeFileSync(tickets, 'customer_id,created_at,satisfaction,first_response_at\nC1,2014-01-06 10:00:00,5,1/6/2014 10:05\nC2,2014-01-07 11:00:00,2,1/7/2014 12:00\n');
    const slices = await runCli(['slices', '--engine', 'duckdb', tickets]);
    expect([slices.code, slices.err]).toEqual([65, `error: ${tickets}: column first_response_at (first_response_at) is unreadable in 2 of 2 rows; --engine duckdb reads ISO 8601 dates (2014-01-31 or 2014-01-31 10:00:00). Read this file without --engine, which understands more forms\n`]);
    const cohort = await runCli(['cohort', '--engine', 'duckdb', 'fixtures/orders.csv', tickets, '--json']);
    expect(cohort.code).toBe(0);
  });
});
