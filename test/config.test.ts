import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, test } from 'vitest';
import { loadConfig, mergeFlags, parseConfig, type LoyaltyConfig } from '../src/config.js';
import { EXIT, UserError } from '../src/errors.js';

const FULL = `{
  "map": { "orders.customer_id": "Email", "tickets.created_at": "Opened" },
  "formats": { "orders": "shopify", "tickets": "Zendesk" },
  "tz": "Europe/Berlin",
  "dateFormat": "dmy",
  "decimal": ",",
  "currency": "EUR",
  "strict": true,
  "windows": { "cohort": "2014-01", "follow": "90d", "grace": "14d" },
  "slices": { "by": ["hour", "reason"], "minRated": 50 },
  "report": { "failOn": ["csat-drop>5pt", "skipped-rows>1%"] },
  "seed": 42,
  "sql": { "dialect": "bigquery", "ordersTable": "shop.orders", "ticketsTable": "shop.tickets", "rowOrder": "line", "absent": ["tickets.resolved"], "columns": { "orders.amount": "total" } }
}`;

/** The UserError a call throws (fails the test when it throws nothing). */
function failure(run: () => unknown): UserError {
  try {
    run();
  } catch (e) {
    if (e instanceof UserError) return e;
    throw e;
  }
  throw new Error('expected a UserError');
}

describe('parseConfig', () => {
  test('reads every key', () => {
    expect(parseConfig(FULL, 'loyalty.config.json')).toEqual({
      file: 'loyalty.config.json',
      map: { 'orders.customer_id': 'Email', 'tickets.created_at': 'Opened' },
      formats: { orders: 'shopify', tickets: 'Zendesk' },
      tz: 'Europe/Berlin',
      dateFormat: 'DMY',
      decimal: ',',
      currency: 'EUR',
      strict: true,
      windows: { cohort: '2014-01', follow: '90d', grace: '14d' },
      slices: { by: ['hour', 'reason'], minRated: 50 },
      report: { failOn: ['csat-drop>5pt', 'skipped-rows>1%'] },
      seed: 42,
      sql: { dialect: 'bigquery', ordersTable: 'shop.orders', ticketsTable: 'shop.tickets', rowOrder: 'line', absent: ['tickets.resolved'], columns: { 'orders.amount': 'total' } },
    });
  });

  test('an empty object, a BOM and a $schema key are fine', () => {
    expect(parseConfig('\uFEFF{ "$schema": "./schema.json" }', 'c.json')).toEqual({
      file: 'c.json',
      map: {},
      formats: {},
      windows: {},
      slices: {},
      report: {},
      sql: {},
    });
  });

  test('an unknown key is a usage error naming the key, the file and the valid keys', () => {
    const e = failure(() => parseConfig('{ "timezone": "UTC" }', 'jobs/loyalty.json'));
    expect(e.exitCode).toBe(EXIT.usage);
    expect(e.message).toBe(
      'jobs/loyalty.json: unknown key "timezone"; valid keys at the top level are: map, formats, tz, dateFormat, decimal, currency, strict, maxUnusable, windows, slices, report, rootCauses, prevention, seed, sql.',
    );
  });

  test('an unknown nested key names its full path and its siblings', () => {
    expect(failure(() => parseConfig('{ "windows": { "folow": "3m" } }', 'c.json')).message).toBe(
      'c.json: unknown key "windows.folow"; valid keys in "windows" are: cohort, follow, grace.',
    );
  });

  test.each([
    ['{ "slices": { "minRated": "30" } }', 'c.json: "slices.minRated" must be a whole number, not "30" (a string).'],
    ['{ "strict": "yes" }', 'c.json: "strict" must be true or false, not "yes" (a string).'],
    ['{ "seed": 1.5 }', 'c.json: "seed" must be a whole number, not 1.5 (a number).'],
    ['{ "report": { "failOn": "csat-drop>5pt" } }', 'c.json: "report.failOn" must be a list of strings (["a", "b"]), not "csat-drop>5pt" (a string).'],
    ['{ "windows": "3m" }', 'c.json: "windows" must be an object ({ ... }), not "3m" (a string).'],
    ['{ "map": { "orders.amount": 3 } }', 'c.json: "map" must be an object of "role.column": "Header" entries, not {"orders.amount":3} (an object).'],
    ['{ "tz": null }', 'c.json: "tz" must be a string, not null (null).'],
  ])('wrong type: %s', (text, message) => {
    const e = failure(() => parseConfig(text, 'c.json'));
    expect(e.exitCode).toBe(EXIT.usage);
    expect(e.message).toBe(message);
  });

  test.each([
    ['{ "dateFormat": "YMD" }', 'c.json: "dateFormat" is "YMD"; it must be one of "MDY", "DMY".'],
    ['{ "decimal": ";" }', 'c.json: "decimal" is ";"; it must be one of ".", ",".'],
    ['{ "tz": "Mars/Base" }', 'c.json: "tz" is "Mars/Base", not an IANA time zone; use a name like "Europe/Berlin" or "America/New_York".'],
    ['{ "formats": { "orders": "magento" } }', 'c.json: "formats.orders" is "magento"; it must be one of "auto", "canonical", "shopify", "woocommerce", "stripe".'],
    ['{ "formats": { "tickets": "shopify" } }', 'c.json: "formats.tickets" is "shopify"; it must be one of "auto", "canonical", "zendesk", "freshdesk", "gorgias", "helpscout".'],
    ['{ "map": { "orders.email": "Email" } }', 'c.json: "map" key "orders.email" is not a column; use one of: orders.customer_id, orders.order_date, orders.amount, orders.order_id, orders.status.'],
    ['{ "map": { "customer_id": "Email" } }', 'c.json: "map" key "customer_id" is not a column; use one of: orders.<column> or tickets.<column>.'],
    ['{ "map": { "orders.amount": " " } }', 'c.json: "map.orders.amount" is empty; give the source header that holds amount.'],
    ['{ "windows": { "follow": "3 months" } }', 'c.json: "windows.follow" is "3 months"; it must be written like "3m", "90d" or "12w".'],
    ['{ "windows": { "cohort": "January" } }', 'c.json: "windows.cohort" is "January"; it must be written like "2014-01" or "2014-01-01..2014-01-31".'],
    ['{ "windows": { "cohort": "2014-13" } }', 'c.json: "windows.cohort" is "2014-13"; it must be written like "2014-01" or "2014-01-01..2014-01-31".'],
    ['{ "windows": { "cohort": "2014-02-01..2014-01-01" } }', 'c.json: "windows.cohort" is "2014-02-01..2014-01-01"; it must be written like "2014-01" or "2014-01-01..2014-01-31".'],
    ['{ "windows": { "follow": "0m" } }', 'c.json: "windows.follow" is "0m"; it must be written like "3m", "90d" or "12w".'],
    ['{ "slices": { "minRated": 0 } }', 'c.json: "slices.minRated" is 0; it must be a whole number of at least 1.'],
    ['{ "seed": -1 }', 'c.json: "seed" is -1; it must be a whole number of 0 or more.'],
  ])('wrong value: %s', (text, message) => {
    const e = failure(() => parseConfig(text, 'c.json'));
    expect(e.exitCode).toBe(EXIT.usage);
    expect(e.message).toBe(message);
  });

  test('slices.by names a dimension', () => {
    expect(failure(() => parseConfig('{ "slices": { "by": ["hour", "month"] } }', 'c.json')).message).toMatch(
      /^c\.json: "slices\.by" is "month"; it must be one of "hour", "weekday"/,
    );
  });

  test('invalid JSON names line and column', () => {
    const trailingComma = failure(() => parseConfig('{\n  "tz": "UTC",\n}\n', 'c.json'));
    expect(trailingComma.exitCode).toBe(EXIT.usage);
    expect(trailingComma.message).toMatch(/^c\.json:3:1: not valid JSON \(/);
    expect(failure(() => parseConfig('{\n  "seed": }', 'c.json')).message).toMatch(/^c\.json:2:11: not valid JSON \(Unexpected token '}'\)/);
    expect(failure(() => parseConfig('{ "seed": 1', 'c.json')).message).toMatch(/^c\.json:1:12: /);
    expect(failure(() => parseConfig('', 'c.json')).message).toMatch(/^c\.json:1:1: not valid JSON \(Unexpected end of JSON input\)/);
  });

  test('a file that is not one object', () => {
    expect(failure(() => parseConfig('["tz"]', 'c.json')).message).toBe('c.json: must hold one JSON object ({ ... }), not ["tz"] (a list).');
  });
});

describe('mergeFlags', () => {
  const config = parseConfig(FULL, 'loyalty.config.json');

  test('the file fills what the command line leaves out, in flag form', () => {
    expect(mergeFlags(config, {})).toEqual({
      map: ['orders.customer_id=Email', 'tickets.created_at=Opened'],
      ordersFormat: 'shopify',
      ticketsFormat: 'Zendesk',
      tz: 'Europe/Berlin',
      dateFormat: 'DMY',
      decimal: ',',
      currency: 'EUR',
      strict: true,
      cohort: '2014-01',
      follow: '90d',
      grace: '14d',
      by: 'hour,reason',
      minRated: '50',
      failOn: ['csat-drop>5pt', 'skipped-rows>1%'],
      seed: '42',
      dialect: 'bigquery',
      ordersTable: 'shop.orders',
      ticketsTable: 'shop.tickets',
      rowOrder: 'line',
      absent: 'tickets.resolved',
      column: ['orders.amount=total'],
    });
  });

  test('flags override the file; --map entries come after the file so the flag wins per key', () => {
    const merged = mergeFlags(config, { tz: 'UTC', minRated: '10', failOn: ['unresolved-share>20%'], map: ['orders.customer_id=Customer'] });
    expect(merged).toMatchObject({ tz: 'UTC', minRated: '10', failOn: ['unresolved-share>20%'], currency: 'EUR' });
    expect(merged.map).toEqual(['orders.customer_id=Email', 'tickets.created_at=Opened', 'orders.customer_id=Customer']);
  });

  test('commander defaults yield to the file but stay when the file is silent', () => {
    const flags = { ordersFormat: 'auto', ticketsFormat: 'auto', minRated: '30', map: [] as string[] };
    const sources: Record<string, string> = { ordersFormat: 'default', ticketsFormat: 'cli', minRated: 'default', map: 'default' };
    const merged = mergeFlags(config, flags, (k) => sources[k]);
    expect(merged).toMatchObject({ ordersFormat: 'shopify', ticketsFormat: 'auto', minRated: '50' });
    const silent: LoyaltyConfig = { ...parseConfig('{}', 'c.json') };
    expect(mergeFlags(silent, flags, (k) => sources[k])).toEqual({ ...flags, map: [] });
  });

  test('an explicit --strict or a false boolean still counts as given', () => {
    expect(mergeFlags(parseConfig('{ "strict": false }', 'c.json'), { strict: true }).strict).toBe(true);
    expect(mergeFlags(config, { strict: false }).strict).toBe(false);
  });

  test('no config: the flags unchanged', () => {
    const flags = { tz: 'UTC', map: ['orders.amount=Total'] };
    expect(mergeFlags(null, flags)).toBe(flags);
  });
});

describe('loadConfig', () => {
  const dir = () => mkdtempSync(join(tmpdir(), 'loyalty-config-'));

  test('no loyalty.config.json in the working directory: null', async () => {
    expect(await loadConfig(dir(), null)).toBeNull();
  });

  test('reads loyalty.config.json from the working directory', async () => {
    const cwd = dir();
    writeFileSync(join(cwd, 'loyalty.config.json'), '{ "tz": "UTC" }');
    expect(await loadConfig(cwd, null)).toMatchObject({ file: 'loyalty.config.json', tz: 'UTC' });
  });

  test('--config is resolved against the working directory and named as given', async () => {
    const cwd = dir();
    mkdirSync(join(cwd, 'jobs'));
    writeFileSync(join(cwd, 'jobs', 'weekly.json'), '{ "seed": 7, "nope": 1 }');
    await expect(loadConfig(cwd, 'jobs/weekly.json')).rejects.toThrow('jobs/weekly.json: unknown key "nope"');
  });

  test('a missing --config file or a directory is input missing (66)', async () => {
    const cwd = dir();
    await expect(loadConfig(cwd, 'absent.json')).rejects.toMatchObject({
      exitCode: EXIT.noInput,
      message: '--config absent.json: no such file; check the path of the config file.',
    });
    mkdirSync(join(cwd, 'loyalty.config.json'));
    await expect(loadConfig(cwd, null)).rejects.toMatchObject({ exitCode: EXIT.noInput });
  });
});

describe('parseConfig: prevention settings', () => {
  it('reads rootCauses and prevention, and passes them to the flags', () => {
    const config = parseConfig(JSON.stringify({ rootCauses: { 'order status': 'Tooling' }, prevention: { changes: ['order status@2014-04-07'], costPerContact: 4.5 } }), 'c.json');
    expect(config.rootCauses).toEqual({ 'order status': 'Tooling' });
    expect(config.prevention).toEqual({ changes: ['order status@2014-04-07'], costPerContact: 4.5 });
    const flags = mergeFlags(config, { change: [] as string[] }, () => 'default');
    expect(flags).toMatchObject({ rootCauses: { 'order status': 'Tooling' }, change: ['order status@2014-04-07'], costPerContact: '4.5' });
  });

  it('rejects an unknown category, a malformed change and a negative cost, naming the key', () => {
    expect(() => parseConfig('{"rootCauses": {"billing": "fate"}}', 'c.json')).toThrow('c.json: "rootCauses.billing" is "fate"; it must be one of "explanation", "customer-mistake", "process", "tooling", "other".');
    expect(() => parseConfig('{"prevention": {"changes": ["billing 2014-04-07"]}}', 'c.json')).toThrow('"prevention.changes"');
    expect(() => parseConfig('{"prevention": {"costPerContact": -1}}', 'c.json')).toThrow('"prevention.costPerContact" is -1');
    expect(() => parseConfig('{"prevention": {"costPerContact": "4"}}', 'c.json')).toThrow('"prevention.costPerContact" must be a number');
  });
});

describe('parseConfig on hostile files', () => {
  test('a config nested 5,000 levels deep is a data error (65) naming the line, not a crash', () => {
    const e = failure(() => parseConfig(`{\n"map": ${'['.repeat(5000)}${']'.repeat(5000)}}`, 'deep.json'));
    expect(e.exitCode).toBe(EXIT.data);
    expect(e.message).toBe('deep.json:2: nested more than 32 levels deep, which no loyalty config is (the deepest key has 2 levels); check that this is the config file.');
  });

  test('errors read as sentences: a number too large, and keys that only exist on every object', () => {
    expect(failure(() => parseConfig('{ "seed": 1e999 }', 'c.json')).message).toBe('c.json: "seed" must be a whole number, not a number too large to be read.');
    expect(failure(() => parseConfig('{ "constructor": 1 }', 'c.json')).message).toMatch(/^c\.json: unknown key "constructor"; valid keys at the top level are: /);
    expect(failure(() => parseConfig('{ "windows": { "toString": "x" } }', 'c.json')).message).toBe('c.json: unknown key "windows.toString"; valid keys in "windows" are: cohort, follow, grace.');
  });

  test('maxUnusable is a percentage', () => {
    expect(parseConfig('{ "maxUnusable": "10%" }', 'c.json').maxUnusable).toBe('10%');
    expect(failure(() => parseConfig('{ "maxUnusable": "lots" }', 'c.json')).message).toBe('c.json: "maxUnusable" is "lots"; it must be a percentage from 0% to 100%, like "10%".');
  });
});
