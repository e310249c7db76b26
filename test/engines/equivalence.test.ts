import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engines/engine.js';
import { DEFAULT_INGEST_OPTIONS } from '../../src/ingest/records.js';
import { readOrders } from '../../src/ingest/readOrders.js';
import { readTickets } from '../../src/ingest/readTickets.js';
import { writeEdgeCases } from './edgeCases.js';
import { ENGINES, useEngine } from './engines.js';
import { cohortJson, engineGroups } from './equivalence.js';
import { ordersTable, rawCsvTable, ticketsTable } from './stage.js';

/**
 * The facts stage in SQL against the in-process path: on the same data, DuckDB and a real
 * PostgreSQL server give the groups and comparisons `cohort --json` prints, equal as printed
 * (every digit of every mean, median, total, interval and p-value), and its member and problem
 * ticket counts. See engines.ts for the servers. The adjusted analyses (baseline, preWindow,
 * adjusted, diffInDiff, stratified, revenueAtStake, repurchase) and proactiveFollowUp run only
 * on the in-process path for now, so they are not compared; the e2e tests
 * (test/e2e/cohortEngine.test.ts, cohortSource.test.ts) compare the rest of the document.
 */
const ORDER_PRESETS = ['shopify', 'stripe', 'woocommerce'];
const TICKET_PRESETS = ['zendesk', 'freshdesk', 'gorgias', 'helpscout'];

describe.each(ENGINES)('facts stage on %s', (_name, open) => {
  const engineOf = useEngine({ beforeAll, beforeEach, afterAll }, open);

  it('gives the groups of cohort --json on fixtures/orders.csv and fixtures/tickets.csv', async () => {
    const reference = await cohortJson('fixtures/orders.csv', 'fixtures/tickets.csv');
    const { groups, comparisons, rows } = await engineGroups(engineOf(), 'fixture', { orders: rawCsvTable('fixtures/orders.csv', 'orders'), tickets: rawCsvTable('fixtures/tickets.csv', 'tickets') }, reference);
    expect(groups).toEqual(reference.groups);
    expect(comparisons).toEqual(reference.comparisons);
    expect(rows.length).toBe(reference.counts.members);
    expect(rows.reduce((n, r) => n + r.problemTickets, 0)).toBe(reference.counts.problemTickets);
  });

  it.each([1, 2, 3])('gives the groups of cohort --json on the seeded edge-case data (seed %i)', async (seed) => {
    const dir = mkdtempSync(join(tmpdir(), 'loyalty-edge-'));
    const files = writeEdgeCases(dir, seed);
    const reference = await cohortJson(files.orders, files.tickets, ['--cohort', '2014-01']);
    const { groups, comparisons, rows } = await engineGroups(engineOf(), `edge${seed}`, { orders: rawCsvTable(files.orders, 'orders'), tickets: rawCsvTable(files.tickets, 'tickets') }, reference);
    expect(groups).toEqual(reference.groups);
    expect(comparisons).toEqual(reference.comparisons);
    expect(rows.length).toBe(reference.counts.members);
    expect(rows.reduce((n, r) => n + r.problemTickets, 0)).toBe(reference.counts.problemTickets);
  });

  it('gives the groups of cohort --json on every pair of preset samples', async () => {
    for (const ordersPreset of ORDER_PRESETS) {
      for (const ticketsPreset of TICKET_PRESETS) {
        const ordersFile = `fixtures/formats/${ordersPreset}-orders.csv`;
        const ticketsFile = `fixtures/formats/${ticketsPreset}-tickets.csv`;
        const reference = await cohortJson(ordersFile, ticketsFile);
        const orders = await readOrders(ordersFile, DEFAULT_INGEST_OPTIONS);
        const tickets = await readTickets(ticketsFile, DEFAULT_INGEST_OPTIONS);
        const staged = { orders: ordersTable(orders), tickets: ticketsTable(tickets) };
        // Columns a preset does not read are absent, as they are for the CSV path.
        staged.tickets = withoutAbsent(staged.tickets, tickets.present);
        // The staged amounts are plain numbers: the currency the file named (Shopify's USD)
        // reaches the engine path as --currency, as a user would pass it.
        const { groups, comparisons } = await engineGroups(engineOf(), `${ordersPreset}_${ticketsPreset}`, staged, reference, orders.currency ?? null);
        const pair = `${ordersPreset}+${ticketsPreset}`;
        expect({ pair, groups, comparisons }).toEqual({ pair, groups: reference.groups, comparisons: reference.comparisons });
      }
    }
  });
});

function withoutAbsent(table: ReturnType<typeof ticketsTable>, present: ReadonlySet<string>): ReturnType<typeof ticketsTable> {
  const keep = table.columns.map((c) => c.name === 'line' || present.has(c.name));
  return { columns: table.columns.filter((_, i) => keep[i]), rows: table.rows.map((r) => r.filter((_, i) => keep[i])) };
}
