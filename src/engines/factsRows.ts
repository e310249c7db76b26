import { FactsTableBuilder } from '../ingest/factsTable.js';
import type { CustomerFactsTable } from '../model/customerFacts.js';
import type { Engine } from './engine.js';

/**
 * The facts query's rows → the per-customer facts table, read and checked as a facts file is
 * (src/ingest/factsTable.ts): the engine path and `--facts-in` share one reader, so what the
 * query returns is exactly what `loyalty sql`'s exported result gives. Streamed from the engine
 * (Engine.batches), so millions of members never sit in memory as text; null when the query
 * returns no row.
 */
export async function readEngineFactsTable(engine: Engine, sql: string, label: string, batchSize?: number): Promise<CustomerFactsTable | null> {
  let builder: FactsTableBuilder | null = null;
  let header: string[] = [];
  let line = 0;
  await engine.batches(sql, (rows) => {
    for (const row of rows) {
      if (builder === null) {
        header = Object.keys(row);
        builder = new FactsTableBuilder({ file: label, where: 'row', header });
      }
      builder.add(++line, header.map((c) => row[c] ?? ''));
    }
  }, batchSize);
  return builder === null ? null : (builder as FactsTableBuilder).finish();
}
