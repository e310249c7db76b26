import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli, tempCsv } from './cli.js';

const ORDERS = 'fixtures/prevention/followup-orders.csv';
const TICKETS = 'fixtures/prevention/followup-tickets.csv';
const FAST = ['--bootstrap', '200'];

describe('cohort: the proactive follow-up comparison', () => {
  it('appears in --json when the tickets have a follow_up column, with the contract, adjusted, and the raw gap beside it', async () => {
    const { code, out } = await runCli(['cohort', ORDERS, TICKETS, '--json', ...FAST]);
    expect(code).toBe(0);
    const f = JSON.parse(out).proactiveFollowUp;
    expect(Object.keys(f)).toEqual(['with', 'without', 'difference', 'ci95', 'p', 'adjusted', 'raw', 'covariates']);
    expect(Object.keys(f.with)).toEqual(['customers', 'meanSpend', 'repeatRate', 'csat']);
    // Regression-adjusted as the cohort's groups are (OLS, HC3); the raw Welch gap stays beside it.
    expect(f.adjusted).toBe(true);
    // Every member is new in this fixture: prior spend, prior orders and new_customer are constant, dropped.
    expect(f.covariates).toEqual(['cohort_spend']);
    expect(f.raw.difference).toBeCloseTo(f.with.meanSpend - f.without.meanSpend, 9);
    // The fixture plants 62% vs 50% repeat and +10% per order (followUp.ts), at random.
    expect(f.with.customers + f.without.customers).toBe(320);
    expect(f.with.repeatRate).toBeGreaterThan(f.without.repeatRate);
    expect(f.ci95[0]).toBeLessThan(f.difference);
    expect(f.ci95[1]).toBeGreaterThan(f.difference);
  });

  it('says on the terminal and in report.md that follow-ups were not randomly assigned', async () => {
    const { out } = await runCli(['cohort', ORDERS, TICKETS, ...FAST]);
    expect(out).toContain('Proactive follow-up');
    expect(out).toMatch(/Resolved customers with a proactive follow-up \(140\) spent 77\.66 later, against 73\.71 without \(180\): raw \+3\.95 \(95% CI −17\.72 to \+25\.61; not significant, Welch p = 0\.72\); adjusted for spend and orders before the problem \+4\.53 \(95% CI −17\.61 to \+26\.67; not significant, p = 0\.69\)/);
    expect(out).toContain('Follow-ups were not randomly assigned');
  });

  it('is absent without the column, and the column can be mapped with --map', async () => {
    const plain = JSON.parse((await runCli(['cohort', 'fixtures/orders.csv', 'fixtures/tickets.csv', '--json', ...FAST])).out);
    expect(plain.proactiveFollowUp).toBeUndefined();
    const text = readFileSync(TICKETS, 'utf8').replace('follow_up', 'Called back');
    const renamed = tempCsv('tickets.csv', [text.trimEnd()]);
    const mapped = JSON.parse((await runCli(['cohort', ORDERS, renamed, '--json', '--map', 'tickets.follow_up=Called back', ...FAST])).out);
    const direct = JSON.parse((await runCli(['cohort', ORDERS, TICKETS, '--json', ...FAST])).out);
    expect(mapped.proactiveFollowUp).toEqual(direct.proactiveFollowUp);
  });

  it('an unreadable follow_up value empties the cell, counted; the ticket stays', async () => {
    const tickets = tempCsv('t.csv', ['customer_id,created_at,status,follow_up', 'a,2014-01-05,solved,maybe', 'b,2014-01-06,solved,yes']);
    const orders = tempCsv('o.csv', ['customer_id,order_date,amount', 'a,2014-01-02,10', 'b,2014-01-03,10', 'b,2014-04-30,5']);
    // One bad cell in two tickets is over the 5% limit: raised here to see what is counted.
    const { code, out } = await runCli(['cohort', orders, tickets, '--json', '--max-unusable', '100%', ...FAST]);
    expect(code).toBe(0);
    const tickets_ = JSON.parse(out).dataQuality.tickets;
    expect(tickets_.rowsUsed).toBe(2);
    expect(Object.values(tickets_.cellsEmptied)).toEqual([expect.objectContaining({ count: 1, firstLines: [2] })]);
  });
});
