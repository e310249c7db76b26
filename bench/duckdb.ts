import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheDirectory } from './generate.js';

/**
 * DuckDB, the tool a skilled analyst would use instead: installed on demand into the bench
 * cache (never into the repository's node_modules: the registry here serves only its linux-x64
 * bindings, so it cannot be a devDependency), and run as its own process so its wall time and
 * peak memory are measured like loyalty's.
 *
 *   node dist/bench/duckdb.js orders.csv tickets.csv [--line-items]   → the query's rows as JSON on stdout
 */
export const DUCKDB_PACKAGE = '@duckdb/node-api@1.5.6-r.1';
const THREADS = 2;

function installDirectory(): string {
  return join(cacheDirectory(), 'duckdb');
}

/** Installs DuckDB into the cache if needed; null when it is available, else why not. */
export function ensureDuckDb(log: (s: string) => void): string | null {
  const dir = installDirectory();
  if (existsSync(join(dir, 'node_modules', '@duckdb', 'node-api', 'package.json'))) return null;
  mkdirSync(dir, { recursive: true });
  log(`installing ${DUCKDB_PACKAGE} into ${dir} (once)…`);
  try {
    execFileSync('npm', ['install', '--prefix', dir, DUCKDB_PACKAGE, '--no-audit', '--no-fund', '--no-save'], { stdio: 'ignore' });
    return null;
  } catch (e) {
    return `npm install ${DUCKDB_PACKAGE} failed (${(e as Error).message.split('\n')[0]})`;
  }
}

/**
 * The cohort query with both paths filled in as SQL string literals. A Shopify line-item export
 * holds an order's columns on its first row (the one with a Total): those rows are the orders,
 * as loyalty's Shopify preset folds them.
 */
export function cohortSql(orders: string, tickets: string, lineItems = false): string {
  const sqlFile = fileURLToPath(new URL('../../bench/cohort.sql', import.meta.url));
  const quote = (s: string) => `'${s.replaceAll("'", "''")}'`;
  const read = `read_csv(${quote(orders)}, header = true, all_varchar = true)`;
  const rows = lineItems
    ? `(SELECT "Name" AS order_id, "Email" AS customer_id, "Created at" AS order_date, "Total" AS amount, "Financial Status" AS status
     FROM ${read} WHERE trim(coalesce("Total", '')) <> '')`
    : read;
  return readFileSync(sqlFile, 'utf8').replaceAll('{{order_rows}}', rows).replaceAll('{{orders}}', quote(orders)).replaceAll('{{tickets}}', quote(tickets));
}

export interface DuckGroup {
  cohort_start: string;
  group: string;
  customers: number;
  total_spend: string;
  mean_spend: number;
}

async function query(orders: string, tickets: string, lineItems: boolean): Promise<DuckGroup[]> {
  const require = createRequire(join(installDirectory(), 'package.json'));
  const { DuckDBInstance } = require('@duckdb/node-api') as typeof import('./duckdbTypes.js');
  const instance = await DuckDBInstance.create(':memory:', { threads: String(THREADS) });
  const connection = await instance.connect();
  const reader = await connection.runAndReadAll(cohortSql(orders, tickets, lineItems));
  return reader.getRowObjectsJson() as unknown as DuckGroup[];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [orders, tickets, layout] = process.argv.slice(2);
  process.stdout.write(JSON.stringify(await query(orders, tickets, layout === '--line-items')) + '\n');
}
