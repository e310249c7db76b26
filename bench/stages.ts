import { performance } from 'node:perf_hooks';
import { runCohortAnalysis } from '../src/analysis/cohorts.js';
import { DEFAULT_COHORT_OPTIONS } from '../src/analysis/cohortResult.js';
import { customerFacts } from '../src/facts/customerFacts.js';
import { readOrders } from '../src/ingest/readOrders.js';
import { readTickets } from '../src/ingest/readTickets.js';
import { DEFAULT_INGEST_OPTIONS } from '../src/ingest/records.js';
import { cohortJson } from '../src/report/cohortJson.js';
import { stableJson } from '../src/report/format.js';
import { followUpWindow, parseSpan, problemWindow, parseCohortWindow } from '../src/analysis/windows.js';
import { ticketResolver } from '../src/analysis/resolution.js';

/**
 * Time per stage of `loyalty cohort`, in process: read (both files at once, as the CLI does:
 * the time each was done by), aggregate
 * (per-customer facts), statistics (group statistics, bootstrap, tests; the analysis time
 * minus its aggregation), report (the --json document). Prints one JSON object on stdout.
 *
 *   node dist/bench/stages.js orders.csv tickets.csv
 */
export interface StageTimes {
  readOrdersMs: number;
  readTicketsMs: number;
  aggregateMs: number;
  statisticsMs: number;
  reportMs: number;
  totalMs: number;
  peakRssMb: number;
}

/** What the comparison with DuckDB needs from the result. */
export interface StageRun {
  stages: StageTimes;
  cohort: { start: string; end: string };
  groups: Record<string, { customers: number; meanSpend: number | null }>;
}

async function main(ordersPath: string, ticketsPath: string): Promise<StageRun> {
  // Both files at once, as the CLI reads them: t1 and t2 are when each was read, from t0.
  const t0 = performance.now();
  let t1 = 0;
  let t2 = 0;
  const [orders, tickets] = await Promise.all([
    readOrders(ordersPath, DEFAULT_INGEST_OPTIONS).finally(() => (t1 = performance.now())),
    readTickets(ticketsPath, DEFAULT_INGEST_OPTIONS).finally(() => (t2 = performance.now())),
  ]);
  const read = performance.now();
  const result = runCohortAnalysis(orders, tickets, DEFAULT_COHORT_OPTIONS);
  const t3 = performance.now();
  const json = stableJson(cohortJson(result, { orders: orders.quality, tickets: tickets.quality }));
  const t4 = performance.now();
  // The aggregation again, alone, on the window the analysis chose, to split analysis time.
  const cohort = parseCohortWindow(`${result.cohort.start}..${result.cohort.end}`);
  const windows = {
    cohort,
    followUp: followUpWindow(cohort, parseSpan(DEFAULT_COHORT_OPTIONS.follow, '--follow', 1)),
    problem: problemWindow(cohort, parseSpan(DEFAULT_COHORT_OPTIONS.grace, '--grace', 0)),
  };
  const a0 = performance.now();
  customerFacts(orders.table, tickets.table, windows, ticketResolver(tickets.present));
  const aggregateMs = performance.now() - a0;
  if (json.length === 0) throw new Error('empty report');
  const stages = {
    readOrdersMs: Math.round(t1 - t0),
    readTicketsMs: Math.round(t2 - t0),
    aggregateMs: Math.round(aggregateMs),
    statisticsMs: Math.round(Math.max(0, t3 - read - aggregateMs)),
    reportMs: Math.round(t4 - t3),
    totalMs: Math.round(t4 - t0),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
  return { stages, cohort: result.cohort, groups: result.groups };
}

const [ordersPath, ticketsPath] = process.argv.slice(2);
if (ordersPath === undefined || ticketsPath === undefined) {
  process.stderr.write('usage: node dist/bench/stages.js orders.csv tickets.csv\n');
  process.exitCode = 64;
} else {
  process.stdout.write(JSON.stringify(await main(ordersPath, ticketsPath)) + '\n');
}
