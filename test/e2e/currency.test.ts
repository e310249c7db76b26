import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempCsv, tempDir } from './cli.js';

/**
 * The cohort of test/e2e/cohort.test.ts (two members per group; means later 50 / 60 / 5) written
 * the way a shop outside the US exports it. Each file names its currency in the amounts.
 */
const AMOUNTS = [
  ['a', '2014-01-05', 50], ['b', '2014-01-06', 30], ['c', '2014-01-07', 40], ['d', '2014-01-08', 20],
  ['e', '2014-01-09', 10], ['f', '2014-01-10', 70], ['a', '2014-02-10', 100], ['c', '2014-03-01', 60],
  ['c', '2014-04-01', 20], ['e', '2014-02-20', 40], ['f', '2014-03-15', 10], ['g', '2014-05-01', 1234.5],
] as const;

/** A German export: `;`-delimited, decimal comma, "1.234,50 €". */
const EURO_ORDERS = tempCsv('orders-eur.csv', [
  'customer_id;order_date;amount',
  ...AMOUNTS.map(([c, d, a]) => `${c};${d};${a.toFixed(2).replace('.', ',').replace(/\B(?=(\d{3})+,)/, '.')} €`),
]);
/** A British export: "£1,234.50". */
const POUND_ORDERS = tempCsv('orders-gbp.csv', [
  'customer_id,order_date,amount',
  ...AMOUNTS.map(([c, d, a]) => `${c},${d},"£${a.toFixed(2).replace(/\B(?=(\d{3})+\.)/, ',')}"`),
]);
/** No symbol, no code: nothing says which currency. */
const PLAIN_ORDERS = tempCsv('orders-plain.csv', ['customer_id,order_date,amount', ...AMOUNTS.map(([c, d, a]) => `${c},${d},${a}`)]);
const TICKETS = tempCsv('tickets.csv', [
  'customer_id,created_at,status,satisfaction',
  'c,2014-01-08 10:00,solved,5',
  'd,2014-01-09 11:00,open,1',
  'e,2014-01-10 12:00,closed,4',
  'f,2014-02-14 23:00,pending,2',
  'g,2014-05-02 09:00,open,',
]);
const COHORT = ['--cohort', '2014-01', '--bootstrap', '200'];

describe('money in the currency of the data', () => {
  it('a euro file shows € in the terminal table and headline, and EUR next to every figure in JSON', async () => {
    const { code, out } = await runCli(['cohort', EURO_ORDERS, TICKETS, ...COHORT]);
    expect(code).toBe(0);
    const lines = out.split('\n');
    expect(lines[2]).toMatch(/^No problem +2 +€50\.00 +€[\d.]+–€[\d.]+ +€50\.00 +50\.0%$/);
    expect(lines[4]).toMatch(/^Problem unresolved +2 +€5\.00 /);
    expect(out).not.toContain('$');
    expect(out).not.toContain('name no currency');

    const json = JSON.parse((await runCli(['cohort', EURO_ORDERS, TICKETS, ...COHORT, '--json'])).out);
    expect(json.currency).toBe('EUR');
    for (const g of ['no_problem', 'resolved', 'unresolved']) expect(json.groups[g].currency).toBe('EUR');
    expect(json.groups.no_problem.meanSpend).toBe(50);
    expect(json.dataQuality.orders.decisions).toContain('amount: decimal comma, EUR');
  });

  it('a euro file\'s report.md, report.html and chart show €, and no $ anywhere', async () => {
    const dir = join(tempDir(), 'eur');
    const { code, err } = await runCli(['report', EURO_ORDERS, TICKETS, ...COHORT, '--out', dir]);
    expect(err).not.toMatch(/^error/m);
    expect(code).toBe(0);
    const md = readFileSync(join(dir, 'report.md'), 'utf8');
    expect(md).toMatch(/\| Problem resolved \| 2 \| €60\.00 \| €[\d.]+–€[\d.]+ \| €60\.00 \|/);
    expect(md).toContain('- Amounts: EUR (€), from the amount column or --currency.');
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(html).toContain('€60.00');
    const spec = JSON.parse(readFileSync(join(dir, 'cohorts.vl.json'), 'utf8'));
    expect(JSON.stringify(spec)).not.toContain('$,');
    const svg = readFileSync(join(dir, 'cohorts.svg'), 'utf8');
    expect(svg).toContain('Mean later spend (€)');
    // Axis labels: the bars reach 60, so the axis carries €0 and at least one more € tick.
    expect(svg.match(/>€\d+</g)?.length).toBeGreaterThanOrEqual(2);
    for (const text of [md, html, svg]) expect(text).not.toMatch(/\$\d/);
  });

  it('a pound file shows £ in the terminal and GBP in JSON', async () => {
    const { code, out } = await runCli(['cohort', POUND_ORDERS, TICKETS, ...COHORT]);
    expect(code).toBe(0);
    expect(out.split('\n')[3]).toMatch(/^Problem resolved +2 +£60\.00 +£[\d.]+–£[\d.]+ +£60\.00 +100\.0%/);
    const json = JSON.parse((await runCli(['cohort', POUND_ORDERS, TICKETS, ...COHORT, '--json'])).out);
    expect(json.currency).toBe('GBP');
  });

  it('a file with no symbol shows no currency, says so, and the chart axis carries no unit', async () => {
    const { code, out } = await runCli(['cohort', PLAIN_ORDERS, TICKETS, ...COHORT]);
    expect(code).toBe(0);
    expect(out.split('\n')[2]).toMatch(/^No problem +2 +50\.00 +[\d.]+–[\d.]+ +50\.00 +50\.0%$/);
    expect(out).not.toMatch(/[$€£]/);
    expect(out).toContain('Amounts: the orders name no currency');
    const json = JSON.parse((await runCli(['cohort', PLAIN_ORDERS, TICKETS, ...COHORT, '--json'])).out);
    expect(json.currency).toBeNull();
    expect(json.groups.resolved.currency).toBeNull();

    const dir = join(tempDir(), 'plain');
    expect((await runCli(['cohort', PLAIN_ORDERS, TICKETS, ...COHORT, '--out', dir])).code).toBe(0);
    const spec = JSON.parse(readFileSync(join(dir, 'cohorts.vl.json'), 'utf8'));
    expect(spec.layer[0].encoding.y.title).toBe('Mean later spend');
    expect(readFileSync(join(dir, 'report.md'), 'utf8')).toContain('- Amounts: the orders name no currency');
  });

  it('validate --json puts the currency beside the amount column\'s min and max', async () => {
    const column = async (file: string) => {
      const json = JSON.parse((await runCli(['validate', file, '--json'])).out);
      return json.files[0].columns.find((c: { column: string }) => c.column === 'amount');
    };
    expect(await column(EURO_ORDERS)).toMatchObject({ min: '10', max: '1234.5', currency: 'EUR' });
    expect(await column(PLAIN_ORDERS)).toMatchObject({ currency: null });
  });

  it('--currency names the currency of a file whose amounts carry none', async () => {
    const { out } = await runCli(['cohort', PLAIN_ORDERS, TICKETS, ...COHORT, '--currency', 'CHF']);
    expect(out.split('\n')[2]).toMatch(/^No problem +2 +CHF 50\.00 +CHF [\d.]+–CHF [\d.]+ +CHF 50\.00 +50\.0%$/);
    const json = JSON.parse((await runCli(['cohort', PLAIN_ORDERS, TICKETS, ...COHORT, '--currency', 'usd', '--json'])).out);
    expect(json.currency).toBe('USD');
    expect(json.headline).toContain('spent 20% more');
  });
});
