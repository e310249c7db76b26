import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Engine drivers load only when their flag is used: `--help`, `loyalty sql` and the CSV path
 * never load pg or DuckDB (both are CommonJS, so a loaded one shows in require.cache).
 */
describe('engine drivers are loaded lazily', () => {
  const probe = join(mkdtempSync(join(tmpdir(), 'loyalty-lazy-')), 'probe.cjs');
  writeFileSync(
    probe,
    "process.on('exit', () => process.stderr.write('drivers:' + Object.keys(require.cache).filter((p) => /node_modules[\\\\/](pg|@duckdb)[\\\\/]/.test(p)).length + '\\n'));",
  );
  const drivers = (args: string[]): number => {
    expect(existsSync('dist/src/cli.js'), 'run `npx tsc -p .` first').toBe(true);
    const run = spawnSync(process.execPath, ['-r', probe, 'bin/loyalty.js', ...args], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    return Number(/drivers:(\d+)/.exec(run.stderr)?.[1] ?? 'NaN');
  };

  it('loads none for --help, loyalty sql and the CSV path, and DuckDB for --engine duckdb', () => {
    expect(drivers(['--help'])).toBe(0);
    expect(drivers(['cohort', '--help'])).toBe(0);
    expect(drivers(['sql', '--dialect', 'postgres', '--cohort', '2014-01'])).toBe(0);
    expect(drivers(['cohort', 'fixtures/orders.csv', 'fixtures/tickets.csv', '--json'])).toBe(0);
    expect(drivers(['cohort', '--engine', 'duckdb', 'fixtures/orders.csv', 'fixtures/tickets.csv', '--json'])).toBeGreaterThan(0);
  });
});
