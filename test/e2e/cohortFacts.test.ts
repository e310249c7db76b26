import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { runCli, tempCsv, tempDir } from './cli.js';

/**
 * Cohort March 2014 (--cohort 2014-03 --follow 1m): follow-up 2014-04-01..2014-04-30,
 * baseline (12m) 2013-03-01..2014-02-28, pre-window (1m) 2014-02-01..2014-02-28. Text order
 * ids, e-mail customers in two cases, a refund, cancelled orders. Counted orders end
 * 2014-05-10 (z), so repurchase is censored 39 days after 2014-04-01.
 *   a@x.com  no problem: #1 before the baseline (so not new), prior 40 + 25 (2 purchases),
 *            cohort 60, later 30 on day 19
 *   b        resolved: new; cohort 20 − 5 refund (1 purchase); next purchase 2014-05-03 = day 32
 *   c        unresolved (two tickets, neither resolved): new (its February order was
 *            cancelled), cohort 50, its April order cancelled: censored
 *   d        resolved: prior 8 (January), cohort 30, later 45 on day 0
 * Pre-window spend: a's February 25 only (c's February order was cancelled). Linked tickets:
 * T1 (b, #6) and T2 (c, #9) name cohort orders; T5 is a's, inside the problem window
 * (to 2014-04-14, grace 14d) but names the follow-up order #5: excluded, not a problem.
 * Context: counted orders run 2013-02-15 (#1) to 2014-05-10; tickets have status, no resolved
 * column (status-and-score); bare amounts, no currency.
 */
const ORDERS = tempCsv('orders.csv', [
  'order_id,customer_id,order_date,amount,status',
  '#1,A@x.com,2013-02-15,999,completed',
  '#2,a@x.com,2013-06-10,40,completed',
  '#3,a@x.com,2014-02-10,25,completed',
  '#4,a@x.com,2014-03-05,60,completed',
  '#5,a@x.com,2014-04-20,30,completed',
  '#6,b,2014-03-07,20,completed',
  '#7,b,2014-03-20,-5,completed',
  '#8,b,2014-05-03,10,completed',
  '#9,c,2014-03-10,50,completed',
  '#10,c,2014-04-02,15,cancelled',
  '#11,c,2014-02-05,12,cancelled',
  '#12,d,2014-01-15,8,completed',
  '#13,d,2014-03-12,30,completed',
  '#14,d,2014-04-01,45,completed',
  '#15,z,2014-05-10,1,completed',
]);
const TICKETS = tempCsv('tickets.csv', [
  'ticket_id,customer_id,order_id,created_at,status,satisfaction',
  'T1,b,#6,2014-03-08 10:00,solved,5',
  'T2,c,#9,2014-03-11 09:00,open,',
  'T3,c,,2014-03-25 12:00,solved,2',
  'T4,d,,2014-03-15 08:00,solved,4',
  'T5,a@x.com,#5,2014-03-30 09:00,solved,',
]);
const ARGS = ['cohort', ORDERS, TICKETS, '--cohort', '2014-03', '--follow', '1m'];

const CONTEXT = '2014-03-01,2014-03-31,2014-04-30,2014-04-14,2013-03-01,2014-02-01,2013-02-15,2014-05-10,status-and-score,';
const FACTS_CSV = [
  'customer_id,group,cohort_spend,cohort_orders,prior_spend,prior_orders,new_customer,later_spend,later_orders,days_to_next_order,problem_tickets,unresolved_tickets,first_problem_at,' +
    'pre_spend,last_problem_at,linked_tickets,excluded_tickets,cohort_start,cohort_end,follow_up_end,problem_end,baseline_start,pre_start,data_first_day,data_last_day,resolution_rule,currency',
  `a@x.com,no_problem,60,1,65,2,false,30,1,19,0,0,,25,,0,1,${CONTEXT}`,
  `b,resolved,15,1,0,0,true,0,0,32,1,0,2014-03-08,0,2014-03-08,1,0,${CONTEXT}`,
  `c,unresolved,50,1,0,0,true,0,0,,2,2,2014-03-11,0,2014-03-25,1,0,${CONTEXT}`,
  `d,resolved,30,1,8,1,false,45,1,0,1,0,2014-03-15,0,2014-03-15,0,0,${CONTEXT}`,
  '',
].join('\n');
const PARQUET_CONTEXT = {
  cohort_start: '2014-03-01', cohort_end: '2014-03-31', follow_up_end: '2014-04-30', problem_end: '2014-04-14', baseline_start: '2013-03-01', pre_start: '2014-02-01',
  data_first_day: '2013-02-15', data_last_day: '2014-05-10', resolution_rule: 'status-and-score', currency: null,
};

async function duck(sql: string): Promise<Record<string, unknown>[]> {
  const db = await DuckDBInstance.create(':memory:');
  const connection = await db.connect();
  return (await connection.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
}

describe('loyalty cohort --facts and --out (per-customer facts)', () => {
  it('writes the hand-computed facts table as CSV', async () => {
    const file = join(tempDir(), 'facts.csv');
    const { code } = await runCli([...ARGS, '--facts', file]);
    expect(code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(FACTS_CSV);
  });

  it('writes Parquet that DuckDB opens with the same rows and types as the CSV', async () => {
    const dir = tempDir();
    const parquet = join(dir, 'facts.parquet');
    expect((await runCli([...ARGS, '--facts', parquet])).code).toBe(0);
    const rows = await duck(`select * from read_parquet('${parquet}') order by customer_id`);
    expect(rows.map((r) => Object.keys(r))[0]).toEqual(FACTS_CSV.split('\n')[0]!.split(','));
    expect(rows).toEqual([
      { customer_id: 'a@x.com', group: 'no_problem', cohort_spend: 60, cohort_orders: 1, prior_spend: 65, prior_orders: 2, new_customer: false, later_spend: 30, later_orders: 1, days_to_next_order: 19, problem_tickets: 0, unresolved_tickets: 0, first_problem_at: null, pre_spend: 25, last_problem_at: null, linked_tickets: 0, excluded_tickets: 1, ...PARQUET_CONTEXT },
      { customer_id: 'b', group: 'resolved', cohort_spend: 15, cohort_orders: 1, prior_spend: 0, prior_orders: 0, new_customer: true, later_spend: 0, later_orders: 0, days_to_next_order: 32, problem_tickets: 1, unresolved_tickets: 0, first_problem_at: '2014-03-08', pre_spend: 0, last_problem_at: '2014-03-08', linked_tickets: 1, excluded_tickets: 0, ...PARQUET_CONTEXT },
      { customer_id: 'c', group: 'unresolved', cohort_spend: 50, cohort_orders: 1, prior_spend: 0, prior_orders: 0, new_customer: true, later_spend: 0, later_orders: 0, days_to_next_order: null, problem_tickets: 2, unresolved_tickets: 2, first_problem_at: '2014-03-11', pre_spend: 0, last_problem_at: '2014-03-25', linked_tickets: 1, excluded_tickets: 0, ...PARQUET_CONTEXT },
      { customer_id: 'd', group: 'resolved', cohort_spend: 30, cohort_orders: 1, prior_spend: 8, prior_orders: 1, new_customer: false, later_spend: 45, later_orders: 1, days_to_next_order: 0, problem_tickets: 1, unresolved_tickets: 0, first_problem_at: '2014-03-15', pre_spend: 0, last_problem_at: '2014-03-15', linked_tickets: 0, excluded_tickets: 0, ...PARQUET_CONTEXT },
    ]);
  });

  it('--out writes facts.csv, recovery.csv and both charts; tiny groups give nulls and a caveat, never NaN', async () => {
    const dir = tempDir();
    const { code, out } = await runCli([...ARGS, '--out', dir, '--json']);
    expect(code).toBe(0);
    for (const f of ['facts.csv', 'recovery.csv', 'repurchase.vl.json', 'report.md']) expect(existsSync(join(dir, f))).toBe(true);
    // No gap could be estimated (groups of one): no adjusted-vs-raw chart rather than an empty one.
    expect(existsSync(join(dir, 'adjusted-vs-raw.vl.json'))).toBe(false);
    expect(readFileSync(join(dir, 'facts.csv'), 'utf8')).toBe(FACTS_CSV);
    expect(readFileSync(join(dir, 'recovery.csv'), 'utf8').split('\n')[1]).toBe('c,unresolved,50,1,0,0,true,0,0,,2,2,2014-03-11,2,2014-03-25,');
    expect(out).not.toMatch(/NaN/);
    const json = JSON.parse(out);
    expect(json.baseline).toEqual({ start: '2013-03-01', end: '2014-02-28' });
    expect(json.preWindow).toEqual({ start: '2014-02-01', end: '2014-02-28' });
    expect(json.adjusted.comparisons.map((c: { difference: unknown }) => c.difference)).toEqual([null, null, null]);
    expect(json.revenueAtStake).toEqual({ customers: 1, perCustomer: null, total: null, ci95: null, currency: null });
    expect(json.repurchase.groups.unresolved).toEqual({ events: 0, censored: 1, medianDays: null, ci95: [null, null] });
    // d back on day 0 of 2 at risk: S(0) = 1/2 ≤ 0.5, so the median is day 0 (the first time
    // the curve reaches one half; R would print the midpoint of the flat stretch, 16).
    expect(json.repurchase.groups.resolved.medianDays).toBe(0);
    expect(json.adjustmentCaveats.join(' ')).toMatch(/no_problem and unresolved have fewer than 2 members/);
    const report = readFileSync(join(dir, 'report.md'), 'utf8');
    expect(report).toMatch(/## Method: the adjusted comparison/);
    expect(report).toMatch(/unmeasured confounders/);
  });

  it('--json carries every field of the contract on the bundled fixture, in the data currency', async () => {
    const { out } = await runCli(['cohort', 'fixtures/orders.csv', 'fixtures/tickets.csv', '--json']);
    const json = JSON.parse(out);
    expect(Object.keys(json.adjusted)).toEqual(['covariates', 'dropped', 'n', 'k', 'comparisons']);
    expect(json.adjusted.comparisons[2]).toMatchObject({ a: 'resolved', b: 'unresolved' });
    expect(Object.keys(json.adjusted.comparisons[0])).toEqual(['a', 'b', 'difference', 'ci95', 'p']);
    expect(Object.keys(json.diffInDiff.comparisons[0])).toEqual(['a', 'b', 'difference', 'ci95', 'p']);
    expect(Object.keys(json.stratified.comparisons[0])).toEqual(['a', 'b', 'difference']);
    expect(Object.keys(json.revenueAtStake)).toEqual(['customers', 'perCustomer', 'total', 'ci95', 'currency']);
    expect(Object.keys(json.repurchase)).toEqual(['groups', 'logRank']);
    expect(Object.keys(json.repurchase.logRank)).toEqual(['chi2', 'df', 'p']);
    expect(json.revenueAtStake.customers).toBe(129);
    expect(json.revenueAtStake.total).toBeCloseTo(129 * json.revenueAtStake.perCustomer, 6);
  });

  it('prints money in the data currency: euros in, euros out', async () => {
    // Two members per group: a, b no problem; c, e resolved; d, f unresolved.
    const orders = tempCsv('eu.csv', [
      'customer_id;order_date;amount',
      'a;2014-01-05;50,00 €', 'b;2014-01-06;30,00 €', 'c;2014-01-07;40,00 €', 'd;2014-01-08;20,00 €', 'e;2014-01-09;10,00 €', 'f;2014-01-10;70,00 €',
      'a;2014-02-10;100,00 €', 'c;2014-03-01;60,00 €', 'c;2014-04-01;20,00 €', 'e;2014-02-20;40,00 €', 'f;2014-03-15;10,00 €', 'g;2014-05-01;5,00 €',
    ]);
    const tickets = tempCsv('eut.csv', ['customer_id,created_at,status', 'c,2014-01-08,solved', 'e,2014-01-10,solved', 'd,2014-01-09,open', 'f,2014-02-14,open']);
    const { out } = await runCli(['cohort', orders, tickets, '--cohort', '2014-01']);
    expect(out).toMatch(/Resolving the 2 unresolved customers' problems was worth about €\d/);
    expect(out).not.toMatch(/\$\d[^\n]*adjusted for/);
    const json = JSON.parse((await runCli(['cohort', orders, tickets, '--cohort', '2014-01', '--json'])).out);
    expect(json.revenueAtStake.currency).toBe('EUR');
  });
});

describe('a month range (--cohort YYYY-MM..YYYY-MM)', () => {
  it('adds the monthly table and its trend sentence to cohort and report, and the monthly chart', async () => {
    const dir = tempDir();
    const { code, out } = await runCli(['cohort', 'fixtures/orders.csv', 'fixtures/tickets.csv', '--cohort', '2013-12..2014-01', '--out', dir, '--bootstrap', '50']);
    expect(code).toBe(0);
    expect(out).toMatch(/2014-01 +1,000 +86\.00 \[69\.55, 102\.45\] +86\.00 \[69\.55, 102\.45\]/);
    expect(out).toContain('Too few complete months with an adjusted interval (at least 3 are needed) to test for a trend.');
    expect(existsSync(join(dir, 'monthly-gaps.vl.json'))).toBe(true);
    const report = join(tempDir(), 'r');
    expect((await runCli(['report', 'fixtures/orders.csv', 'fixtures/tickets.csv', '--cohort', '2013-12..2014-01', '--out', report, '--bootstrap', '50'])).code).toBe(0);
    expect(readFileSync(join(report, 'report.md'), 'utf8')).toContain('### Monthly cohorts');
    expect(existsSync(join(report, 'monthly-gaps.svg'))).toBe(true);
  }, 60_000);
});
