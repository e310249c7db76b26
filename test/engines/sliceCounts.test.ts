import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS, type DialectName } from '../../src/engines/dialects.js';
import type { Engine } from '../../src/engines/engine.js';
import { factsSource } from '../../src/engines/factsSource.js';
import { sliceCountsSql } from '../../src/engines/sliceCountsSql.js';
import { sliceCountsByDimension } from '../../src/engines/sliceCountsRows.js';
import { DEFAULT_INGEST_OPTIONS } from '../../src/ingest/records.js';
import { loadTickets } from '../../src/ingest/load.js';
import { runCli } from '../e2e/cli.js';
import { writeEdgeCases } from './edgeCases.js';
import { ENGINES, useEngine } from './engines.js';
import { rawCsvTable, stage, ticketsTable, type StagedTable } from './stage.js';

/** Per dimension, key → [tickets, rated, satisfied] of the slices holding tickets, as `slices --json` prints them. */
async function slicesCounts(file: string): Promise<Record<string, Record<string, number[]>>> {
  const { code, out, err } = await runCli(['slices', file, '--json']);
  if (code !== 0) throw new Error(err);
  const doc = JSON.parse(out) as { dimensions: Record<string, { key: string; tickets: number; rated: number; satisfied: number }[]> };
  const result: Record<string, Record<string, number[]>> = {};
  for (const [dimension, slices] of Object.entries(doc.dimensions)) {
    result[dimension] = Object.fromEntries(slices.filter((s) => s.tickets > 0).map((s) => [s.key, [s.tickets, s.rated, s.satisfied]]));
  }
  return result;
}

async function engineCounts(engine: Engine, name: string, table: StagedTable, dimensions: string[]): Promise<Record<string, Record<string, number[]>>> {
  await stage(engine, name, table);
  const has = (c: string) => table.columns.some((x) => x.name === c);
  const absent = ['order_id', 'status', 'resolved', 'satisfaction', 'reason', 'channel', 'agent'].filter((c) => !has(c)).map((c) => `tickets.${c}`);
  const source = factsSource({ orders: 'unused', tickets: name }, {}, absent);
  const byDimension = sliceCountsByDimension(await engine.rows(sliceCountsSql(DIALECTS[engine.name as DialectName], source)), engine.name);
  const result: Record<string, Record<string, number[]>> = {};
  for (const dimension of dimensions) {
    result[dimension] = Object.fromEntries([...byDimension[dimension as keyof typeof byDimension]].map(([k, c]) => [k, [c.tickets, c.rated, c.satisfied]]));
  }
  return result;
}

describe.each(ENGINES)('slice counts on %s', (_name, open) => {
  const engineOf = useEngine({ beforeAll, beforeEach, afterAll }, open);

  it('equal the counts of slices --json on fixtures/tickets.csv', async () => {
    const reference = await slicesCounts('fixtures/tickets.csv');
    expect(await engineCounts(engineOf(), 'slice_fixture', rawCsvTable('fixtures/tickets.csv', 'tickets'), Object.keys(reference))).toEqual(reference);
  });

  it('equal the counts of slices --json on seeded edge-case tickets (mixed-case scores, unreadable ones counted as not rated)', async () => {
    const files = writeEdgeCases(mkdtempSync(join(tmpdir(), 'loyalty-slices-')), 7);
    const reference = await slicesCounts(files.tickets);
    expect(await engineCounts(engineOf(), 'slice_edge', rawCsvTable(files.tickets, 'tickets'), Object.keys(reference))).toEqual(reference);
  });

  it('equal the counts of slices --json on every preset tickets sample', async () => {
    for (const preset of ['zendesk', 'freshdesk', 'gorgias', 'helpscout']) {
      const file = `fixtures/formats/${preset}-tickets.csv`;
      const reference = await slicesCounts(file);
      const tickets = await loadTickets(file, DEFAULT_INGEST_OPTIONS);
      const table = ticketsTable(tickets);
      const keep = table.columns.map((c) => c.name === 'line' || tickets.present.has(c.name as never));
      const staged = { columns: table.columns.filter((_, i) => keep[i]), rows: table.rows.map((r) => r.filter((_, i) => keep[i])) };
      expect({ preset, counts: await engineCounts(engineOf(), `slice_${preset}`, staged, Object.keys(reference)) }).toEqual({ preset, counts: reference });
    }
  });
});
