import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { packageVersion } from '../../src/cli.js';
import { runCli, tempCsv, tempDir } from './cli.js';

const ORDERS = 'fixtures/orders.csv';
const TICKETS = 'fixtures/tickets.csv';
const FAST = ['--bootstrap', '200'];

describe('the edges of the command line', () => {
  it('--version prints the version in package.json', async () => {
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    const { code, out } = await runCli(['--version']);
    expect(code).toBe(0);
    expect(out).toBe(`${version}\n`);
  });

  it('reads the version from the nearest loyalty package.json above the module, not a constant', () => {
    const root = tempDir();
    mkdirSync(join(root, 'dist', 'src'), { recursive: true });
    writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'loyalty', version: '9.8.7' }));
    // Another package's package.json on the way up is passed over.
    writeFileSync(join(root, 'dist', 'package.json'), JSON.stringify({ name: 'other', version: '1.0.0' }));
    expect(packageVersion(pathToFileURL(join(root, 'dist', 'src', 'cli.js')).href)).toBe('9.8.7');
  });

  it('with no command prints the help on stderr and exits 64', async () => {
    const { code, out, err } = await runCli([]);
    expect(code).toBe(64);
    expect(out).toBe('');
    expect(err).toContain('Usage: loyalty');
  });

  it('--quiet leaves only the results: no "wrote", no warnings, no progress', async () => {
    const loud = await runCli(['cohort', ORDERS, TICKETS, ...FAST, '--out', tempDir()]);
    expect(loud.err).toContain('wrote ');
    expect(loud.err).toContain('skipped 1 of 3,440 rows');
    const quiet = await runCli(['cohort', ORDERS, TICKETS, ...FAST, '--out', tempDir(), '--quiet']);
    expect(quiet.code).toBe(0);
    expect(quiet.err).toBe('');
    expect(quiet.out).toBe(loud.out);
  });

  it('--quiet silences report\'s "drawing the charts…" and "wrote N files", but not a fired gate or an error', async () => {
    const dir = join(tempDir(), 'r');
    const quiet = await runCli(['report', ORDERS, TICKETS, ...FAST, '--out', dir, '--quiet', '--fail-on', 'skipped-rows>0%', '--fail-on', 'unresolved-share>99%']);
    expect(quiet.code).toBe(1);
    expect(quiet.out).toBe('');
    expect(quiet.err).not.toContain('drawing the charts');
    expect(quiet.err).not.toContain('wrote ');
    expect(quiet.err.trim().split('\n')).toHaveLength(1);
    expect(quiet.err).toMatch(/^check skipped-rows>0% fired/);
    const missing = await runCli(['slices', 'no-such.csv', '--quiet']);
    expect(missing.code).toBe(66);
    expect(missing.err).toContain('error: no-such.csv: no such file');
  });

  it('sets the caveats on stderr off from the last line of the cohort table by an empty line', async () => {
    const orders = tempCsv('orders.csv', ['customer_id,order_date,amount', 'a,2014-01-05,50', 'b,2014-01-06,30', 'a,2014-02-10,100', 'b,2014-05-01,5']);
    const tickets = tempCsv('tickets.csv', ['customer_id,created_at,status', 'b,2014-01-08 10:00,solved']);
    const { code, err } = await runCli(['cohort', orders, tickets, '--cohort', '2014-01', ...FAST]);
    expect(code).toBe(0);
    const lines = err.split('\n');
    const first = lines.findIndex((l) => l.startsWith('warning: the “No problem” group'));
    expect(first).toBe(1);
    expect(lines[0]).toBe('');
  });
});
