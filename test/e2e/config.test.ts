import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempCsv, tempDir } from './cli.js';

/** A working directory holding loyalty.config.json with `config`. */
function configDir(config: unknown): string {
  const dir = tempDir();
  writeFileSync(join(dir, 'loyalty.config.json'), JSON.stringify(config));
  return dir;
}

const ORDERS = tempCsv('orders.csv', ['Email,order_date,amount', 'a@x.com,2014-01-05,10', 'b@x.com,2014-02-05,20']);

describe('loyalty.config.json', () => {
  it('is read from the working directory: its map makes a file usable', async () => {
    expect((await runCli(['validate', ORDERS])).code).toBe(65);
    const { code, err } = await runCli(['validate', ORDERS], configDir({ map: { 'orders.customer_id': 'Email' } }));
    expect(err).toBe('');
    expect(code).toBe(0);
  });

  it('--config FILE names another file, relative to the working directory', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'jobs.json'), JSON.stringify({ map: { 'orders.customer_id': 'Email' } }));
    expect((await runCli(['validate', ORDERS, '--config', 'jobs.json'], dir)).code).toBe(0);
  });

  it('a flag wins over the file', async () => {
    const dir = configDir({ map: { 'orders.customer_id': 'Nope' } });
    expect((await runCli(['validate', ORDERS], dir)).code).toBe(65);
    expect((await runCli(['validate', ORDERS, '--map', 'orders.customer_id=Email'], dir)).code).toBe(0);
  });

  it('an unknown key is a usage error (64) naming the key, before any data is read', async () => {
    const { code, out, err } = await runCli(['validate', '/no/such/orders.csv'], configDir({ timezone: 'UTC' }));
    expect(code).toBe(64);
    expect(out).toBe('');
    expect(err).toBe(
      'error: loyalty.config.json: unknown key "timezone"; valid keys at the top level are: map, formats, tz, dateFormat, decimal, currency, strict, maxUnusable, windows, slices, report, rootCauses, prevention, seed, sql.\n',
    );
  });

  it('a missing --config file exits 66 naming it', async () => {
    const { code, err } = await runCli(['validate', ORDERS, '--config', 'missing.json']);
    expect(code).toBe(66);
    expect(err).toBe('error: --config missing.json: no such file; check the path of the config file.\n');
  });

  it('slices takes its dimensions and --min-rated from the file, and a flag still wins', async () => {
    const tickets = tempCsv('tickets.csv', ['customer_id,created_at,satisfaction,reason', 'a,2014-01-06 10:00,5,billing', 'b,2014-01-07 18:00,2,delivery']);
    const dir = configDir({ slices: { by: ['hour', 'reason'], minRated: 50 } });
    const fromFile = JSON.parse((await runCli(['slices', tickets, '--json'], dir)).out);
    expect(Object.keys(fromFile.dimensions)).toEqual(['hour', 'reason']);
    expect(fromFile.options.minRated).toBe(50);
    const flagged = JSON.parse((await runCli(['slices', tickets, '--json', '--by', 'weekday'], dir)).out);
    expect(Object.keys(flagged.dimensions)).toEqual(['weekday']);
    expect(JSON.parse((await runCli(['slices', tickets, '--json', '--min-rated', '5'], dir)).out).options.minRated).toBe(5);
  });
});
