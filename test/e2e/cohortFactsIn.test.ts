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

  it('a month range: the same JSON but monthly, left out with a warning (it needs the orders)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'loyalty-facts-in-range-'));
    const flags = ['--cohort', '2013-12..2014-01', '--bootstrap', '200'];
    const reference = JSON.parse(await cohortOut(['fixtures/orders.csv', 'fixtures/tickets.csv', ...flags, '--json', '--facts', join(dir, 'facts.csv')]));
    expect(reference).toHaveProperty('monthly');
    delete reference.monthly;
    const { code, out, err } = await runCli(['cohort', '--facts-in', join(dir, 'facts.csv'), ...flags, '--json']);
    expect(code).toBe(0);
    expect(withoutQuality(out)).toBe(withoutQuality(JSON.stringify(reference)));
    expect(err).toContain('warning: the per-month gaps of a month range (monthly) need the orders and tickets;');
  }, 60_000);

  it('--out writes the facts.csv and recovery.csv the CSV path writes', async () => {
    const [a, b] = [mkdtempSync(join(tmpdir(), 'loyalty-out-a-')), mkdtempSync(join(tmpdir(), 'loyalty-out-b-'))];
    await cohortOut(['fixtures/orders.csv', 'fixtures/tickets.csv', '--cohort', '2014-01', '--out', a]);
    await cohortOut(['--facts-in', join(a, 'facts.csv'), '--cohort', '2014-01', '--out', b]);
    for (const file of ['facts.csv', 'recovery.csv', 'repurchase.vl.json', 'adjusted-vs-raw.vl.json', 'cohorts.vl.json']) {
      expect({ file, text: readFileSync(join(b, file), 'utf8') }).toEqual({ file, text: readFileSync(join(a, file), 'utf8') });
    }
    // report.md differs in its data-quality section only, which names the facts file once.
    const [before, after] = [readFileSync(join(a, 'report.md'), 'utf8'), readFileSync(join(b, 'report.md'), 'utf8')];
    const head = (text: string) => text.slice(0, text.indexOf('## Data quality'));
    expect(head(after)).toBe(head(before));
    expect(after.slice(after.indexOf('## Data quality')).match(/^### .*$/gm)).toEqual([`### ${join(a, 'facts.csv')}`]);
  }, 60_000);

  it('gives back customer ids facts.csv guards against spreadsheet formulas (@, -, =, +, apostrophes), so members keep their order', async () => {
    const ids = ['@bob', '-x', '=1+1', "'=quoted", "''@two", '+44 20', "'plain", 'ann', 'zed', '-7'];
    const dir = mkdtempSync(join(tmpdir(), 'loyalty-facts-in-ids-'));
    const quote = (id: string) => `"${id}"`;
    const orders = ['customer_id,order_date,amount', ...ids.flatMap((id, i) => [`${quote(id)},2014-01-${String(i + 2).padStart(2, '0')},${10 + i}`, `${quote(id)},2014-0${2 + (i % 3)}-15,${i * 3}`]), 'last,2014-05-30,1'];
    const tickets = ['customer_id,created_at,status', ...ids.filter((_, i) => i % 3 !== 0).map((id, i) => `${quote(id)},2014-01-20 10:00,${i % 2 === 0 ? 'solved' : 'open'}`)];
    writeFileSync(join(dir, 'orders.csv'), orders.join('\n') + '\n');
    writeFileSync(join(dir, 'tickets.csv'), tickets.join('\n') + '\n');
    await expectRoundTrip([join(dir, 'orders.csv'), join(dir, 'tickets.csv')], ['--cohort', '2014-01']);
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

describe('loyalty cohort --facts-in: errors are one line naming file, line, column and value', () => {
  /** The fixtures' facts as CSV lines (header first), written once per test to edit. */
  async function factsLines(): Promise<{ dir: string; lines: string[][] }> {
    const dir = mkdtempSync(join(tmpdir(), 'loyalty-facts-in-errors-'));
    await cohortOut(['fixtures/orders.csv', 'fixtures/tickets.csv', '--cohort', '2014-01', '--facts', join(dir, 'facts.csv')]);
    return { dir, lines: readFileSync(join(dir, 'facts.csv'), 'utf8').trimEnd().split('\n').map((l) => l.split(',')) };
  }
  const write = (dir: string, lines: string[][]) => {
    const file = join(dir, 'edited.csv');
    writeFileSync(file, lines.map((l) => l.join(',')).join('\n') + '\n');
    return file;
  };
  const run = async (args: string[]) => {
    const { code, out, err } = await runCli(['cohort', ...args]);
    expect(out).toBe('');
    expect(err.trim().split('\n')).toHaveLength(1);
    return { code, err };
  };

  it('refuses positional files with --facts-in, neither, a missing --cohort, or --engine (64)', async () => {
    const { dir } = await factsLines();
    const facts = join(dir, 'facts.csv');
    expect(await run(['fixtures/orders.csv', 'fixtures/tickets.csv', '--facts-in', facts, '--cohort', '2014-01'])).toEqual({
      code: 64,
      err: 'error: --facts-in replaces <orders> <tickets>: give the facts file alone, e.g. loyalty cohort --facts-in facts.csv --cohort 2014-01\n',
    });
    expect(await run([])).toEqual({ code: 64, err: 'error: cohort needs <orders> and <tickets> (or --facts-in FILE with a per-customer facts table); see loyalty cohort --help\n' });
    expect(await run(['fixtures/orders.csv'])).toMatchObject({ code: 64 });
    expect((await run(['--facts-in', facts])).err).toMatch(/^error: --facts-in needs --cohort: a facts file holds one cohort/);
    expect((await run(['--facts-in', facts, '--cohort', '2014-01', '--engine', 'duckdb'])).err).toMatch(/^error: --facts-in cannot be used with --engine or --source/);
  });

  it('a missing file is 66', async () => {
    const { code, err } = await run(['--facts-in', '/nonexistent/facts.csv', '--cohort', '2014-01']);
    expect(code).toBe(66);
    expect(err).toMatch(/^error: --facts-in \/nonexistent\/facts\.csv: cannot read it \(ENOENT\); check the path\.\n$/);
  });

  it('flags other than the facts were computed for are 65, naming the column and both dates', async () => {
    const { dir } = await factsLines();
    const facts = join(dir, 'facts.csv');
    const cases: [string[], RegExp][] = [
      [['--cohort', '2014-02'], /column cohort_start is 2014-01-01, but --cohort gives 2014-02-01/],
      [['--cohort', '2014-01', '--follow', '90d'], /column follow_up_end is 2014-04-30, but --follow gives 2014-05-01/],
      [['--cohort', '2014-01', '--grace', '7d'], /column problem_end is 2014-02-14, but --grace gives 2014-02-07/],
      [['--cohort', '2014-01', '--baseline', '6m'], /column baseline_start is 2013-01-01, but --baseline gives 2013-07-01/],
    ];
    for (const [flags, message] of cases) {
      const { code, err } = await run(['--facts-in', facts, ...flags]);
      expect({ flags, code }).toEqual({ flags, code: 65 });
      expect(err).toMatch(message);
    }
  });

  it('unreadable, missing, unknown and inconsistent cells are 65 with file:line, column and value', async () => {
    const { dir, lines } = await factsLines();
    const header = lines[0]!;
    const col = (name: string) => header.indexOf(name);
    /** A copy of the lines with one cell of data line `row` (2 = first data line) set. */
    const edit = (row: number, column: string, value: string) => lines.map((l, i) => (i === row - 1 ? l.map((c, k) => (k === col(column) ? value : c)) : l));
    const problem = lines.findIndex((l) => l[col('group')] === 'unresolved') + 1;
    const cases: [string[][], RegExp][] = [
      [edit(3, 'prior_spend', 'abc'), /edited\.csv:3: column prior_spend "abc" is not a number/],
      [edit(3, 'later_orders', '1.5'), /edited\.csv:3: column later_orders "1.5" is not a whole number ≥ 0/],
      [edit(4, 'new_customer', 'maybe'), /edited\.csv:4: column new_customer "maybe" is not true or false/],
      [edit(2, 'group', 'vip'), /edited\.csv:2: column group "vip" is not a group \(no_problem, resolved, unresolved\)/],
      [edit(problem, 'group', 'resolved'), new RegExp(`edited\\.csv:${problem}: column group "resolved" disagrees with problem_tickets \\d+ and unresolved_tickets \\d+ \\(that is unresolved\\)`)],
      [edit(5, 'data_last_day', '2014-05-01'), /edited\.csv:5: column data_last_day "2014-05-01" differs from "2014-04-30" on the first row \(.*edited\.csv:2\)/],
      [edit(2, 'resolution_rule', 'magic'), /edited\.csv:2: column resolution_rule "magic" is not a resolution rule/],
      [edit(3, 'customer_id', lines[1]![0]!), /edited\.csv:3: column customer_id "C10003" repeats the customer of .*edited\.csv:2/],
      [lines.map((l) => l.filter((_, k) => k !== col('pre_spend'))), /edited\.csv: header: missing pre_spend\./],
      [lines.map((l, i) => [...l, i === 0 ? 'segment' : 'x']), /edited\.csv: header: unknown "segment"\./],
      [lines.map((l, i) => (i === 2 ? l.slice(1) : l)), /edited\.csv:3: 26 fields where the header has 27/],
      [[header], /edited\.csv: no rows; a facts file holds one row per cohort member/],
    ];
    for (const [edited, message] of cases) {
      const { code, err } = await run(['--facts-in', write(dir, edited), '--cohort', '2014-01']);
      expect({ message: String(message), code }).toEqual({ message: String(message), code: 65 });
      expect(err).toMatch(message);
    }
  });

  it('--currency must agree with the file\'s currency column (65); it names one the file leaves empty', async () => {
    const { dir, lines } = await factsLines();
    const euros = write(dir, lines.map((l, i) => (i === 0 ? l : [...l.slice(0, -1), 'EUR'])));
    const { code, err } = await run(['--facts-in', euros, '--cohort', '2014-01', '--currency', 'usd']);
    expect([code, err]).toEqual([65, `error: ${euros}: column currency is EUR, but --currency says USD; drop --currency, or compute the facts again keeping USD.\n`]);
    expect(JSON.parse(await cohortOut(['--facts-in', euros, '--cohort', '2014-01', '--json'])).currency).toBe('EUR');
    expect(JSON.parse(await cohortOut(['--facts-in', join(dir, 'facts.csv'), '--cohort', '2014-01', '--json', '--currency', 'gbp'])).currency).toBe('GBP');
  });
});
