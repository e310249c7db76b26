import { groupColumns, groupStats } from '../../src/analysis/cohortGroups.js';
import { parseCohortSpans, parseCohortWindow } from '../../src/analysis/windows.js';
import { DIALECTS, type DialectName } from '../../src/engines/dialects.js';
import type { Engine } from '../../src/engines/engine.js';
import { factsRows, memberColumns, type FactsRow } from '../../src/engines/factsRows.js';
import { factsSource } from '../../src/engines/factsSource.js';
import { factsSql, factsWindows } from '../../src/engines/factsSql.js';
import { stableJson } from '../../src/report/format.js';
import { runCli } from '../e2e/cli.js';
import { stage, type StagedTable } from './stage.js';

/** What `cohort --json` printed: the parts the engines must reproduce. */
export interface CohortDocument {
  cohort: { start: string; end: string };
  groups: unknown;
  counts: { members: number; problemTickets: number };
  options: { follow: string; grace: string; seed: number; bootstrap: number; cohort: string | null };
}

export async function cohortJson(orders: string, tickets: string, flags: string[] = []): Promise<CohortDocument> {
  const { code, out, err } = await runCli(['cohort', orders, tickets, '--json', ...flags]);
  if (code !== 0) throw new Error(`cohort exited ${code}: ${err}`);
  return JSON.parse(out) as CohortDocument;
}

/**
 * The facts stage run in `engine` on staged tables, finished by the in-process statistics:
 * the groups `cohort --json` would print from the engine's facts, and the facts themselves.
 */
export async function engineGroups(
  engine: Engine,
  name: string,
  tables: { orders: StagedTable; tickets: StagedTable },
  reference: CohortDocument,
): Promise<{ groups: unknown; rows: FactsRow[] }> {
  await stage(engine, `${name}_orders`, tables.orders);
  await stage(engine, `${name}_tickets`, tables.tickets);
  const has = (t: StagedTable, c: string) => t.columns.some((x) => x.name === c);
  const absent = [
    ...['order_id', 'status'].filter((c) => !has(tables.orders, c)).map((c) => `orders.${c}`),
    ...['order_id', 'status', 'resolved', 'satisfaction', 'reason', 'channel', 'agent'].filter((c) => !has(tables.tickets, c)).map((c) => `tickets.${c}`),
  ];
  const source = factsSource({ orders: `${name}_orders`, tickets: `${name}_tickets` }, { 'orders.row_order': 'line' }, absent);
  const o = reference.options;
  const { follow, grace } = parseCohortSpans({ cohort: null, follow: o.follow, grace: o.grace, seed: 1, bootstrap: 1 });
  const windows = factsWindows(parseCohortWindow(`${reference.cohort.start}..${reference.cohort.end}`), follow, grace);
  const sql = factsSql(DIALECTS[engine.name as DialectName], source, windows);
  const rows = factsRows(await engine.rows(sql), engine.name);
  const groups = groupStats(groupColumns(memberColumns(rows)), { resamples: o.bootstrap, seed: o.seed });
  // Through the same serialisation as `cohort --json`, so "equal" means equal as printed.
  return { groups: JSON.parse(stableJson(groups)), rows };
}
