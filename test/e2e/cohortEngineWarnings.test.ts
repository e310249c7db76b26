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
    // Pinned by hand as well: edgeCases.ts repeats order ids and writes unreadable cells.
    expect(engine.err).toContain(`warning: ${files.orders}: skipped 129 of 1,449 rows: 129 duplicate order_id\n`);
    expect(engine.err).toContain(`warning: ${files.tickets}: 25 unreadable cell(s) left empty, their rows kept: 6 unrecognised resolved value; 19 unrecognised satisfaction score\n`);
    expect(engine.err).toBe(withoutLines(csv.err));
    expect(JSON.parse(engine.out).dataQuality.orders.duplicateOrderIds).toBe(129);
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
