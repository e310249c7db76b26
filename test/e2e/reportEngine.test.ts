import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './cli.js';
import { decodePng } from './reportFiles.js';
import { exportedSliceTables } from './sliceExports.js';
import { expectRowSectionsNotComputed, FLAGS, ORDERS, runReport, tableCharts, tableParts, TICKETS, type ReportRun } from './reportTables.js';

/**
 * `report --engine duckdb` and `report --facts-in/--slices-in` give the in-process report's
 * cohort and slices documents (but dataQuality), its ticket period, checks and charts, and
 * state the sections that need ticket rows as not computed. One run per path, many checks.
 */
describe('loyalty report --engine duckdb and --facts-in / --slices-in', () => {
  let reference: ReportRun;
  let engine: ReportRun;
  let exported: ReportRun;
  let factsOnly: ReportRun;
  let slicesOnly: ReportRun;
  beforeAll(async () => {
    reference = await runReport([ORDERS, TICKETS, ...FLAGS]);
    engine = await runReport(['--engine', 'duckdb', ORDERS, TICKETS, '--memory-limit', '512MB', ...FLAGS]);
    const dir = mkdtempSync(join(tmpdir(), 'loyalty-report-tables-'));
    const facts = join(dir, 'facts.csv');
    expect((await runCli(['cohort', ORDERS, TICKETS, '--cohort', '2014-01', '--facts', facts])).code).toBe(0);
    const slices = await exportedSliceTables(TICKETS, dir);
    exported = await runReport(['--facts-in', facts, '--slices-in', slices.parquet, ...FLAGS, '--png']);
    factsOnly = await runReport(['--facts-in', facts, ...FLAGS]);
    slicesOnly = await runReport(['--slices-in', slices.csv, ...FLAGS]);
  }, 120_000);

  it('--engine duckdb: the cohort and slices documents, ticket period, checks and charts of the in-process report', () => {
    expect(tableParts(engine.summary)).toEqual(tableParts(reference.summary));
    expect(tableParts(engine.summary).cohort).not.toBeNull();
    expect(tableParts(engine.summary).slices).not.toBeNull();
    expect(engine.summary.report.ticketPeriod).toEqual({ start: '2014-01-01', end: '2014-04-30' });
    expect(engine.summary.report.ticketPeriod).toEqual(reference.summary.report.ticketPeriod);
    expect(engine.summary.checks).toEqual(reference.summary.checks);
    expect(engine.summary.report.charts).toEqual(tableCharts(reference.summary));
    // Drawn from the same results and period, each chart is the in-process one byte for byte.
    for (const chart of engine.summary.report.charts) {
      expect({ chart, svg: readFileSync(join(engine.dir, `${chart}.svg`), 'utf8') }).toEqual({ chart, svg: readFileSync(join(reference.dir, `${chart}.svg`), 'utf8') });
    }
    // The in-process report has the sections the engine path leaves out.
    expect([reference.summary.drivers, reference.summary.prevention].map((d) => d === null)).toEqual([false, false]);
    expectRowSectionsNotComputed(engine, 'the engine does not return');
    // Each table's warnings are printed once, not once per engine query.
    expect(engine.err.match(/warning: fixtures\/orders\.csv: skipped 1 of 3,440 rows: 1 duplicate order_id/g)).toHaveLength(1);
  });

  it('--facts-in with --slices-in: the same documents and checks; --png draws every chart', () => {
    expect(tableParts(exported.summary)).toEqual(tableParts(reference.summary));
    expect(exported.summary.checks[0]).toEqual(reference.summary.checks[0]);
    // The exported tables hold no skipped rows: the files were read where the tables were computed.
    expect(exported.summary.checks[1]).toMatchObject({ rule: 'skipped-rows>50%', value: 0, fired: false });
    expect(exported.summary.report.charts).toEqual(tableCharts(reference.summary));
    // The exported tables do not carry the days the tickets were opened.
    expect(exported.summary.report.ticketPeriod).toBeNull();
    expectRowSectionsNotComputed(exported, 'the exported tables do not hold');
    for (const chart of exported.summary.report.charts) expect(decodePng(readFileSync(join(exported.dir, `${chart}.png`))).inked).toBeGreaterThan(1000);
  });

  it('either table alone: its section as in process, the other null and said why', () => {
    expect(tableParts(factsOnly.summary)).toEqual({ ...tableParts(reference.summary), slices: null });
    const noSlices = 'No slice table was given (--slices-in), so there is no CSAT to report; export the result of loyalty sql --query slices and pass it with --slices-in.';
    expect(factsOnly.summary.report.notComputed.slices).toBe(noSlices);
    expect(factsOnly.md).toContain(`\n## Satisfaction\n\n${noSlices}\n`);

    expect(tableParts(slicesOnly.summary)).toEqual({ ...tableParts(reference.summary), cohort: null });
    const noCohort = 'no per-customer facts table was given (--facts-in); export the result of loyalty sql and pass it with --facts-in for later spend.';
    expect(slicesOnly.summary.report.notComputed.cohort).toBe(noCohort);
    expect(slicesOnly.md).toContain(`\n## Later spend after a support problem\n\nNot analysed: ${noCohort}\n`);
    expectRowSectionsNotComputed(slicesOnly, 'the exported tables do not hold');
  });

  it('--engine duckdb on tickets without a satisfaction column: the report without CSAT, saying how to name the column', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'loyalty-report-unscored-'));
    const tickets = join(dir, 'tickets.csv');
    const lines = readFileSync(TICKETS, 'utf8').split('\n');
    const at = lines[0]!.split(',').indexOf('satisfaction');
    writeFileSync(tickets, lines.map((l) => l.split(',').filter((_, i) => i !== at).join(',')).join('\n'));
    const run = await runReport(['--engine', 'duckdb', ORDERS, tickets, ...FLAGS]);
    const sentence = 'The tickets have no satisfaction column, so there is no CSAT to report; name the column that holds the scores with --column tickets.satisfaction=NAME.';
    expect([run.summary.slices, run.summary.report.notComputed.slices]).toEqual([null, sentence]);
    expect(run.md).toContain(`\n## Satisfaction\n\n${sentence}\n`);
    // The resolution rule falls back without scores: the cohort is the in-process one on the same file.
    const inProcess = await runReport([ORDERS, tickets, ...FLAGS]);
    expect(tableParts(run.summary)).toEqual(tableParts(inProcess.summary));
    expect(inProcess.summary.slices).toBeNull();
  }, 60_000);

  it('refuses (64) what needs ticket rows or contradicts itself, in one line, before reading', async () => {
    const engineArgs = ['--engine', 'duckdb', ORDERS, TICKETS, '--out', join(tmpdir(), 'never')];
    const rows = 'the engine returns only the facts and the slice table; run the report on the orders and tickets files for it';
    const cases: [string[], string][] = [
      [[...engineArgs, '--week', '2014-W10'], `--week (and the csat-drop check, which needs it) cannot be used with --engine: ${rows}`],
      [[...engineArgs, '--fail-on', 'csat-drop>5pt'], `--week (and the csat-drop check, which needs it) cannot be used with --engine: ${rows}`],
      [[...engineArgs, '--compare-to', 'last'], `--compare-to cannot be used with --engine: ${rows}`],
      [[...engineArgs, '--change', 'billing@2014-02-01'], `--change and --cost-per-contact (the prevention section) cannot be used with --engine: ${rows}`],
      [[...engineArgs, '--tz', 'Europe/Berlin'], `--tz cannot be used with --engine: ${rows}`],
      [['--facts-in', 'f.csv', '--tz', 'UTC', '--cohort', '2014-01', '--out', 'x'], '--tz cannot be used with --facts-in: the exported tables hold no ticket rows; run the report on the orders and tickets files for it'],
      [['--facts-in', 'f.csv', ORDERS, TICKETS, '--cohort', '2014-01', '--out', 'x'], '--facts-in and --slices-in replace <orders> <tickets>: give the tables alone, e.g. loyalty report --facts-in facts.csv --slices-in slices.csv --cohort 2014-01 --out DIR'],
      [['--slices-in', 's.csv', '--engine', 'duckdb', '--out', 'x'], '--facts-in and --slices-in cannot be combined with --engine or --source: the tables are already computed'],
      [['--slices-in', 's.csv', '--column', 'tickets.reason=topic', '--out', 'x'], '--column, --memory-limit and --row-order are for --engine and --source: the exported tables are already computed'],
      [['--engine', 'duckdb', ORDERS, '--out', 'x'], 'report --engine needs <orders> <tickets>: the two files or globs'],
      [['--facts-in', 'f.csv', '--out', 'x'], '--facts-in needs --cohort: a facts file holds one cohort; give the window it was computed for (its cohort_start and cohort_end columns), e.g. --cohort 2014-01'],
      [[ORDERS, '--out', 'x'], 'report needs <orders> <tickets> (or --engine, --source, or --facts-in and --slices-in with exported tables); see loyalty report --help'],
    ];
    for (const [args, message] of cases) {
      expect({ args, ...(await runCli(['report', ...args])) }).toEqual({ args, code: 64, out: '', err: `error: ${message}\n` });
    }
  });
});
