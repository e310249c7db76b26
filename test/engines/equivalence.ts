import { comparisons, groupColumns, groupStats } from '../../src/analysis/cohortGroups.js';
import { parseCohortSpans, parseCohortWindow } from '../../src/analysis/windows.js';
import { DIALECTS, type DialectName } from '../../src/engines/dialects.js';
import type { Engine } from '../../src/engines/engine.js';
import { factsRows, memberColumns, type FactsRow } from './factsRows.js';
import { factsSource } from '../../src/engines/factsSource.js';
import { factsSql, factsWindows } from '../../src/engines/factsSql.js';
import { stableJson } from '../../src/report/format.js';
import { runCli } from '../e2e/cli.js';
import { stage, type StagedTable } from './stage.js';
import { GROUPS } from '../../src/model/groups.js';

/**
 * What `cohort --json` printed: the parts the engine path computes too. The adjusted analyses
 * (baseline, preWindow, adjusted, diffInDiff, stratified, revenueAtStake, repurchase,
 * adjustmentCaveats) and proactiveFollowUp run only on the in-process path for now.
 */
export interface CohortDocument {
  cohort: { start: string; end: string };
  groups: unknown;
  comparisons: unknown;
  currency: string | null;
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
 * the groups and comparisons `cohort --json` would print from the engine's facts, and the
 * facts themselves. `currency` is what the engine path prints: the one --currency names (the
 * engines read amounts as plain numbers), null without it.
 */
export async function engineGroups(
  engine: Engine,
  name: string,
  tables: { orders: StagedTable; tickets: StagedTable },
  reference: CohortDocument,
  currency: string | null = null,
): Promise<{ groups: unknown; comparisons: unknown; rows: FactsRow[] }> {
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
  const columns = groupColumns(memberColumns(rows));
  const groups = groupStats(columns, { resamples: o.bootstrap, seed: o.seed });
  // As cohortJson prints them (each group carries the currency), through the same
  // serialisation, so "equal" means equal as printed.
  const printed = Object.fromEntries(GROUPS.map((g) => [g, { ...groups[g], currency }]));
  return { groups: JSON.parse(stableJson(printed)), comparisons: JSON.parse(stableJson(comparisons(columns, groups))), rows };
}

/**
 * The `cohort --json` fields that need per-ticket or per-order data beyond the facts table,
 * so run only on the in-process path: the proactive follow-up and a month range's monthly
 * gaps (see README, Engines). The engine paths and --facts-in print every other field,
 * the adjusted comparison included, and the e2e tests compare those.
 */
export const IN_PROCESS_ONLY = ['proactiveFollowUp', 'monthly'];

/** A `cohort --json` document without the in-process-only fields. */
export function engineComputed(doc: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(doc).filter(([k]) => !IN_PROCESS_ONLY.includes(k)));
}
