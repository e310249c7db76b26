import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseCohortWindow } from '../../src/analysis/windows.js';
import { DIALECTS, type DialectName } from '../../src/engines/dialects.js';
import type { Engine } from '../../src/engines/engine.js';
import { readEngineFactsTable } from '../../src/engines/factsRows.js';
import { factsRows } from './factsRows.js';
import { factsSource } from '../../src/engines/factsSource.js';
import { factsSql, factsWindows } from '../../src/engines/factsSql.js';
import { cohortJson, engineGroups } from './equivalence.js';
import { ENGINES, useEngine } from './engines.js';
import { rawCsvTable, stage } from './stage.js';

/**
 * Every column of the facts table on a hand-built case, values worked out by hand below.
 * Cohort 2014-01, follow-up 3m = 2014-02-01..04-30, grace 14d = problem window ..02-14,
 * baseline 2013-01-01..2013-12-31.
 */
const ORDERS = [
  'order_id,customer_id,order_date,amount,status',
  'P1,A,2013-06-01,50,completed', //                 A's baseline: prior 50 / 1, not new
  'O1," Ann@Example.com",2014-01-01,10,CANCELLED', // first copy of O1: kept, not counted
  'O1,ann@example.com,2014-01-02,20,completed', //    repeated O1: dropped
  'O2,ann@example.com,2014-01-31 23:59:00,0.1,', //   last cohort day; empty status counts
  'O3,"ANN@example.com ",2014-01-15,0.2,paid', //     0.1 + 0.2 = 0.3 exactly
  'O4,A,2014-01-10,30,completed',
  'O5,A,2014-02-01,-5,completed', //                  refund on the first follow-up day
  'O6,A,2014-04-30,12.5, Refunded ', //               not counted
  'O7,A,2014-04-30,7.25,completed', //                last follow-up day: A later 2.25, 1 purchase, 88 days
  'P2,B,2012-12-31,99,completed', //                  before the baseline: not prior, but not new either; the first counted order
  'P3,B,2013-11-15,8.5,completed', //                 in the baseline and the pre-window (2013-10-01..12-31): prior and pre 8.5
  'O8,B,2014-01-20,40,completed',
  'O9,B,2014-05-01,60,completed', //                  after the follow-up: next order at 89 days
  'O10,C,2014-02-10,15,completed', //                 C: no cohort order, not a member
  'O8,C,2014-01-05,5,completed', //                   repeated O8 under C: dropped (B's row is first)
];
const TICKETS = [
  'ticket_id,customer_id,order_id,created_at,status,resolved,satisfaction',
  'T1,A,,2014-02-14 10:00:00,solved,,5', //           last day of the problem window: resolved
  'T2,A,,2014-02-15 09:00:00,open,,', //              a day after it: no problem
  'T3,B, O8 ,2014-03-01 08:00:00,closed,,bad', //     names B's cohort order: problem, unresolved (bad score)
  'T4,B,O9,2014-01-10 12:00:00,solved,,', //          names a follow-up order: no problem, though dated inside
  'T5,Ann@example.com,O1,2014-01-03 09:30:00,open,yes,', // names ann's (cancelled) cohort order; resolved column says yes
  'T6,ann@example.com,,2014-01-02 08:00:00,pending,,meh', // unreadable score: not rated, ticket kept; pending: unresolved
  'T7,a,,2014-01-05 00:00:00,open,,', //              'a' is not 'A' (only e-mail ids ignore case)
];

const EXPECTED = [
  { customerId: 'A', group: 'resolved', cohortSpend: 30, cohortOrders: 1, priorSpend: 50, priorOrders: 1, newCustomer: false, laterSpend: 2.25, laterOrders: 1, daysToNextOrder: 88, problemTickets: 1, unresolvedTickets: 0, firstProblemAt: '2014-02-14 10:00:00' },
  { customerId: 'B', group: 'unresolved', cohortSpend: 40, cohortOrders: 1, priorSpend: 8.5, priorOrders: 1, newCustomer: false, laterSpend: 0, laterOrders: 0, daysToNextOrder: 89, problemTickets: 1, unresolvedTickets: 1, firstProblemAt: '2014-03-01 08:00:00' },
  { customerId: 'ann@example.com', group: 'unresolved', cohortSpend: 0.3, cohortOrders: 2, priorSpend: 0, priorOrders: 0, newCustomer: true, laterSpend: 0, laterOrders: 0, daysToNextOrder: null, problemTickets: 2, unresolvedTickets: 1, firstProblemAt: '2014-01-02 08:00:00' },
];

describe.each(ENGINES)('the facts table on %s', (_name, open) => {
  let files: { orders: string; tickets: string };
  beforeAll(() => {
    const dir = mkdtempSync(join(tmpdir(), 'loyalty-facts-'));
    files = { orders: join(dir, 'orders.csv'), tickets: join(dir, 'tickets.csv') };
    writeFileSync(files.orders, ORDERS.map((l) => l.replace(/ *\/\/.*$/, '')).join('\n') + '\n');
    writeFileSync(files.tickets, TICKETS.map((l) => l.replace(/ *\/\/.*$/, '')).join('\n') + '\n');
  });
  const engineOf = useEngine({ beforeAll, beforeEach, afterAll }, open, async (e) => {
    await stage(e, 'hand_orders', rawCsvTable(files.orders, 'orders'));
    await stage(e, 'hand_tickets', rawCsvTable(files.tickets, 'tickets'));
  });

  const windows = factsWindows(parseCohortWindow('2014-01'), { count: 3, unit: 'm' }, { count: 14, unit: 'd' });
  const run = async (map: Record<string, string>) =>
    factsRows(await engineOf().rows(factsSql(DIALECTS[engineOf().name as DialectName], factsSource({ orders: 'hand_orders', tickets: 'hand_tickets' }, map, []), windows)), engineOf().name);

  it('computes every column as worked out by hand, keeping the first of repeated order ids by row order', async () => {
    expect(await run({ 'orders.row_order': 'line' })).toEqual(EXPECTED);
  });

  it('computes the appended columns and the run context by hand', async () => {
    const sql = factsSql(DIALECTS[engineOf().name as DialectName], factsSource({ orders: 'hand_orders', tickets: 'hand_tickets' }, { 'orders.row_order': 'line' }, []), windows);
    const facts = (await readEngineFactsTable(engineOf(), sql, 'hand'))!;
    expect(Array.from({ length: facts.count }, (_, m) => facts.customerId(m))).toEqual(['A', 'B', 'ann@example.com']);
    expect(Array.from(facts.preSpend)).toEqual([0, 8.5, 0]);
    // ann's last problem is T5 (01-03 09:30) after T6 (01-02 08:00); the table keeps the day.
    expect(Array.from(facts.lastProblemAt, (t) => new Date(t).toISOString().slice(0, 10))).toEqual(['2014-02-14', '2014-03-01', '2014-01-03']);
    // B: T3 names its cohort order O8, T4 its follow-up order O9 inside the problem window; ann: T5 names O1.
    expect(Array.from(facts.linkedTickets)).toEqual([0, 1, 1]);
    expect(Array.from(facts.excludedTickets)).toEqual([0, 1, 0]);
    const day = (d: number) => new Date(d * 86_400_000).toISOString().slice(0, 10);
    const w = facts.run.windows;
    expect([w.cohort.start, w.cohort.end, w.followUp.end, w.problem.end, w.baseline.start, w.pre.start].map(day)).toEqual([
      '2014-01-01', '2014-01-31', '2014-04-30', '2014-02-14', '2013-01-01', '2013-10-01',
    ]);
    expect([day(facts.run.dataFirstDay), day(facts.run.dataLastDay), facts.run.resolutionRule, facts.run.currency]).toEqual(['2012-12-31', '2014-05-01', 'resolved-column', null]);
  });

  it('gives the groups cohort --json gives on the same files', async () => {
    // T6's unreadable score is 1 of 7 rows, over the default 5% limit: raised, as a user would.
    const reference = await cohortJson(files.orders, files.tickets, ['--cohort', '2014-01', '--max-unusable', '20%']);
    const { groups, comparisons } = await engineGroups(engineOf(), 'hand2', { orders: rawCsvTable(files.orders, 'orders'), tickets: rawCsvTable(files.tickets, 'tickets') }, reference);
    expect(groups).toEqual(reference.groups);
    expect(comparisons).toEqual(reference.comparisons);
  });

  it('without a row-order column keeps the earliest-dated copy instead, as documented', async () => {
    // O8's copies: B's on 2014-01-20 (first in the file) and C's on 2014-01-05 (earlier). By
    // date C keeps O8, so B has no cohort order left and C becomes a member.
    const rows = await run({});
    expect(rows.map((r) => [r.customerId, r.cohortSpend, r.laterSpend])).toEqual([
      ['A', 30, 2.25],
      ['C', 5, 15],
      ['ann@example.com', 0.3, 0],
    ]);
  });
});
