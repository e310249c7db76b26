import { existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheDirectory, label } from './generate.js';
import { measure } from './measure.js';

/**
 * `npm run bench:engine`: `loyalty cohort --engine duckdb` on Parquet files too large for one
 * process's memory (100M orders + 10M tickets by default), under `--memory-limit`, measured
 * from outside (wall time, peak RSS of the whole process: Node and DuckDB together).
 *
 *   node dist/bench/engineScale.js [--rows 100M] [--memory-limit 4GB] [--csv]
 *
 * The data is bench/generate.ts's shape, written by DuckDB itself from `range()` (a JavaScript
 * generator would take an hour at this size): a year of 2024 orders for rows/5 customers, one
 * row in 500 an exact repeat of one of the 1,000 rows before it, every cancelled/refunded/
 * voided/failed status, 2% refunds; 10% as many tickets, 40% linked to an order by order_id,
 * rated 1–5, good/bad or not at all. Every value is a function of the row number through
 * DuckDB's hash(), so the same DuckDB version writes the same files. --csv also writes them as
 * CSV, for comparing with the in-process path on the same rows.
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

interface Flags {
  rows: number;
  memoryLimit: string;
  csv: boolean;
}

function parseFlags(argv: string[]): Flags {
  const flags: Flags = { rows: 100_000_000, memoryLimit: '4GB', csv: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--rows') flags.rows = parseSize(argv[++i]!);
    else if (a === '--memory-limit') flags.memoryLimit = argv[++i]!;
    else if (a === '--csv') flags.csv = true;
    else throw new Error(`unknown flag ${a}; use --rows 100M --memory-limit 4GB --csv`);
  }
  return flags;
}

function parseSize(text: string): number {
  const m = /^(\d+)([kKmM]?)$/.exec(text.trim());
  if (!m) throw new Error(`--rows: "${text}" is not a row count like 100M or 250k`);
  return Number(m[1]) * (m[2]!.toLowerCase() === 'm' ? 1_000_000 : m[2]!.toLowerCase() === 'k' ? 1000 : 1);
}

const log = (s: string) => process.stderr.write(`${s}\n`);

/** bench/generate.ts's layout: rows/5 customers, 2024 (a leap year) from its first instant. */
function layout(rows: number): { customers: number; yearMs: number; start: number } {
  return { customers: Math.max(1, Math.round(rows / 5)), yearMs: 366 * 86_400_000, start: Date.UTC(2024, 0, 1) };
}

/** The orders query: row i, or the earlier row it repeats, as bench/generate.ts lays them out. */
function ordersSql(rows: number): string {
  const { customers, yearMs, start } = layout(rows);
  return `
WITH base AS (
  SELECT CASE WHEN i > 10 AND hash(i, 7) % 500 = 0 THEN i - 1 - CAST(hash(i, 8) % LEAST(i - 1, 1000) AS BIGINT) ELSE i END AS s
  FROM (SELECT range AS i FROM range(${rows}))
)
SELECT
  100000001 + s AS order_id,
  'C' || LPAD(CAST(1 + hash(s, 1) % ${customers} AS VARCHAR), 8, '0') AS customer_id,
  epoch_ms(GREATEST(${start}, CAST(FLOOR(${start} + s * ${yearMs / rows}) AS BIGINT) - CAST(hash(s, 2) % 300 AS BIGINT) * 1000)) AS order_date,
  CAST((CASE WHEN hash(s, 4) % 50 = 0 THEN -1 ELSE 1 END) * CAST(500 + hash(s, 3) % 29500 AS BIGINT) AS DECIMAL(12, 2)) / 100 AS amount,
  ['completed', 'completed', 'completed', 'completed', 'completed', 'completed', 'completed', 'completed', 'shipped', 'pending', 'cancelled', 'refunded', 'Canceled', 'voided', 'failed', 'completed'][1 + CAST(hash(s, 5) % 16 AS INTEGER)] AS status
FROM base`;
}

/** The tickets query: each about a random order row (its customer, a time up to 25 days after it). */
function ticketsSql(rows: number): string {
  const { customers, yearMs, start } = layout(rows);
  return `
WITH base AS (
  SELECT k, CAST(hash(k, 11) % ${rows} AS BIGINT) AS r
  FROM (SELECT range AS k FROM range(${Math.round(rows / 10)}))
)
SELECT
  'T' || CAST(k + 1 AS VARCHAR) AS ticket_id,
  'C' || LPAD(CAST(1 + hash(r, 1) % ${customers} AS VARCHAR), 8, '0') AS customer_id,
  epoch_ms(GREATEST(${start}, CAST(FLOOR(${start} + r * ${yearMs / rows}) AS BIGINT) - CAST(hash(r, 2) % 300 AS BIGINT) * 1000) + CAST(hash(k, 12) % (25 * 86400) AS BIGINT) * 1000) AS created_at,
  CASE WHEN hash(k, 13) % 10 < 4 THEN CAST(100000001 + r AS VARCHAR) END AS order_id,
  ['solved', 'solved', 'solved', 'closed', 'Closed', 'resolved', 'open', 'pending', 'new', 'on-hold'][1 + CAST(hash(k, 14) % 10 AS INTEGER)] AS status,
  CASE WHEN hash(k, 15) % 100 < 50 THEN NULL WHEN hash(k, 15) % 100 < 53 THEN 'good' WHEN hash(k, 15) % 100 < 55 THEN 'bad' ELSE CAST(1 + hash(k, 16) % 5 AS VARCHAR) END AS satisfaction,
  ['email', 'chat', 'phone', 'web'][1 + CAST(hash(k, 17) % 4 AS INTEGER)] AS channel
FROM base`;
}

interface DataFiles {
  orders: string;
  tickets: string;
  ordersCsv: string;
  ticketsCsv: string;
}

function dataFiles(rows: number): DataFiles {
  const dir = join(cacheDirectory(), 'engine');
  const tag = `v1-${label(rows)}`;
  return {
    orders: join(dir, `orders-${tag}.parquet`),
    tickets: join(dir, `tickets-${tag}.parquet`),
    ordersCsv: join(dir, `orders-${tag}.csv`),
    ticketsCsv: join(dir, `tickets-${tag}.csv`),
  };
}

/** Writes what is missing, each file under a temporary name renamed when complete. */
async function ensureData(rows: number, csv: boolean): Promise<DataFiles> {
  const files = dataFiles(rows);
  const wanted: [string, string, string][] = [
    [files.orders, ordersSql(rows), '(FORMAT parquet)'],
    [files.tickets, ticketsSql(rows), '(FORMAT parquet)'],
    ...(csv
      ? ([
          [files.ordersCsv, ordersSql(rows), '(FORMAT csv, HEADER, TIMESTAMPFORMAT \'%Y-%m-%d %H:%M:%S\')'],
          [files.ticketsCsv, ticketsSql(rows), '(FORMAT csv, HEADER, TIMESTAMPFORMAT \'%Y-%m-%d %H:%M:%S\')'],
        ] as [string, string, string][])
      : []),
  ];
  const missing = wanted.filter(([path]) => !existsSync(path));
  if (missing.length === 0) return files;
  mkdirSync(dirname(files.orders), { recursive: true });
  const duckdb = await import('@duckdb/node-api');
  const instance = await duckdb.DuckDBInstance.create(':memory:', { memory_limit: '4GB' });
  const connection = await instance.connect();
  for (const [path, sql, format] of missing) {
    const partial = `${path}.partial`;
    rmSync(partial, { force: true });
    log(`writing ${path} …`);
    const started = Date.now();
    await connection.run(`COPY (${sql}) TO '${partial.replaceAll("'", "''")}' ${format}`);
    renameSync(partial, path);
    log(`  ${(statSync(path).size / 1e6).toFixed(0)} MB in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  connection.closeSync();
  instance.closeSync();
  return files;
}

async function main(): Promise<void> {
  const flags = parseFlags(process.argv.slice(2));
  const files = await ensureData(flags.rows, flags.csv);
  const runs: Record<string, unknown>[] = [];
  const load = [loadavg()[0]];
  const commands: [string, string[]][] = [
    ['duckdb-parquet', ['bin/loyalty.js', 'cohort', '--engine', 'duckdb', '--memory-limit', flags.memoryLimit, files.orders, files.tickets, '--json', '--quiet']],
    ...(flags.csv
      ? ([
          ['duckdb-csv', ['bin/loyalty.js', 'cohort', '--engine', 'duckdb', '--memory-limit', flags.memoryLimit, files.ordersCsv, files.ticketsCsv, '--json', '--quiet']],
          ['in-process-csv', ['bin/loyalty.js', 'cohort', files.ordersCsv, files.ticketsCsv, '--json', '--quiet']],
        ] as [string, string[]][])
      : []),
  ];
  const results: Record<string, unknown> = {};
  for (const [name, args] of commands) {
    log(`${name}: node ${args.join(' ')}`);
    const m = await measure(process.execPath, args, ROOT);
    if (m.exitCode !== 0) throw new Error(`${name} exited ${m.exitCode}: ${m.stderr.trim().split('\n').slice(-3).join(' / ')}`);
    const json = JSON.parse(m.stdout) as { cohort: unknown; groups: Record<string, { customers: number; meanSpend: number | null }> };
    const groups = Object.fromEntries(Object.entries(json.groups).map(([g, s]) => [g, { customers: s.customers, meanSpend: s.meanSpend }]));
    results[name] = { cohort: json.cohort, groups };
    runs.push({ name, wallMs: m.wallMs, peakRssMb: m.peakRssMb, groups });
    log(`  ${(m.wallMs / 1000).toFixed(1)} s, peak RSS ${m.peakRssMb} MB, groups ${JSON.stringify(groups)}`);
  }
  load.push(loadavg()[0]);
  const names = Object.keys(results);
  const agree = names.every((n) => JSON.stringify(results[n]) === JSON.stringify(results[names[0]!]));
  const record = {
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, model: cpus()[0]?.model ?? 'unknown', node: process.version },
    loadAverage: { before: load[0], after: load[1] },
    orders: flags.rows,
    tickets: Math.round(flags.rows / 10),
    memoryLimit: flags.memoryLimit,
    inputMb: Object.fromEntries(Object.entries(files).filter(([, p]) => existsSync(p)).map(([k, p]) => [k, Math.round(statSync(p).size / 1e6)])),
    runs,
    sameGroupsAndMeans: agree,
  };
  const out = join(ROOT, 'bench', 'results', `${record.date.slice(0, 16).replace(':', '-')}-engine-${label(flags.rows)}.json`);
  writeFileSync(out, `${JSON.stringify(record, null, 2)}\n`);
  log(`wrote ${out}${names.length > 1 ? `; every run found the same groups and means: ${agree ? 'yes' : 'NO'}` : ''}`);
  if (!agree) process.exitCode = 1;
}

main().catch((e: unknown) => {
  log(`bench:engine: ${(e as Error).message}`);
  process.exitCode = 1;
});
