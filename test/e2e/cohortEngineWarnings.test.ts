import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeEdgeCases } from '../engines/edgeCases.js';
import { runCli } from './cli.js';

/** The CSV path's stderr without what an engine cannot know: line numbers and example cells. */
const withoutLines = (err: string) => err.replace(/ \(first at line \d+(: "[^"]*")?\)/g, '');

describe('loyalty cohort --engine duckdb on stderr', () => {
  it('warns about skipped rows and emptied cells as the CSV path does, without line numbers', async () => {
    const files = writeEdgeCases(mkdtempSync(join(tmpdir(), 'loyalty-engine-warnings-')), 4);
    const args = [files.orders, files.tickets, '--cohort', '2014-01', '--json'];
    const csv = await runCli(['cohort', ...args]);
    const engine = await runCli(['cohort', '--engine', 'duckdb', ...args]);
    expect(engine.code).toBe(0);
    // Pinned by hand as well: edgeCases.ts repeats order ids, writes unreadable cells, and ends
    // with typo rows: orders dated 2099 and 1900, an id whose 2099 first copy is repeated, and
    // tickets dated 2099 (naming a cohort order) and 1900.
    expect(engine.err).toContain(
      `warning: ${files.orders}: skipped 133 of 1,454 rows: 130 duplicate order_id; 1 implausible order_date (before 1970); 2 implausible order_date (more than a year after the run date)\n`,
    );
    expect(engine.err).toContain(
      `warning: ${files.tickets}: skipped 2 of 569 rows: 1 implausible created_at (before 1970); 1 implausible created_at (more than a year after the run date)\n`,
    );
    expect(engine.err).toContain(`warning: ${files.tickets}: 25 unreadable cell(s) left empty, their rows kept: 6 unrecognised resolved value; 19 unrecognised satisfaction score\n`);
    expect(engine.err).toBe(withoutLines(csv.err));
    expect(JSON.parse(engine.out).dataQuality.orders.duplicateOrderIds).toBe(130);
  });

  it('prints nothing on stderr under --quiet, and the same stdout', async () => {
    const args = ['cohort', '--engine', 'duckdb', 'fixtures/orders.csv', 'fixtures/tickets.csv', '--json'];
    const loud = await runCli(args);
    expect(loud.err).toBe('warning: fixtures/orders.csv: skipped 1 of 3,440 rows: 1 duplicate order_id\n');
    const quiet = await runCli([...args, '--quiet']);
    expect(quiet.code).toBe(0);
    expect(quiet.err).toBe('');
    expect(quiet.out).toBe(loud.out);
  });
});
