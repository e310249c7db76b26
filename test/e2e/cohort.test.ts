import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempCsv, tempDir } from './cli.js';
import { ORDER_LINES } from './smallCohort.js';

// The members and their groups: see smallCohort.ts.
const ORDERS = tempCsv('orders.csv', [...ORDER_LINES, 'g,2014-05-01,5']);
/** The same orders without g's: the data ends 2014-04-01, 29 days before the follow-up does. */
const CENSORED_ORDERS = tempCsv('orders.csv', ORDER_LINES);
const TICKETS = tempCsv('tickets.csv', [
  'customer_id,created_at,status',
  'c,2014-01-08 10:00,solved',
  'd,2014-01-09 11:00,open',
  'e,2014-01-10 12:00,closed',
  'f,2014-02-14 23:00,pending',
  'g,2014-05-02 09:00,open',
]);

interface Json {
  cohort: { start: string; end: string };
  followUp: { start: string; end: string };
  groups: Record<string, Record<string, unknown>>;
  comparisons: { a: string; b: string; lift: number | null; welchP: number | null; mannWhitneyP: number | null }[];
  headline: string;
  censoring: { dataEnd: string; missingDays: number } | null;
  options: { seed: number; follow: string; cohort: string | null };
  dataQuality: Record<string, { file: string; rowsRead: number; rowsUsed: number; rowsSkipped: number }>;
}

async function cohortJson(...args: string[]): Promise<Json> {
  const { code, out, err } = await runCli(['cohort', ...args, '--json']);
  expect(err).not.toMatch(/^error/m);
  expect(code).toBe(0);
  return JSON.parse(out) as Json;
}

describe('loyalty cohort on hand-built files', () => {
  it('splits the cohort into the three groups with hand-computed sizes, means, medians and repeat rates', async () => {
    const json = await cohortJson(ORDERS, TICKETS, '--cohort', '2014-01');
    expect(json.cohort).toEqual({ start: '2014-01-01', end: '2014-01-31' });
    expect(json.followUp).toEqual({ start: '2014-02-01', end: '2014-04-30' });
    const { ci95: _a, ...noProblem } = json.groups.no_problem;
    const { ci95: _b, ...resolved } = json.groups.resolved;
    const { ci95: _c, ...unresolved } = json.groups.unresolved;
    expect(noProblem).toEqual({ customers: 2, meanSpend: 50, medianSpend: 50, repeatRate: 0.5, totalSpend: 100, baselineMeanSpend: 40, liftVsNoProblem: null, currency: null });
    // JSON numbers are written exactly as computed (no rounding to 10 digits any more): the
    // lift is the double 60 / 50 - 1 = 0.19999999999999996, which prints as +20% in text.
    expect(resolved).toEqual({ customers: 2, meanSpend: 60, medianSpend: 60, repeatRate: 1, totalSpend: 120, baselineMeanSpend: 25, liftVsNoProblem: 60 / 50 - 1, currency: null });
    expect(unresolved).toEqual({ customers: 2, meanSpend: 5, medianSpend: 5, repeatRate: 0.5, totalSpend: 10, baselineMeanSpend: 45, liftVsNoProblem: -0.9, currency: null });
    expect(json.comparisons.map((c) => [c.a, c.b, c.lift])).toEqual([
      ['resolved', 'no_problem', 60 / 50 - 1],
      ['unresolved', 'no_problem', -0.9],
      ['resolved', 'unresolved', 11],
    ]);
    expect(json.censoring).toBeNull();
  });

  it('--json prints one document with the documented shape and nothing else on stdout', async () => {
    const { code, out } = await runCli(['cohort', ORDERS, TICKETS, '--cohort', '2014-01', '--json']);
    expect(code).toBe(0);
    const json = JSON.parse(out) as Json;
    expect(Object.keys(json).slice(0, 4)).toEqual(['cohort', 'followUp', 'groups', 'comparisons']);
    expect(Object.keys(json.groups)).toEqual(['no_problem', 'resolved', 'unresolved']);
    for (const g of Object.values(json.groups)) {
      expect(Object.keys(g)).toEqual(
        expect.arrayContaining(['customers', 'meanSpend', 'medianSpend', 'repeatRate', 'totalSpend', 'baselineMeanSpend', 'ci95']),
      );
      const [lo, hi] = g.ci95 as [number, number];
      expect(lo).toBeLessThanOrEqual(g.meanSpend as number);
      expect(hi).toBeGreaterThanOrEqual(g.meanSpend as number);
    }
    for (const c of json.comparisons) {
      expect(Object.keys(c).sort()).toEqual(['a', 'b', 'lift', 'mannWhitneyP', 'welchP']);
      for (const p of [c.welchP!, c.mannWhitneyP!]) expect(p).toBeGreaterThan(0), expect(p).toBeLessThanOrEqual(1);
    }
    expect(Object.keys(json.dataQuality)).toEqual(['orders', 'tickets']);
    expect(json.dataQuality.orders).toMatchObject({ file: ORDERS, rowsRead: 12, rowsUsed: 12, rowsSkipped: 0 });
    expect(json.dataQuality.tickets).toMatchObject({ file: TICKETS, rowsRead: 5, rowsUsed: 5, rowsSkipped: 0 });
  });

  it('prints the table, the headline and the windows on a terminal; caveats go to stderr', async () => {
    const { code, out, err } = await runCli(['cohort', ORDERS, TICKETS, '--cohort', '2014-01']);
    expect(code).toBe(0);
    const lines = out.split('\n');
    expect(lines[0]).toMatch(/^Group +Customers +Mean later spend +95% CI +Median +Repeat rate +vs no problem$/);
    // The amounts carry no symbol or code: no currency is shown, and the output says why.
    expect(lines[2]).toMatch(/^No problem +2 +50\.00 +[\d.]+–[\d.]+ +50\.00 +50\.0%$/);
    expect(lines[3]).toMatch(/^Problem resolved +2 +60\.00 +[\d.]+–[\d.]+ +60\.00 +100\.0% +\+20% \(p = 0\.88\)$/);
    expect(lines[4]).toMatch(/^Problem unresolved +2 +5\.00 +[\d.]+–[\d.]+ +5\.00 +50\.0% +−90% \(p = 0\.53\)$/);
    expect(out).toContain('Amounts: the orders name no currency (no symbol or code in the amount column), so money is shown without one; --currency CODE names it.');
    expect(out).toContain('Customers whose problem was resolved spent 20% more than those with no problem (not significant, Welch p = 0.88)');
    expect(out).toContain('Cohort 2014-01-01..2014-01-31 (given with --cohort): 6 customers with a counted order in it');
    expect(err).toContain('warning: the “No problem” group has only 2 customers');
    expect(err).not.toContain('follow-up window');
  });

  it('gives byte-identical output on a rerun, on stdout and in --out files', async () => {
    const args = ['cohort', ORDERS, TICKETS, '--cohort', '2014-01'];
    expect((await runCli([...args, '--json'])).out).toBe((await runCli([...args, '--json'])).out);
    const [one, two] = [tempDir(), tempDir()];
    const first = await runCli([...args, '--out', one]);
    await runCli([...args, '--out', two]);
    const files = ['adjusted-vs-raw.vl.json', 'cohorts.vl.json', 'facts.csv', 'recovery.csv', 'repurchase.vl.json', 'report.md'];
    expect(first.err).toContain(`wrote ${files.map((f) => join(one, f)).join(', ')}`);
    expect(readdirSync(one).sort()).toEqual(['.loyalty-manifest.json', ...files].sort());
    for (const name of readdirSync(one)) expect(readFileSync(join(two, name))).toEqual(readFileSync(join(one, name)));
  });

  it('--out writes report.md linking the chart and a Vega-Lite spec', async () => {
    const dir = tempDir();
    const { code } = await runCli(['cohort', ORDERS, TICKETS, '--cohort', '2014-01', '--out', dir]);
    expect(code).toBe(0);
    const report = readFileSync(join(dir, 'report.md'), 'utf8');
    expect(report.split('\n')[0]).toBe('# Service recovery: later spend of the 2014-01-01..2014-01-31 cohort');
    expect(report).toContain('- [Mean later spend by group](cohorts.vl.json)');
    expect(report).toContain('## Caveats');
    const spec = JSON.parse(readFileSync(join(dir, 'cohorts.vl.json'), 'utf8'));
    expect(spec.$schema).toMatch(/vega-lite/);
    expect(spec.data.values.map((v: { meanSpend: number }) => v.meanSpend)).toEqual([50, 60, 5]);
  });

  it('warns loudly on stderr when the data ends before the follow-up window does', async () => {
    const { code, out, err } = await runCli(['cohort', CENSORED_ORDERS, TICKETS, '--cohort', '2014-01', '--json']);
    expect(code).toBe(0);
    const json = JSON.parse(out) as Json;
    expect(json.censoring).toEqual({ dataEnd: '2014-04-01', missingDays: 29 });
    expect(json.headline).toContain('(partial: the orders end 2014-04-01, 29 days before the follow-up window does)');
    expect(err).toContain(
      'warning: the follow-up window 2014-02-01..2014-04-30 runs 29 days past the last counted order (2014-04-01): later spend and repeat rates are partial and understated.',
    );
  });

  it('warns once per file about skipped rows and counts them in dataQuality', async () => {
    const orders = tempCsv('orders.csv', [...ORDER_LINES, 'g,2014-05-01,5', 'h,2014-01-11,']);
    const tickets = tempCsv('tickets.csv', [...readFileSync(TICKETS, 'utf8').trimEnd().split('\n'), ',2014-01-09,open']);
    const { code, out, err } = await runCli(['cohort', orders, tickets, '--cohort', '2014-01', '--json']);
    expect(code).toBe(0);
    const json = JSON.parse(out) as Json;
    expect(json.dataQuality.orders).toMatchObject({ rowsRead: 13, rowsUsed: 12, rowsSkipped: 1 });
    expect(json.dataQuality.tickets).toMatchObject({ rowsRead: 6, rowsUsed: 5, rowsSkipped: 1 });
    expect(err.split('\n').filter((l) => l.startsWith(`warning: ${orders}: skipped 1 of 13 rows`))).toHaveLength(1);
    expect(err.split('\n').filter((l) => l.startsWith(`warning: ${tickets}: skipped 1 of 6 rows`))).toHaveLength(1);
  });
});

/**
 * 40 no-problem members: member i (1..40) spent $10 in the cohort and $i later when i ≤ 30,
 * nothing later otherwise: mean 465/40 = 11.625, median (10 + 11)/2 = 10.5, repeat 30/40.
 * Enough customers that the bootstrap interval depends on the seed.
 */
function largerCohort(): { orders: string; tickets: string } {
  const lines = ['customer_id,order_date,amount'];
  for (let i = 1; i <= 40; i++) {
    lines.push(`n${i},2014-01-${String(1 + (i % 28)).padStart(2, '0')},10`);
    if (i <= 30) lines.push(`n${i},2014-02-15,${i}`);
  }
  lines.push('z,2014-06-01,1');
  return { orders: tempCsv('orders.csv', lines), tickets: tempCsv('tickets.csv', ['customer_id,created_at', 'z,2014-06-02']) };
}

describe('loyalty cohort seeds', () => {
  it('--seed changes only the bootstrap intervals (and the seed it echoes)', async () => {
    const { orders, tickets } = largerCohort();
    const one = await cohortJson(orders, tickets, '--cohort', '2014-01', '--seed', '1');
    const two = await cohortJson(orders, tickets, '--cohort', '2014-01', '--seed', '2');
    expect(one.groups.no_problem).toMatchObject({ customers: 40, meanSpend: 11.625, medianSpend: 10.5, repeatRate: 0.75, totalSpend: 465 });
    expect(one.groups.no_problem.ci95).not.toEqual(two.groups.no_problem.ci95);
    const strip = (j: Json) => {
      for (const g of Object.values(j.groups)) delete g.ci95;
      return { ...j, options: { ...j.options, seed: 0 } };
    };
    expect(strip(two)).toEqual(strip(one));
  });
});

describe('loyalty cohort errors', () => {
  const noStackTrace = (err: string) => expect(err).not.toMatch(/^\s+at /m);

  it.each([
    [['--frobnicate'], /unknown option '--frobnicate'/],
    [['--cohort', '2014-13'], /--cohort "2014-13" is not a month or a date range; use a month like --cohort 2014-01/],
    [['--cohort', '2014-02-01..2014-01-01'], /ends before it starts; write the earlier date first, e\.g\. --cohort 2014-01-01\.\.2014-02-01/],
    [['--follow', '3 months'], /--follow "3 months" is not .* e\.g\. --follow 3m/],
    [['--grace', '-1d'], /--grace "-1d" is not .* e\.g\. --grace 14d/],
    [['--seed', 'x'], /--seed "x" is not a whole number of at least 0, e\.g\. --seed 7/],
    [['--bootstrap', '0'], /--bootstrap "0" is not a whole number of at least 1, e\.g\. --bootstrap 2000/],
    [['--date-format', 'YMD'], /--date-format "YMD" is not MDY or DMY; use MDY for 3\/31\/2014 or DMY for 31\/3\/2014/],
    [['--tickets-format', 'kayako'], /--tickets-format "kayako" is not a known tickets format; use one of: auto, canonical, /],
    [['--map', 'amount=Total'], /--map "amount=Total" is not of the form role\.column=Header/],
  ])('%j is a usage error (64) with an example, checked before any file is read', async (flags, message) => {
    const { code, out, err } = await runCli(['cohort', '/no/such/orders.csv', '/no/such/tickets.csv', ...flags]);
    expect(code).toBe(64);
    expect(out).toBe('');
    expect(err).toMatch(message);
    noStackTrace(err);
  });

  it('a missing file exits 66 naming it', async () => {
    const { code, out, err } = await runCli(['cohort', ORDERS, '/no/such/tickets.csv']);
    expect([code, out]).toEqual([66, '']);
    expect(err).toBe('error: /no/such/tickets.csv: no such file; check the path of the tickets export.\n');
  });

  it('a missing tickets file exits 66 before the orders file is read, even when the orders file is broken', async () => {
    const headerOnly = tempCsv('orders.csv', ['customer_id,order_date,amount']);
    const { code, out, err } = await runCli(['cohort', headerOnly, '/no/such/tickets.csv']);
    expect([code, out]).toEqual([66, '']);
    expect(err).toBe('error: /no/such/tickets.csv: no such file; check the path of the tickets export.\n');
  });

  it('an empty file exits 65 naming it', async () => {
    const empty = join(tempDir(), 'orders.csv');
    writeFileSync(empty, '');
    const { code, out, err } = await runCli(['cohort', empty, TICKETS]);
    expect([code, out]).toEqual([65, '']);
    expect(err).toBe(`error: ${empty} is empty (0 bytes); export the orders again, with a header row and data.\n`);
  });

  it('a missing required column exits 65 naming the file, the column, the headers found and the --map fix', async () => {
    const orders = tempCsv('orders.csv', ['customer_id,order_date,total', 'a,2014-01-05,50']);
    const { code, out, err } = await runCli(['cohort', orders, TICKETS]);
    expect([code, out]).toEqual([65, '']);
    expect(err).toBe(
      `error: ${orders}: no amount column (headers found: customer_id, order_date, total); add --map orders.amount="total" to say which header holds it.\n`,
    );
  });

  it('--strict with an unusable row exits 65 naming file, line, column and value', async () => {
    const orders = tempCsv('orders.csv', [...ORDER_LINES, 'h,2014-01-11,abc']);
    const { code, out, err } = await runCli(['cohort', orders, TICKETS, '--strict']);
    expect([code, out]).toEqual([65, '']);
    expect(err).toMatch(new RegExp(`^error: ${orders}:13: unparseable amount in amount: "abc"; `));
    noStackTrace(err);
  });

  it('an --out directory that cannot be made exits 73 naming it', async () => {
    const out = join(ORDERS, 'report');
    const { code, out: stdout, err } = await runCli(['cohort', ORDERS, TICKETS, '--cohort', '2014-01', '--out', out]);
    expect([code, stdout]).toEqual([73, '']);
    expect(err).toContain(`error: cannot write into ${out} (ENOTDIR); check that ${out} is a writable directory with free space.\n`);
  });

  it('a cohort window with no members exits 65 and says where the data is', async () => {
    const { code, out, err } = await runCli(['cohort', ORDERS, TICKETS, '--cohort', '2013-06']);
    expect([code, out]).toEqual([65, '']);
    expect(err).toContain('no customer has a counted order in the cohort window 2013-06-01..2013-06-30');
    expect(err).toContain('e.g. --cohort 2014-01');
  });
});

describe('loyalty cohort with loyalty.config.json', () => {
  function configDir(config: unknown): string {
    const dir = tempDir();
    writeFileSync(join(dir, 'loyalty.config.json'), JSON.stringify(config));
    return dir;
  }

  it('takes windows and seed from the file', async () => {
    const dir = configDir({ windows: { cohort: '2014-01', follow: '1m' }, seed: 5 });
    const { code, out } = await runCli(['cohort', ORDERS, TICKETS, '--json'], dir);
    expect(code).toBe(0);
    const json = JSON.parse(out) as Json;
    expect(json.followUp).toEqual({ start: '2014-02-01', end: '2014-02-28' });
    expect(json.options).toMatchObject({ cohort: '2014-01', follow: '1m', seed: 5 });
    // Follow-up February only: a spent $100, e $40, nobody else.
    expect(json.groups.no_problem.meanSpend).toBe(50);
    expect(json.groups.resolved.meanSpend).toBe(20);
  });

  it('a flag overrides the file', async () => {
    const dir = configDir({ windows: { cohort: '2014-01', follow: '1m' } });
    const { out } = await runCli(['cohort', ORDERS, TICKETS, '--json', '--follow', '2m'], dir);
    expect((JSON.parse(out) as Json).followUp).toEqual({ start: '2014-02-01', end: '2014-03-31' });
  });

  it('an unknown key exits 64 naming the key', async () => {
    const { code, out, err } = await runCli(['cohort', ORDERS, TICKETS], configDir({ windows: { folow: '3m' } }));
    expect([code, out]).toEqual([64, '']);
    expect(err).toBe('error: loyalty.config.json: unknown key "windows.folow"; valid keys in "windows" are: cohort, follow, grace.\n');
  });
});

describe('loyalty cohort on the bundled fixtures', () => {
  it('picks January 2014 by default and finds later spend near $100 / $106 / $20', async () => {
    const json = await cohortJson('fixtures/orders.csv', 'fixtures/tickets.csv');
    expect(json.cohort).toEqual({ start: '2014-01-01', end: '2014-01-31' });
    expect(json.censoring).toBeNull();
    const near = (actual: unknown, target: number) => expect(Math.abs((actual as number) / target - 1)).toBeLessThan(0.05);
    near(json.groups.no_problem.meanSpend, 100);
    near(json.groups.resolved.meanSpend, 106);
    near(json.groups.unresolved.meanSpend, 20);
  });
});
